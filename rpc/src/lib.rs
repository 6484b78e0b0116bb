//! The `social_*` JSON-RPC methods: a social network is read far more than it is written, so
//! the node answers the common questions itself, from chain state, a page at a time, with no
//! indexer in between.
//!
//! Every method reads at the block `at` (the best block when omitted), through the runtime
//! APIs of the social pallets, so answers are deterministic for a block. Pages take an opaque
//! `cursor` (from the previous page's `next`) and a `limit`, sized by the one page-size rule of
//! every paged query, [`PageSize::new`] (default 20, at most 100; any other `limit` is error
//! [`error_code::BAD_PAGE_SIZE`]). A page costs about `limit` storage reads, and a feed page
//! `followed accounts + limit` (at most [`agora_primitives::MAX_FEED_SOURCES`] followed
//! accounts are merged).
//!
//! The crate depends on the runtime-API crates and `agora-primitives` only, never on the
//! pallets.

mod cursor;
pub mod json;

use std::{collections::BTreeMap, marker::PhantomData, sync::Arc};

use agora_primitives::{BadPageSize, Page, PageSize, PostId, PostView};
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::ErrorObjectOwned,
};
use pallet_follows_runtime_api::FollowsApi;
use pallet_posts_runtime_api::PostsApi;
use pallet_profiles_runtime_api::ProfilesApi;
use pallet_reactions_runtime_api::ReactionsApi;
use sp_api::{ApiError, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::AccountId32;
use sp_runtime::traits::Block as BlockT;

use cursor::CursorKind;
use json::*;

/// Stable JSON-RPC error codes of the `social_*` methods.
pub mod error_code {
	/// A cursor this method did not hand out.
	pub const BAD_CURSOR: i32 = 7101;
	/// A page size the page-size rule refuses: 0 or over `agora_primitives::MAX_PAGE_SIZE`.
	pub const BAD_PAGE_SIZE: i32 = 7102;
	/// The runtime could not answer (unknown block, a runtime without the social APIs).
	pub const RUNTIME: i32 = 7103;
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

fn runtime_error(e: ApiError) -> ErrorObjectOwned {
	error(error_code::RUNTIME, format!("the runtime could not answer: {e}"))
}

/// Where a page starts (the position in `cursor`, a cursor of `kind`) and how many items it
/// may hold (`limit`, by the page-size rule), or the error that refuses either.
fn paging<P: codec::Decode>(
	kind: CursorKind,
	cursor: Option<String>,
	limit: Option<u32>,
) -> RpcResult<(Option<P>, u32)> {
	let size = PageSize::new(limit)
		.map_err(|refused: BadPageSize| error(error_code::BAD_PAGE_SIZE, refused.to_string()))?;
	let position = cursor
		.map(|text| {
			cursor::decode(kind, &text).ok_or_else(|| {
				error(error_code::BAD_CURSOR, format!("`{text}` is not a cursor of this method"))
			})
		})
		.transpose()?;
	Ok((position, size.get()))
}

fn posts_page<B: Into<u64>>(page: Page<PostView<AccountId32, B>, PostId>) -> PageJson<PostJson> {
	PageJson {
		items: page.items.into_iter().map(Into::into).collect(),
		next: page.next.map(|id| cursor::encode(CursorKind::Posts, &id)),
	}
}

fn accounts_page(page: Page<AccountId32, AccountId32>) -> PageJson<String> {
	PageJson {
		items: page.items.iter().map(account_text).collect(),
		next: page.next.map(|account| cursor::encode(CursorKind::Accounts, &account)),
	}
}

/// The social query API. Accounts are SS58 strings; `at` is a block hash.
#[rpc(client, server)]
pub trait SocialApi<BlockHash> {
	/// The profile of `account`, or `null`.
	#[method(name = "social_profile")]
	fn profile(
		&self,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProfileJson>>;

	/// The profile holding `handle` (any letter case), or `null`.
	#[method(name = "social_profileByHandle")]
	fn profile_by_handle(
		&self,
		handle: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProfileJson>>;

	/// The post `id` with its counters and reactions by kind, or `null`.
	#[method(name = "social_post")]
	fn post(&self, id: PostId, at: Option<BlockHash>) -> RpcResult<Option<PostJson>>;

	/// A page of the direct replies to `id`, oldest first.
	#[method(name = "social_thread")]
	fn thread(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<PostJson>>;

	/// A page of `account`'s posts, newest first.
	#[method(name = "social_authorPosts")]
	fn author_posts(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<PostJson>>;

	/// A page of `account`'s home feed: the newest posts of the accounts it follows, merged.
	#[method(name = "social_feed")]
	fn feed(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<FeedJson>;

	/// A page of the accounts `account` follows.
	#[method(name = "social_following")]
	fn following(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<String>>;

	/// A page of the accounts that follow `account`.
	#[method(name = "social_followers")]
	fn followers(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<String>>;

	/// How many accounts `account` follows and how many follow it.
	#[method(name = "social_followCounts")]
	fn follow_counts(
		&self,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<FollowCountsJson>;

	/// The reactions to post `id`, counted by kind.
	#[method(name = "social_reactions")]
	fn reactions(&self, id: PostId, at: Option<BlockHash>) -> RpcResult<BTreeMap<String, u32>>;

	/// A page of the accounts that reacted to post `id`, with their reactions.
	#[method(name = "social_reactors")]
	fn reactors(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<ReactorJson>>;

	/// `account`'s reaction to post `id`, or `null`.
	#[method(name = "social_reactionOf")]
	fn reaction_of(
		&self,
		id: PostId,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<String>>;
}

/// The social query API served from a client whose blocks are `Block`, numbered by
/// `BlockNumber`.
pub struct Social<C, Block, BlockNumber> {
	client: Arc<C>,
	_types: PhantomData<(Block, BlockNumber)>,
}

impl<C, Block, BlockNumber> Social<C, Block, BlockNumber> {
	/// Serves `client`'s chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _types: PhantomData }
	}
}

impl<C, Block, BlockNumber> Social<C, Block, BlockNumber>
where
	Block: BlockT,
	C: HeaderBackend<Block>,
{
	fn at(&self, at: Option<Block::Hash>) -> Block::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

#[async_trait]
impl<C, Block, BlockNumber> SocialApiServer<Block::Hash> for Social<C, Block, BlockNumber>
where
	Block: BlockT,
	BlockNumber: codec::Codec + Into<u64> + Send + Sync + 'static,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ProfilesApi<Block, AccountId32, BlockNumber>
		+ PostsApi<Block, AccountId32, BlockNumber>
		+ FollowsApi<Block, AccountId32>
		+ ReactionsApi<Block, AccountId32>,
{
	fn profile(
		&self,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProfileJson>> {
		let api = self.client.runtime_api();
		Ok(api.profile(self.at(at), account).map_err(runtime_error)?.map(Into::into))
	}

	fn profile_by_handle(
		&self,
		handle: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProfileJson>> {
		let api = self.client.runtime_api();
		let found =
			api.profile_by_handle(self.at(at), handle.into_bytes()).map_err(runtime_error)?;
		Ok(found.map(Into::into))
	}

	fn post(&self, id: PostId, at: Option<Block::Hash>) -> RpcResult<Option<PostJson>> {
		let (api, at) = (self.client.runtime_api(), self.at(at));
		let Some(post) = api.post(at, id).map_err(runtime_error)? else { return Ok(None) };
		let counts = api.reaction_counts(at, id).map_err(runtime_error)?;
		let mut post = PostJson::from(post);
		post.reactions =
			Some(counts.into_iter().map(|(kind, count)| (reaction_name(kind), count)).collect());
		Ok(Some(post))
	}

	fn thread(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<PostJson>> {
		let (after, limit) = paging(CursorKind::Posts, cursor, limit)?;
		let api = self.client.runtime_api();
		Ok(posts_page(api.replies(self.at(at), id, after, limit).map_err(runtime_error)?))
	}

	fn author_posts(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<PostJson>> {
		let (before, limit) = paging(CursorKind::Posts, cursor, limit)?;
		let api = self.client.runtime_api();
		Ok(posts_page(
			api.author_posts(self.at(at), account, before, limit).map_err(runtime_error)?,
		))
	}

	fn feed(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<FeedJson> {
		let (before, limit) = paging(CursorKind::Posts, cursor, limit)?;
		let api = self.client.runtime_api();
		let feed = api.feed(self.at(at), account, before, limit).map_err(runtime_error)?;
		let page = posts_page(feed.page);
		Ok(FeedJson {
			items: page.items,
			next: page.next,
			sources: feed.sources,
			truncated: feed.truncated,
		})
	}

	fn following(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<String>> {
		let (after, limit) = paging(CursorKind::Accounts, cursor, limit)?;
		let api = self.client.runtime_api();
		Ok(accounts_page(api.following(self.at(at), account, after, limit).map_err(runtime_error)?))
	}

	fn followers(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<String>> {
		let (after, limit) = paging(CursorKind::Accounts, cursor, limit)?;
		let api = self.client.runtime_api();
		Ok(accounts_page(api.followers(self.at(at), account, after, limit).map_err(runtime_error)?))
	}

	fn follow_counts(
		&self,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<FollowCountsJson> {
		let api = self.client.runtime_api();
		let (following, followers) =
			api.follow_counts(self.at(at), account).map_err(runtime_error)?;
		Ok(FollowCountsJson { following, followers })
	}

	fn reactions(&self, id: PostId, at: Option<Block::Hash>) -> RpcResult<BTreeMap<String, u32>> {
		let api = self.client.runtime_api();
		let counts = api.reaction_counts(self.at(at), id).map_err(runtime_error)?;
		Ok(counts.into_iter().map(|(kind, count)| (reaction_name(kind), count)).collect())
	}

	fn reactors(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<ReactorJson>> {
		let (after, limit) = paging(CursorKind::Accounts, cursor, limit)?;
		let api = self.client.runtime_api();
		let page = api.reactors(self.at(at), id, after, limit).map_err(runtime_error)?;
		Ok(PageJson {
			items: page
				.items
				.into_iter()
				.map(|(who, kind)| ReactorJson {
					account: account_text(&who),
					kind: reaction_name(kind),
				})
				.collect(),
			next: page.next.map(|account| cursor::encode(CursorKind::Accounts, &account)),
		})
	}

	fn reaction_of(
		&self,
		id: PostId,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<String>> {
		let api = self.client.runtime_api();
		let kind = api.reaction_of(self.at(at), id, account).map_err(runtime_error)?;
		Ok(kind.map(reaction_name))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn paging_follows_the_page_size_rule() {
		let posts = |cursor: Option<&str>, limit| {
			paging::<PostId>(CursorKind::Posts, cursor.map(String::from), limit)
		};
		assert_eq!(posts(None, None).unwrap(), (None, agora_primitives::DEFAULT_PAGE_SIZE));
		let max = agora_primitives::MAX_PAGE_SIZE;
		assert_eq!(posts(None, Some(max)).unwrap(), (None, max));
		for refused in [0, max + 1] {
			assert_eq!(posts(None, Some(refused)).unwrap_err().code(), error_code::BAD_PAGE_SIZE);
		}
		let next = cursor::encode(CursorKind::Posts, &7u64);
		assert_eq!(posts(Some(next.as_str()), Some(1)).unwrap(), (Some(7), 1));
		assert_eq!(posts(Some("0x00"), None).unwrap_err().code(), error_code::BAD_CURSOR);
	}
}
