//! Read-only queries behind `pallet-reactions-runtime-api`: a post's reaction counts by kind,
//! and one account's reaction to a post. Both are a handful of reads: there are nine kinds.

use alloc::vec::Vec;

use agora_primitives::PostId;

use crate::{Config, Pallet, ReactionCounts, ReactionKind, Reactions};

impl<T: Config> Pallet<T> {
	/// How many reactions of each kind `post` has; kinds nobody used are left out.
	pub fn reaction_counts(post: PostId) -> Vec<(ReactionKind, u32)> {
		let mut counts: Vec<_> =
			ReactionCounts::<T>::iter_prefix(post).filter(|(_, count)| *count > 0).collect();
		counts.sort();
		counts
	}

	/// `who`'s reaction to `post`, if any.
	pub fn reaction_of(post: PostId, who: &T::AccountId) -> Option<ReactionKind> {
		Reactions::<T>::get(post, who).map(|reaction| reaction.kind)
	}
}
