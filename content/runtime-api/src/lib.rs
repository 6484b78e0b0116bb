//! Runtime API `ContentApi`: the content changes of a block, told by the runtime that produced
//! its events.
//!
//! A pinning node must learn which CIDs each block started or stopped using. It cannot decode
//! `System::Events` with the runtime types compiled into its binary: after a runtime upgrade
//! that changes any event type those types no longer match, and content would be missed. So the
//! node hands the raw events of block `B` to [`ContentApi::content_changes`] called **at
//! `B`'s parent**, whose runtime is the one that executed `B` and wrote those events (a block
//! that enacts an upgrade is still executed by the old code, so the state of `B` itself may
//! already hold the new one).
//!
//! The API lives in a crate of its own so that the node's content service (`agora-content`)
//! and the runtime that implements it (`agora-runtime`, `content.rs`) share the declaration
//! without the node's content code depending on the runtime. The type it returns,
//! [`ContentChange`], lives in `agora-primitives`.
//!
//! Version 2 names, with each CID referenced, the size its author declared and the author, so a
//! pinning node can check the size and share its slots across authors. A node asks a runtime of
//! version 1 (a block before the upgrade that brought version 2) with
//! `content_changes_before_version_2`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use agora_primitives::{ContentChange, ContentChangeV1};
use alloc::vec::Vec;

sp_api::decl_runtime_apis! {
	/// What a block did to the content the chain uses.
	#[api_version(2)]
	pub trait ContentApi<AccountId: codec::Codec> {
		/// Version 1: CIDs referenced and released, without sizes or authors.
		#[changed_in(2)]
		fn content_changes(events: Vec<u8>) -> Option<Vec<ContentChangeV1>>;

		/// The content changes that `events` (the SCALE-encoded `System::Events` of a block
		/// executed by this runtime) make, in order; `None` if they do not decode as this
		/// runtime's events.
		fn content_changes(events: Vec<u8>) -> Option<Vec<ContentChange<AccountId>>>;
	}
}
