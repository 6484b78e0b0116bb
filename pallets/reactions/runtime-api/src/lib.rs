//! Runtime API for reading reactions: a post's counts by kind, one account's reaction, and who
//! reacted, a page at a time. The types it returns live in `agora-primitives`; the queries live
//! in `pallet-reactions` (`queries.rs`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use agora_primitives::{Page, PostId, ReactionKind};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reading reactions.
	pub trait ReactionsApi<AccountId> where AccountId: Codec {
		/// How many reactions of each kind `post` has (kinds nobody used are left out).
		fn reaction_counts(post: PostId) -> Vec<(ReactionKind, u32)>;
		/// `who`'s reaction to `post`, if any.
		fn reaction_of(post: PostId, who: AccountId) -> Option<ReactionKind>;
		/// Up to `limit` of the accounts that reacted to `post`, with their reactions, after
		/// the account `after`, in storage order. `limit` follows the page-size rule of
		/// `agora_primitives::PageSize`: 1 to `MAX_PAGE_SIZE`; any other limit gets an empty
		/// page.
		fn reactors(post: PostId, after: Option<AccountId>, limit: u32)
			-> Page<(AccountId, ReactionKind), AccountId>;
	}
}
