//! The `social_*` JSON-RPC methods: a social network is read far more than it is written, so
//! the node answers the common questions itself (and the metadata of private messages: keys, policies, inbox
//! notices, never contents), from chain state, a page at a time, with no
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
//! Queries run off the RPC server's async workers, at most a configured number at once (see
//! [`Social`]).
//!
//! The crate depends on the runtime-API crates and `agora-primitives` only, never on the
//! pallets.

mod cursor;
pub mod json;

use std::{collections::BTreeMap, marker::PhantomData, sync::Arc};

use agora_primitives::{BadPageSize, KeyId, MessageId, Page, PageSize, PostId, PostView};
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::ErrorObjectOwned,
};
use pallet_follows_runtime_api::FollowsApi;
use pallet_messages_runtime_api::MessagesApi;
use pallet_posts_runtime_api::PostsApi;
use pallet_profiles_runtime_api::ProfilesApi;
use pallet_reactions_runtime_api::ReactionsApi;
use sp_api::{ApiError, ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::AccountId32;
use sp_runtime::traits::Block as BlockT;
use tokio::sync::Semaphore;

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
	async fn profile(
		&self,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProfileJson>>;

	/// The profile holding `handle` (any letter case), or `null`.
	#[method(name = "social_profileByHandle")]
	async fn profile_by_handle(
		&self,
		handle: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProfileJson>>;

	/// The post `id` with its counters and reactions by kind, or `null`.
	#[method(name = "social_post")]
	async fn post(&self, id: PostId, at: Option<BlockHash>) -> RpcResult<Option<PostJson>>;

	/// A page of the direct replies to `id`, oldest first.
	#[method(name = "social_thread")]
	async fn thread(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<PostJson>>;

	/// A page of the quotes of post `id`, oldest first.
	#[method(name = "social_quotes")]
	async fn quotes(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<PostJson>>;

	/// A page of `account`'s posts, newest first.
	#[method(name = "social_authorPosts")]
	async fn author_posts(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<PostJson>>;

	/// A page of `account`'s home feed: the newest posts of the accounts it follows, merged.
	#[method(name = "social_feed")]
	async fn feed(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<FeedJson>;

	/// A page of the accounts `account` follows.
	#[method(name = "social_following")]
	async fn following(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<String>>;

	/// A page of the accounts that follow `account`.
	#[method(name = "social_followers")]
	async fn followers(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<String>>;

	/// How many accounts `account` follows and how many follow it.
	#[method(name = "social_followCounts")]
	async fn follow_counts(
		&self,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<FollowCountsJson>;

	/// The reactions to post `id`, counted by kind.
	#[method(name = "social_reactions")]
	async fn reactions(
		&self,
		id: PostId,
		at: Option<BlockHash>,
	) -> RpcResult<BTreeMap<String, u32>>;

	/// A page of the accounts that reacted to post `id`, with their reactions.
	#[method(name = "social_reactors")]
	async fn reactors(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<ReactorJson>>;

	/// `account`'s reaction to post `id`, or `null`.
	#[method(name = "social_reactionOf")]
	async fn reaction_of(
		&self,
		id: PostId,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<String>>;

	/// `account`'s mailbox (the key to encrypt messages to, its number, the DM policy), or
	/// `null` when it published no message key.
	#[method(name = "social_mailbox")]
	async fn mailbox(
		&self,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<MailboxJson>>;

	/// `account`'s message key number `keyId` (current or earlier), or `null`.
	#[method(name = "social_messageKey")]
	async fn message_key(
		&self,
		account: AccountId32,
		#[argument(rename = "keyId")] key_id: KeyId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<MessageKeyJson>>;

	/// Notice `id` of `account`'s inbox (who sent which envelope when), or `null`.
	#[method(name = "social_notice")]
	async fn notice(
		&self,
		account: AccountId32,
		id: MessageId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<NoticeJson>>;

	/// A page of `account`'s inbox, newest first: who sent what envelope when. Contents are
	/// encrypted on IPFS; only the recipient's client opens them.
	#[method(name = "social_inbox")]
	async fn inbox(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<NoticeJson>>;
}

/// The social query API served from a client whose blocks are `Block`, numbered by
/// `BlockNumber`.
///
/// Queries run the Wasm runtime and read up to a few thousand storage entries, so they never
/// run on the RPC server's async workers (which also serve every other method and the
/// subscriptions block production relies on): each runs on a blocking thread, and at most
/// `max_concurrent` run at once; the others wait their turn without holding a thread.
pub struct Social<C, Block, BlockNumber> {
	client: Arc<C>,
	permits: Arc<Semaphore>,
	_types: PhantomData<(Block, BlockNumber)>,
}

impl<C, Block, BlockNumber> Social<C, Block, BlockNumber> {
	/// Serves `client`'s chain, running at most `max_concurrent` queries at once (at least 1).
	pub fn new(client: Arc<C>, max_concurrent: usize) -> Self {
		Self {
			client,
			permits: Arc::new(Semaphore::new(max_concurrent.max(1))),
			_types: PhantomData,
		}
	}
}

impl<C, Block, BlockNumber> Social<C, Block, BlockNumber>
where
	Block: BlockT,
	C: HeaderBackend<Block> + Send + Sync + 'static,
{
	/// Runs `query` on a blocking thread once a permit is free, against the block `at` (the
	/// best block when `None`). The permit goes with the thread, so a caller that disconnects
	/// does not free it before the runtime call is over.
	async fn run<R: Send + 'static>(
		&self,
		at: Option<Block::Hash>,
		query: impl FnOnce(&C, Block::Hash) -> RpcResult<R> + Send + 'static,
	) -> RpcResult<R> {
		let permit = self
			.permits
			.clone()
			.acquire_owned()
			.await
			.map_err(|_| error(error_code::RUNTIME, "the node is shutting down"))?;
		let client = self.client.clone();
		tokio::task::spawn_blocking(move || {
			let _permit = permit;
			let at = at.unwrap_or_else(|| client.info().best_hash);
			query(&client, at)
		})
		.await
		.map_err(|e| error(error_code::RUNTIME, format!("the query did not finish: {e}")))?
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
		+ ReactionsApi<Block, AccountId32>
		+ MessagesApi<Block, AccountId32, BlockNumber>,
{
	async fn profile(
		&self,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProfileJson>> {
		self.run(at, move |client, at| {
			let found = client.runtime_api().profile(at, account).map_err(runtime_error)?;
			Ok(found.map(Into::into))
		})
		.await
	}

	async fn profile_by_handle(
		&self,
		handle: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProfileJson>> {
		self.run(at, move |client, at| {
			let api = client.runtime_api();
			let found = api.profile_by_handle(at, handle.into_bytes()).map_err(runtime_error)?;
			Ok(found.map(Into::into))
		})
		.await
	}

	async fn post(&self, id: PostId, at: Option<Block::Hash>) -> RpcResult<Option<PostJson>> {
		self.run(at, move |client, at| {
			let api = client.runtime_api();
			let Some(post) = api.post(at, id).map_err(runtime_error)? else { return Ok(None) };
			let counts = api.reaction_counts(at, id).map_err(runtime_error)?;
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
		self.run(at, move |client, at| {
			let page = client.runtime_api().replies(at, id, after, limit);
			Ok(posts_page(page.map_err(runtime_error)?))
		})
		.await
	}

	async fn quotes(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<PostJson>> {
		let (after, limit) = paging(CursorKind::Posts, cursor, limit)?;
		self.run(at, move |client, at| {
			let api = client.runtime_api();
			// Runtimes before PostsApi version 2 kept no list of quotes.
			let version = api
				.api_version::<dyn PostsApi<Block, AccountId32, BlockNumber>>(at)
				.map_err(runtime_error)?;
			if version.unwrap_or_default() < 2 {
				return Err(error(
					error_code::RUNTIME,
					"the runtime at this block lists no quotes (PostsApi before version 2)",
				));
			}
			Ok(posts_page(api.quotes(at, id, after, limit).map_err(runtime_error)?))
		})
		.await
	}

	async fn author_posts(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<PostJson>> {
		let (before, limit) = paging(CursorKind::Posts, cursor, limit)?;
		self.run(at, move |client, at| {
			let page = client.runtime_api().author_posts(at, account, before, limit);
			Ok(posts_page(page.map_err(runtime_error)?))
		})
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
		self.run(at, move |client, at| {
			let api = client.runtime_api();
			let feed = api.feed(at, account, before, limit).map_err(runtime_error)?;
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

	async fn following(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<String>> {
		let (after, limit) = paging(CursorKind::Accounts, cursor, limit)?;
		self.run(at, move |client, at| {
			let page = client.runtime_api().following(at, account, after, limit);
			Ok(accounts_page(page.map_err(runtime_error)?))
		})
		.await
	}

	async fn followers(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<String>> {
		let (after, limit) = paging(CursorKind::Accounts, cursor, limit)?;
		self.run(at, move |client, at| {
			let page = client.runtime_api().followers(at, account, after, limit);
			Ok(accounts_page(page.map_err(runtime_error)?))
		})
		.await
	}

	async fn follow_counts(
		&self,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<FollowCountsJson> {
		self.run(at, move |client, at| {
			let (following, followers) =
				client.runtime_api().follow_counts(at, account).map_err(runtime_error)?;
			Ok(FollowCountsJson { following, followers })
		})
		.await
	}

	async fn reactions(
		&self,
		id: PostId,
		at: Option<Block::Hash>,
	) -> RpcResult<BTreeMap<String, u32>> {
		self.run(at, move |client, at| {
			let counts = client.runtime_api().reaction_counts(at, id).map_err(runtime_error)?;
			Ok(counts.into_iter().map(|(kind, count)| (reaction_name(kind), count)).collect())
		})
		.await
	}

	async fn reactors(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<ReactorJson>> {
		let (after, limit) = paging(CursorKind::Accounts, cursor, limit)?;
		self.run(at, move |client, at| {
			let page =
				client.runtime_api().reactors(at, id, after, limit).map_err(runtime_error)?;
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
		})
		.await
	}

	async fn reaction_of(
		&self,
		id: PostId,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<String>> {
		self.run(at, move |client, at| {
			let kind = client.runtime_api().reaction_of(at, id, account).map_err(runtime_error)?;
			Ok(kind.map(reaction_name))
		})
		.await
	}

	async fn mailbox(
		&self,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<MailboxJson>> {
		self.run(at, move |client, at| {
			let found = client.runtime_api().mailbox(at, account).map_err(runtime_error)?;
			Ok(found.map(Into::into))
		})
		.await
	}

	async fn message_key(
		&self,
		account: AccountId32,
		key_id: KeyId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<MessageKeyJson>> {
		self.run(at, move |client, at| {
			let api = client.runtime_api();
			let found = api.message_key(at, account, key_id).map_err(runtime_error)?;
			Ok(found.map(Into::into))
		})
		.await
	}

	async fn notice(
		&self,
		account: AccountId32,
		id: MessageId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<NoticeJson>> {
		self.run(at, move |client, at| {
			let found = client.runtime_api().notice(at, account, id).map_err(runtime_error)?;
			Ok(found.map(Into::into))
		})
		.await
	}

	async fn inbox(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<NoticeJson>> {
		let (before, limit) = paging::<MessageId>(CursorKind::Messages, cursor, limit)?;
		self.run(at, move |client, at| {
			let page = client.runtime_api().inbox(at, account, before, limit);
			let page = page.map_err(runtime_error)?;
			Ok(PageJson {
				items: page.items.into_iter().map(Into::into).collect(),
				next: page.next.map(|id| cursor::encode(CursorKind::Messages, &id)),
			})
		})
		.await
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
