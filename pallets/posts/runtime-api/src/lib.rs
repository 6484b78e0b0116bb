//! Runtime API for reading posts: one post with its counters, a thread's replies, a post's
//! quotes, an author's posts and an account's home feed, each a bounded [`Page`].
//!
//! The types it returns live in `agora-primitives`, so this crate and its callers (the node's
//! RPC) never depend on the pallet. The queries themselves live in `pallet-posts`
//! (`queries.rs`); the runtime implements this API with them, and the feed with
//! `pallet-follows` for the list of followed accounts (at most
//! [`agora_primitives::MAX_FEED_SOURCES`]).

#![cfg_attr(not(feature = "std"), no_std)]

use agora_primitives::{Feed, Page, PostId, PostView};
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reading posts. `limit` follows the page-size rule of `agora_primitives::PageSize`: 1 to
	/// `MAX_PAGE_SIZE` items; any other limit gets an empty page.
	///
	/// Version 2 added `quotes` (runtimes with pallet-posts storage version 1).
	#[api_version(2)]
	pub trait PostsApi<AccountId, BlockNumber> where AccountId: Codec, BlockNumber: Codec {
		/// The post `id`, if it exists.
		fn post(id: PostId) -> Option<PostView<AccountId, BlockNumber>>;
		/// Direct replies to `parent`, oldest first, after the reply `after`.
		fn replies(parent: PostId, after: Option<PostId>, limit: u32)
			-> Page<PostView<AccountId, BlockNumber>, PostId>;
		/// Quotes of `of`, oldest first, after the quote `after`.
		#[api_version(2)]
		fn quotes(of: PostId, after: Option<PostId>, limit: u32)
			-> Page<PostView<AccountId, BlockNumber>, PostId>;
		/// `author`'s posts, newest first, older than the post `before`.
		fn author_posts(author: AccountId, before: Option<PostId>, limit: u32)
			-> Page<PostView<AccountId, BlockNumber>, PostId>;
		/// The newest posts of the accounts `account` follows, older than the post `before`.
		fn feed(account: AccountId, before: Option<PostId>, limit: u32)
			-> Feed<AccountId, BlockNumber>;
	}
}
