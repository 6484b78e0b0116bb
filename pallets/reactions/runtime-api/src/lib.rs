//! Runtime API for reading reactions: a post's counts by kind and one account's reaction. The
//! queries live in `pallet-reactions` (`queries.rs`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use agora_primitives::PostId;
use alloc::vec::Vec;
use codec::Codec;
pub use pallet_reactions::ReactionKind;

sp_api::decl_runtime_apis! {
	/// Reading reactions.
	pub trait ReactionsApi<AccountId> where AccountId: Codec {
		/// How many reactions of each kind `post` has (kinds nobody used are left out).
		fn reaction_counts(post: PostId) -> Vec<(ReactionKind, u32)>;
		/// `who`'s reaction to `post`, if any.
		fn reaction_of(post: PostId, who: AccountId) -> Option<ReactionKind>;
	}
}
