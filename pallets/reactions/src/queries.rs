//! Read-only queries behind `pallet-reactions-runtime-api`: a post's reaction counts by kind,
//! one account's reaction to a post (a handful of reads: there are nine kinds), and who
//! reacted to a post, a [`Page`] at a time.
//!
//! `Reactions` is keyed `(post, account)` with a reversible hasher on the account, so a page of
//! reactors walks the post's prefix from just after the cursor account: about one read per item
//! of the [`PageSize`]. The order is the storage order (by the hash of the account): stable for
//! a given block, not by time.

use alloc::vec::Vec;

use agora_primitives::{Page, PageSize, PostId};

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

	/// The accounts that reacted to `post` and how, after the account `after`; the cursor is
	/// the last account on the page.
	pub fn reactors_page(
		post: PostId,
		after: Option<&T::AccountId>,
		size: PageSize,
	) -> Page<(T::AccountId, ReactionKind), T::AccountId> {
		let reactions = match after {
			Some(after) => {
				Reactions::<T>::iter_prefix_from(post, Reactions::<T>::hashed_key_for(post, after))
			},
			None => Reactions::<T>::iter_prefix(post),
		}
		.map(|(who, reaction)| (who, reaction.kind));
		Page::take(reactions, size, |(last, _)| last.clone())
	}
}
