//! The invariants of `pallet-posts`, checked by the `try_state` hook and after every test.

use alloc::collections::btree_map::BTreeMap;

use agora_primitives::{DepositTicket, PostId};
use frame_support::{ensure, traits::GetStorageVersion};
use sp_runtime::traits::Saturating;

use crate::{
	from_oldest_first, newest_first, oldest_first, BalanceOf, Config, HoldReason, NextPostId,
	Pallet, PostCountByAuthor, PostKind, Posts, PostsByAuthor, Quotes, Replies, RepostOf,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants: counters equal the sizes of their indexes, every
	/// index entry points at a post that agrees with it, and each author's hold equals the
	/// sum of their posts' tickets.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextPostId::<T>::get();
		let mut posts = 0u32;
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut per_author: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut quotes: BTreeMap<PostId, u32> = BTreeMap::new();
		// Before the v1 migration has run, quotes are counted but not yet indexed.
		let quotes_indexed = Pallet::<T>::on_chain_storage_version() >= 1;
		for (id, post) in Posts::<T>::iter() {
			posts += 1;
			ensure!(id < next, "a post id is not below NextPostId");
			ensure!(
				PostsByAuthor::<T>::contains_key(&post.author, newest_first(id)),
				"a post is missing from its author's index"
			);
			ensure!(
				Replies::<T>::iter_prefix(id).count() as u32 == post.replies,
				"a reply counter differs from its index"
			);
			ensure!(
				RepostOf::<T>::iter_prefix(id).count() as u32 == post.reposts,
				"a repost counter differs from its index"
			);
			ensure!(
				post.content.is_some() || matches!(post.kind, PostKind::Repost { .. }),
				"only reposts lack content"
			);
			if let PostKind::Quote { of } = post.kind {
				*quotes.entry(of).or_default() += 1;
				ensure!(
					!quotes_indexed || Quotes::<T>::contains_key(of, oldest_first(id)),
					"a quote is missing from the quotes index"
				);
			}
			let entry = held.entry(post.ticket.payer(&post.author)).or_default();
			*entry = entry.saturating_add(post.ticket.held());
			*per_author.entry(post.author.clone()).or_default() += 1;
		}
		ensure!(posts == Posts::<T>::count(), "the post counter is off");
		for (id, post) in Posts::<T>::iter() {
			ensure!(
				quotes.get(&id).copied().unwrap_or_default() == post.quotes,
				"a quote counter differs from the quotes that exist"
			);
		}
		if quotes_indexed {
			for (of, key, ()) in Quotes::<T>::iter() {
				let quote = Posts::<T>::get(from_oldest_first(key))
					.ok_or("a quote index entry points at a deleted post")?;
				ensure!(
					quote.kind == PostKind::Quote { of },
					"a quote index entry points at a post that is not its quote"
				);
			}
		}
		for (author, count) in &per_author {
			ensure!(PostCountByAuthor::<T>::get(author) == *count, "an author's post count is off");
			ensure!(
				PostsByAuthor::<T>::iter_prefix(author).count() as u32 == *count,
				"an author's index size differs from their posts"
			);
		}
		ensure!(
			PostCountByAuthor::<T>::iter().count() == per_author.len(),
			"a post count is kept for an author without posts"
		);
		for (parent, key, ()) in Replies::<T>::iter() {
			let child = from_oldest_first(key);
			if let Some(post) = Posts::<T>::get(child) {
				ensure!(
					matches!(post.kind, PostKind::Reply { parent: p, .. } if p == parent),
					"a reply index entry points at a post that is not its reply"
				);
			} else {
				return Err("a reply index entry points at a deleted post".into());
			}
		}
		for (of, author, repost) in RepostOf::<T>::iter() {
			let post = Posts::<T>::get(repost).ok_or("a repost index entry has no post")?;
			ensure!(
				post.author == author && post.kind == PostKind::Repost { of },
				"a repost index entry disagrees with its post"
			);
		}
		let reason: T::RuntimeHoldReason = HoldReason::PostDeposit.into();
		agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
		Ok(())
	}
}
