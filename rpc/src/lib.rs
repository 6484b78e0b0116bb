//! The `social_*` JSON-RPC methods: a social network is read far more than it is written, so
//! the node answers the common questions itself, from chain state, a page at a time, with no
//! indexer in between.
//!
//! Every method reads at the block `at` (the best block when omitted), through the runtime
//! APIs of the social pallets, so answers are deterministic for a block. Pages take an opaque
//! `cursor` (from the previous page's `next`) and a `limit` (default [`DEFAULT_PAGE_SIZE`], at
//! most `MAX_PAGE_SIZE`); a page costs about `limit` storage reads, and a feed page
//! `followed accounts + limit` (at most `MAX_FEED_SOURCES` followed accounts are merged).

mod cursor;
pub mod json;

use std::{collections::BTreeMap, marker::PhantomData, sync::Arc};

use agora_primitives::{Page, PostId, MAX_PAGE_SIZE};
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

/// The page size when a call names none.
pub const DEFAULT_PAGE_SIZE: u32 = 20;

/// Stable JSON-RPC error codes of the `social_*` methods.
pub mod error_code {
	/// A cursor this method did not hand out.
	pub const BAD_CURSOR: i32 = 7101;
	/// A page size of 0 or over `MAX_PAGE_SIZE`.
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

fn page_size(limit: Option<u32>) -> RpcResult<u32> {
	match limit.unwrap_or(DEFAULT_PAGE_SIZE) {
		0 => Err(error(error_code::BAD_PAGE_SIZE, "the page size must be at least 1")),
		n if n > MAX_PAGE_SIZE => Err(error(
			error_code::BAD_PAGE_SIZE,
			format!("the page size {n} is over the maximum of {MAX_PAGE_SIZE}"),
		)),
		n => Ok(n),
	}
}

fn position<P: codec::Decode>(kind: CursorKind, cursor: Option<String>) -> RpcResult<Option<P>> {
	cursor
		.map(|text| {
			cursor::decode(kind, &text).ok_or_else(|| {
				error(error_code::BAD_CURSOR, format!("`{text}` is not a cursor of this method"))
			})
		})
		.transpose()
}

fn posts_page<B: Into<u64>>(
	page: Page<pallet_posts_runtime_api::PostView<AccountId32, B>, PostId>,
) -> PageJson<PostJson> {
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
		let (limit, after) = (page_size(limit)?, position(CursorKind::Posts, cursor)?);
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
		let (limit, before) = (page_size(limit)?, position(CursorKind::Posts, cursor)?);
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
		let (limit, before) = (page_size(limit)?, position(CursorKind::Posts, cursor)?);
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
		let (limit, after) = (page_size(limit)?, position(CursorKind::Accounts, cursor)?);
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
		let (limit, after) = (page_size(limit)?, position(CursorKind::Accounts, cursor)?);
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
		let (limit, after) = (page_size(limit)?, position(CursorKind::Accounts, cursor)?);
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
