//! Runtime API for reading profiles, by account or by handle. The types it returns live in
//! `agora-primitives`; the queries live in `pallet-profiles` (`queries.rs`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use agora_primitives::ProfileView;
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reading profiles.
	pub trait ProfilesApi<AccountId, BlockNumber> where AccountId: Codec, BlockNumber: Codec {
		/// The profile of `account`, if it has one.
		fn profile(account: AccountId) -> Option<ProfileView<AccountId, BlockNumber>>;
		/// The profile holding `handle` (any letter case), if one does.
		fn profile_by_handle(handle: Vec<u8>) -> Option<ProfileView<AccountId, BlockNumber>>;
	}
}
