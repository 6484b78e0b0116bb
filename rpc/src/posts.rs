//! `social_post`, `social_thread`, `social_quotes`, `social_authorPosts` and `social_feed`:
//! posts, threads, quotes, author pages and home feeds, from `PostsApi` (and `ReactionsApi` for
//! a post's reactions).

use agora_primitives::{Page, PostId, PostView};
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
};
use pallet_posts_runtime_api::PostsApi;
use pallet_reactions_runtime_api::ReactionsApi;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::AccountId32;
use sp_runtime::traits::Block as BlockT;

use crate::{
	cursor::{self, CursorKind},
	error, error_code,
	json::{reaction_name, FeedJson, PageJson, PostJson},
	paging::paging,
	Social,
};

/// A page of posts, the next one continuing from its last.
fn posts_page<B: Into<u64>>(page: Page<PostView<AccountId32, B>, PostId>) -> PageJson<PostJson> {
	PageJson {
		items: page.items.into_iter().map(Into::into).collect(),
		next: page.next.map(|id| cursor::encode(CursorKind::Posts, &id)),
	}
}

/// Posts and feeds. Accounts are SS58 strings; `at` is a block hash.
#[rpc(client, server, namespace = "social")]
pub trait SocialPostsApi<BlockHash> {
	/// The post `id` with its counters and reactions by kind, or `null`.
	#[method(name = "post")]
	async fn post(&self, id: PostId, at: Option<BlockHash>) -> RpcResult<Option<PostJson>>;

	/// A page of the direct replies to `id`, oldest first.
	#[method(name = "thread")]
	async fn thread(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<PostJson>>;

	/// A page of the quotes of post `id`, oldest first.
	#[method(name = "quotes")]
	async fn quotes(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<PostJson>>;

	/// A page of `account`'s posts, newest first.
	#[method(name = "authorPosts")]
	async fn author_posts(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<PostJson>>;

	/// A page of `account`'s home feed: the newest posts of the accounts it follows, merged.
	#[method(name = "feed")]
	async fn feed(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<FeedJson>;
}

#[async_trait]
impl<C, Block, BlockNumber> SocialPostsApiServer<Block::Hash> for Social<C, Block, BlockNumber>
where
	Block: BlockT,
	BlockNumber: codec::Codec + Into<u64> + Send + Sync + 'static,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: PostsApi<Block, AccountId32, BlockNumber> + ReactionsApi<Block, AccountId32>,
{
	async fn post(&self, id: PostId, at: Option<Block::Hash>) -> RpcResult<Option<PostJson>> {
		self.query(at, move |api, at| {
			let Some(post) = api.post(at, id)? else { return Ok(None) };
			let counts = api.reaction_counts(at, id)?;
			let mut post = PostJson::from(post);
			post.reactions = Some(
				counts.into_iter().map(|(kind, count)| (reaction_name(kind), count)).collect(),
			);
			Ok(Some(post))
		})
		.await
	}

	async fn thread(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<PostJson>> {
		let (after, limit) = paging(CursorKind::Posts, cursor, limit)?;
		self.query(at, move |api, at| Ok(posts_page(api.replies(at, id, after, limit)?))).await
	}

	async fn quotes(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<PostJson>> {
		let (after, limit) = paging(CursorKind::Posts, cursor, limit)?;
		let page = self
			.query(at, move |api, at| {
				// Runtimes before PostsApi version 2 kept no list of quotes.
				let version =
					api.api_version::<dyn PostsApi<Block, AccountId32, BlockNumber>>(at)?;
				if version.unwrap_or_default() < 2 {
					return Ok(None);
				}
				Ok(Some(posts_page(api.quotes(at, id, after, limit)?)))
			})
			.await?;
		page.ok_or_else(|| {
			error(
				error_code::RUNTIME,
				"the runtime at this block lists no quotes (PostsApi before version 2)",
			)
		})
	}

	async fn author_posts(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<PostJson>> {
		let (before, limit) = paging(CursorKind::Posts, cursor, limit)?;
		self.query(at, move |api, at| Ok(posts_page(api.author_posts(at, account, before, limit)?)))
			.await
	}

	async fn feed(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<FeedJson> {
		let (before, limit) = paging(CursorKind::Posts, cursor, limit)?;
		self.query(at, move |api, at| {
			let feed = api.feed(at, account, before, limit)?;
			let page = posts_page(feed.page);
			Ok(FeedJson {
				items: page.items,
				next: page.next,
				sources: feed.sources,
				truncated: feed.truncated,
			})
		})
		.await
	}
}
