//! What the calls of `pallet-posts` do once the origin is checked and the arguments are parsed,
//! the storage footprint a post's deposit is priced on, and what other pallets may ask about
//! posts ([`PostsInspect`]).

use agora_primitives::{decrement_or_remove, with_content, Cid, PostId, PostsInspect};
use codec::{Encode, MaxEncodedLen};
use frame_support::{
	ensure,
	traits::{Consideration, Footprint, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchError, DispatchResult};

use crate::{
	newest_first, oldest_first, Config, Error, Event, NextPostId, Pallet, Post, PostCountByAuthor,
	PostKind, PostOf, Posts, PostsByAuthor, Quotes, Replies, RepostOf,
};

/// A post's body: its CID and its declared size in bytes.
pub(crate) type Body = (Cid, u32);

impl<T: Config> Pallet<T> {
	/// Publishes `author`'s original post with body `content` (`create_post`).
	pub(crate) fn do_create_post(author: T::AccountId, content: Body) -> DispatchResult {
		Self::publish(author, Some(content), PostKind::Original).map(|_| ())
	}

	/// Publishes `author`'s reply to `parent`, or to the post `parent` reposted (`reply`).
	pub(crate) fn do_reply(author: T::AccountId, parent: PostId, content: Body) -> DispatchResult {
		let parent = Self::resolve_target(parent)?;
		let root = match Posts::<T>::get(parent).map(|post| post.kind) {
			Some(PostKind::Reply { root, .. }) => root,
			_ => parent,
		};
		Self::publish(author, Some(content), PostKind::Reply { parent, root }).map(|_| ())
	}

	/// Publishes `author`'s quote of `of`, or of the post `of` reposted (`quote`).
	pub(crate) fn do_quote(author: T::AccountId, of: PostId, content: Body) -> DispatchResult {
		let of = Self::resolve_target(of)?;
		Self::publish(author, Some(content), PostKind::Quote { of }).map(|_| ())
	}

	/// Publishes `author`'s repost of `of`, or of the post `of` reposted (`repost`).
	pub(crate) fn do_repost(author: T::AccountId, of: PostId) -> DispatchResult {
		let of = Self::resolve_target(of)?;
		ensure!(!RepostOf::<T>::contains_key(of, &author), Error::<T>::AlreadyReposted);
		let post_id = Self::publish(author.clone(), None, PostKind::Repost { of })?;
		Self::deposit_event(Event::Reposted { post_id, author, of });
		Ok(())
	}

	/// Replaces the body of `who`'s post `post_id` with `content`, repricing the deposit
	/// (`edit_post`).
	pub(crate) fn do_edit_post(
		who: T::AccountId,
		post_id: PostId,
		(content, size): Body,
	) -> DispatchResult {
		let post = Posts::<T>::get(post_id).ok_or(Error::<T>::PostNotFound)?;
		ensure!(post.author == who, Error::<T>::NotAuthor);
		let previous = post.content.clone().ok_or(Error::<T>::NotEditable)?;
		ensure!(previous != content, Error::<T>::ContentUnchanged);
		let revision = post.revision.checked_add(1).ok_or(Error::<T>::Overflow)?;

		let footprint = Self::footprint(&post.author, Some(&content), size, &post.kind);
		let ticket = post.ticket.update(&who, footprint)?;
		let post = Post { content: Some(content.clone()), revision, ticket, ..post };
		Posts::<T>::insert(post_id, post);
		Self::deposit_event(Event::PostEdited {
			post_id,
			author: who,
			content,
			size,
			previous,
			revision,
		});
		Ok(())
	}

	/// Deletes `who`'s post `post_id` and its index entries; refunds the deposit (`delete_post`).
	pub(crate) fn do_delete_post(who: T::AccountId, post_id: PostId) -> DispatchResult {
		let post = Posts::<T>::get(post_id).ok_or(Error::<T>::PostNotFound)?;
		ensure!(post.author == who, Error::<T>::NotAuthor);
		post.ticket.drop(&who)?;

		match post.kind {
			PostKind::Original => {},
			PostKind::Reply { parent, .. } => {
				Replies::<T>::remove(parent, oldest_first(post_id));
				Self::mutate_counters(parent, |target| {
					target.replies = target.replies.saturating_sub(1)
				});
			},
			PostKind::Repost { of } => {
				RepostOf::<T>::remove(of, &who);
				Self::mutate_counters(of, |target| {
					target.reposts = target.reposts.saturating_sub(1)
				});
			},
			PostKind::Quote { of } => {
				Quotes::<T>::remove(of, oldest_first(post_id));
				Self::mutate_counters(of, |target| target.quotes = target.quotes.saturating_sub(1));
			},
		}
		PostsByAuthor::<T>::remove(&who, newest_first(post_id));
		PostCountByAuthor::<T>::mutate_exists(&who, decrement_or_remove);
		Posts::<T>::remove(post_id);
		Self::deposit_event(Event::PostDeleted { post_id, author: who, content: post.content });
		Ok(())
	}

	/// Parses a body argument: its CID, as IPFS prints it or in binary form, and its declared
	/// size, at most `MaxContentSize`.
	pub(crate) fn parse_content(input: &[u8], size: u32) -> Result<Body, Error<T>> {
		let cid = Cid::parse(input).map_err(|_| Error::<T>::InvalidCid)?;
		ensure!(size <= T::MaxContentSize::get(), Error::<T>::ContentTooLarge);
		Ok((cid, size))
	}

	/// The post a reply, quote or repost of `id` actually targets: `id` itself, or for a
	/// plain repost the post it reposted.
	fn resolve_target(id: PostId) -> Result<PostId, Error<T>> {
		let post = Posts::<T>::get(id).ok_or(Error::<T>::PostNotFound)?;
		match post.kind {
			PostKind::Repost { of } => {
				ensure!(Posts::<T>::contains_key(of), Error::<T>::PostNotFound);
				Ok(of)
			},
			_ => Ok(id),
		}
	}

	/// Stores a new post, its index entries and counters, and holds its deposit.
	fn publish(
		author: T::AccountId,
		body: Option<Body>,
		kind: PostKind,
	) -> Result<PostId, DispatchError> {
		let (content, size) = match body {
			Some((cid, size)) => (Some(cid), size),
			None => (None, 0),
		};
		let post_id = NextPostId::<T>::get();
		let next_id = post_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let author_posts =
			PostCountByAuthor::<T>::get(&author).checked_add(1).ok_or(Error::<T>::Overflow)?;

		match kind {
			PostKind::Original => {},
			PostKind::Reply { parent, .. } => {
				Self::try_mutate_counters(parent, |target| {
					target.replies = target.replies.checked_add(1).ok_or(Error::<T>::Overflow)?;
					Ok(())
				})?;
				Replies::<T>::insert(parent, oldest_first(post_id), ());
			},
			PostKind::Repost { of } => {
				Self::try_mutate_counters(of, |target| {
					target.reposts = target.reposts.checked_add(1).ok_or(Error::<T>::Overflow)?;
					Ok(())
				})?;
				RepostOf::<T>::insert(of, &author, post_id);
			},
			PostKind::Quote { of } => {
				Self::try_mutate_counters(of, |target| {
					target.quotes = target.quotes.checked_add(1).ok_or(Error::<T>::Overflow)?;
					Ok(())
				})?;
				Quotes::<T>::insert(of, oldest_first(post_id), ());
			},
		}

		let ticket = T::Consideration::new(
			&author,
			Self::footprint(&author, content.as_ref(), size, &kind),
		)?;
		let post = Post {
			author: author.clone(),
			content: content.clone(),
			kind,
			created_at: frame_system::Pallet::<T>::block_number(),
			revision: 0,
			replies: 0,
			reposts: 0,
			quotes: 0,
			ticket,
		};
		Posts::<T>::insert(post_id, post);
		PostsByAuthor::<T>::insert(&author, newest_first(post_id), ());
		PostCountByAuthor::<T>::insert(&author, author_posts);
		NextPostId::<T>::put(next_id);
		if let Some(content) = content {
			Self::deposit_event(Event::PostCreated {
				post_id,
				author,
				content,
				size,
				kind,
				#[cfg(feature = "upgrade-test")]
				upgraded: true,
			});
		}
		Ok(post_id)
	}

	fn try_mutate_counters(
		id: PostId,
		change: impl FnOnce(&mut PostOf<T>) -> Result<(), Error<T>>,
	) -> Result<(), Error<T>> {
		Posts::<T>::try_mutate(id, |post| change(post.as_mut().ok_or(Error::<T>::PostNotFound)?))
	}

	/// Updates the counters of `id` if it still exists (it may have been deleted).
	fn mutate_counters(id: PostId, change: impl FnOnce(&mut PostOf<T>)) {
		Posts::<T>::mutate(id, |post| {
			if let Some(post) = post {
				change(post)
			}
		});
	}

	/// The storage a post occupies: its record, its entry in the author index, and its
	/// entry in the reply, quote or repost index; and its body of `size` bytes, for what
	/// pinning nodes keep. The deposit is priced on this.
	pub fn footprint(
		author: &T::AccountId,
		content: Option<&Cid>,
		size: u32,
		kind: &PostKind,
	) -> Footprint {
		// author, content, kind, created_at, and four u32 counters.
		let record = author.encoded_size()
			+ content.encoded_size()
			+ PostKind::max_encoded_len()
			+ BlockNumberFor::<T>::max_encoded_len()
			+ 4 * 4;
		let author_index = author.encoded_size() + 8;
		let (items, kind_index) = match kind {
			PostKind::Original => (2, 0),
			PostKind::Reply { .. } | PostKind::Quote { .. } => (3, 8 + 8),
			PostKind::Repost { .. } => (3, 8 + author.encoded_size() + 8),
		};
		with_content(Footprint::from_parts(items, record + author_index + kind_index), size)
	}
}

impl<T: Config> PostsInspect<T::AccountId> for Pallet<T> {
	fn post_author(id: PostId) -> Option<T::AccountId> {
		Posts::<T>::get(id).map(|post| post.author)
	}
}
