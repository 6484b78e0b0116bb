//! Read-only queries behind `pallet-posts-runtime-api`: one post, a thread's replies, a
//! post's quotes, an author's posts and a merged feed of several authors, each a [`Page`] of at most a
//! [`PageSize`] (the page-size rule is in `agora_primitives`).
//!
//! Every query walks an index in key order, starting just after its cursor, so a page costs
//! about `size` storage reads whatever the chain holds. The feed reads the newest post of
//! each source author once, then merges with a heap: `authors + size` reads per page.

use alloc::{collections::BinaryHeap, vec::Vec};

use agora_primitives::{Page, PageSize, PostId, PostView};
use frame_support::storage::KeyPrefixIterator;
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	from_newest_first, from_oldest_first, newest_first, oldest_first, Config, Pallet, Posts,
	PostsByAuthor, Quotes, Replies,
};

/// A [`PostView`] of a runtime.
pub type PostViewOf<T> = PostView<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// A page of posts; the cursor is the id of the last post on it.
pub type PostPage<T> = Page<PostViewOf<T>, PostId>;

impl<T: Config> Pallet<T> {
	/// The post `id`, if it exists.
	pub fn post_view(id: PostId) -> Option<PostViewOf<T>> {
		Posts::<T>::get(id).map(|post| PostView {
			id,
			author: post.author,
			content: post.content,
			kind: post.kind,
			created_at: post.created_at,
			revision: post.revision,
			replies: post.replies,
			reposts: post.reposts,
			quotes: post.quotes,
		})
	}

	/// Direct replies to `parent`, oldest first, after the reply `after`.
	pub fn replies_page(parent: PostId, after: Option<PostId>, size: PageSize) -> PostPage<T> {
		let keys = match after {
			Some(after) => Replies::<T>::iter_key_prefix_from(
				parent,
				Replies::<T>::hashed_key_for(parent, oldest_first(after)),
			),
			None => Replies::<T>::iter_key_prefix(parent),
		};
		Self::page_of(keys.map(from_oldest_first), size)
	}

	/// Quotes of `of`, oldest first, after the quote `after`.
	pub fn quotes_page(of: PostId, after: Option<PostId>, size: PageSize) -> PostPage<T> {
		let keys = match after {
			Some(after) => Quotes::<T>::iter_key_prefix_from(
				of,
				Quotes::<T>::hashed_key_for(of, oldest_first(after)),
			),
			None => Quotes::<T>::iter_key_prefix(of),
		};
		Self::page_of(keys.map(from_oldest_first), size)
	}

	/// `author`'s posts, newest first, older than the post `before`.
	pub fn author_page(
		author: &T::AccountId,
		before: Option<PostId>,
		size: PageSize,
	) -> PostPage<T> {
		Self::page_of(Self::newest_of(author, before).map(from_newest_first), size)
	}

	/// The newest posts of all `authors` together, newest first, older than the post `before`.
	pub fn merged_page(
		authors: &[T::AccountId],
		before: Option<PostId>,
		size: PageSize,
	) -> PostPage<T> {
		let mut sources: Vec<_> =
			authors.iter().map(|author| Self::newest_of(author, before)).collect();
		let mut heads: BinaryHeap<(PostId, usize)> = sources
			.iter_mut()
			.enumerate()
			.filter_map(|(source, keys)| keys.next().map(|key| (from_newest_first(key), source)))
			.collect();
		let merged = core::iter::from_fn(move || {
			let (id, source) = heads.pop()?;
			if let Some(key) = sources.get_mut(source).and_then(Iterator::next) {
				heads.push((from_newest_first(key), source));
			}
			Some(id)
		});
		Self::page_of(merged, size)
	}

	fn newest_of(author: &T::AccountId, before: Option<PostId>) -> KeyPrefixIterator<[u8; 8]> {
		match before {
			Some(before) => PostsByAuthor::<T>::iter_key_prefix_from(
				author,
				PostsByAuthor::<T>::hashed_key_for(author, newest_first(before)),
			),
			None => PostsByAuthor::<T>::iter_key_prefix(author),
		}
	}

	/// Up to `size` posts from `ids`, with the cursor after the last one if `ids` goes on.
	fn page_of(mut ids: impl Iterator<Item = PostId>, size: PageSize) -> PostPage<T> {
		let limit = size.get() as usize;
		let mut items = Vec::with_capacity(limit);
		for id in ids.by_ref() {
			// Indexes and posts change together, so every id resolves; a missing one is skipped.
			if let Some(view) = Self::post_view(id) {
				items.push(view);
				if items.len() == limit {
					break;
				}
			}
		}
		let next = match items.last() {
			Some(last) if items.len() == limit && ids.next().is_some() => Some(last.id),
			_ => None,
		};
		Page { items, next }
	}
}
