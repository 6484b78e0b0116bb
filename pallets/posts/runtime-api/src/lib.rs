//! Runtime API for reading posts: one post with its counters, a thread's replies, an author's
//! posts and an account's home feed, each a bounded [`Page`].
//!
//! The queries themselves live in `pallet-posts` (`queries.rs`); the runtime implements this
//! API with them, and the feed with `pallet-follows` for the list of followed accounts.

#![cfg_attr(not(feature = "std"), no_std)]

use agora_primitives::{Page, PostId};
use codec::{Codec, Decode, Encode};
pub use pallet_posts::PostView;

/// The most followed accounts a feed merges. An account that follows more gets the posts of
/// the first `MAX_FEED_SOURCES` of them (in the follows index's storage order), and the feed
/// says it was truncated.
pub const MAX_FEED_SOURCES: u32 = 1_000;

/// A page of a home feed.
#[derive(Clone, PartialEq, Eq, Encode, Decode, scale_info::TypeInfo, Debug)]
pub struct Feed<AccountId, BlockNumber> {
	/// The posts, newest first; the cursor is the id of the last one.
	pub page: Page<PostView<AccountId, BlockNumber>, PostId>,
	/// How many followed accounts the feed merged.
	pub sources: u32,
	/// Whether the account follows more than [`MAX_FEED_SOURCES`] accounts (some were left out).
	pub truncated: bool,
}

sp_api::decl_runtime_apis! {
	/// Reading posts. Page sizes above `agora_primitives::MAX_PAGE_SIZE` are cut to it.
	pub trait PostsApi<AccountId, BlockNumber> where AccountId: Codec, BlockNumber: Codec {
		/// The post `id`, if it exists.
		fn post(id: PostId) -> Option<PostView<AccountId, BlockNumber>>;
		/// Direct replies to `parent`, oldest first, after the reply `after`.
		fn replies(parent: PostId, after: Option<PostId>, limit: u32)
			-> Page<PostView<AccountId, BlockNumber>, PostId>;
		/// `author`'s posts, newest first, older than the post `before`.
		fn author_posts(author: AccountId, before: Option<PostId>, limit: u32)
			-> Page<PostView<AccountId, BlockNumber>, PostId>;
		/// The newest posts of the accounts `account` follows, older than the post `before`.
		fn feed(account: AccountId, before: Option<PostId>, limit: u32)
			-> Feed<AccountId, BlockNumber>;
	}
}
