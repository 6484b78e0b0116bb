//! The `social_*` JSON-RPC methods: a social network is read far more than it is written, so
//! the node answers the common questions itself (and the metadata of private messages: keys,
//! policies, inbox notices, never contents), from chain state, a page at a time, with no
//! indexer in between.
//!
//! Every method reads at the block `at` (the best block when omitted), through the runtime
//! APIs of the social pallets, so answers are deterministic for a block. Pages take an opaque
//! `cursor` (from the previous page's `next`) and a `limit`, sized by the one page-size rule of
//! every paged query, [`PageSize::new`](agora_primitives::PageSize::new) (default 20, at most
//! 100; any other `limit` is error [`error_code::BAD_PAGE_SIZE`]). A page costs about `limit`
//! storage reads, and a feed page `followed accounts + limit` (at most
//! [`agora_primitives::MAX_FEED_SOURCES`] followed accounts are merged).
//!
//! Queries run off the RPC server's async workers, at most a configured number at once (see
//! [`Social`]).
//!
//! The methods are split by pallet: each module holds one RPC trait (namespace `social`) and
//! its implementation on the one handler, [`Social`]: [`profiles`], [`posts`] (posts, threads,
//! quotes, author pages, feeds), [`follows`], [`reactions`] and [`messages`] (mailboxes,
//! message keys, inbox notices). [`social_rpc`] merges them into the one module the node
//! serves, all sharing one limit of queries at once.
//!
//! The crate depends on the runtime-API crates and `agora-primitives` only, never on the
//! pallets.

mod cursor;
pub mod follows;
pub mod json;
pub mod messages;
mod paging;
pub mod posts;
pub mod profiles;
pub mod reactions;

use std::{marker::PhantomData, sync::Arc};

use jsonrpsee::{
	core::{RegisterMethodError, RpcResult},
	types::ErrorObjectOwned,
	RpcModule,
};
use pallet_follows_runtime_api::FollowsApi;
use pallet_messages_runtime_api::MessagesApi;
use pallet_posts_runtime_api::PostsApi;
use pallet_profiles_runtime_api::ProfilesApi;
use pallet_reactions_runtime_api::ReactionsApi;
use sp_api::{ApiError, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::AccountId32;
use sp_runtime::traits::Block as BlockT;
use tokio::sync::Semaphore;

pub use follows::{SocialFollowsApiClient, SocialFollowsApiServer};
pub use messages::{SocialMessagesApiClient, SocialMessagesApiServer};
pub use posts::{SocialPostsApiClient, SocialPostsApiServer};
pub use profiles::{SocialProfilesApiClient, SocialProfilesApiServer};
pub use reactions::{SocialReactionsApiClient, SocialReactionsApiServer};

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

/// The handler of every `social_*` method, serving a client whose blocks are `Block`, numbered
/// by `BlockNumber`; each domain module implements its RPC trait on it.
///
/// Queries run the Wasm runtime and read up to a few thousand storage entries, so they never
/// run on the RPC server's async workers (which also serve every other method and the
/// subscriptions block production relies on): each runs on a blocking thread, and at most
/// `max_concurrent` run at once; the others wait their turn without holding a thread. Clones
/// share the client and the limit, so it holds across all the domain modules.
pub struct Social<C, Block, BlockNumber> {
	client: Arc<C>,
	permits: Arc<Semaphore>,
	_types: PhantomData<(Block, BlockNumber)>,
}

// Not derived: a derive would require `C`, `Block` and `BlockNumber` to be `Clone` themselves.
impl<C, Block, BlockNumber> Clone for Social<C, Block, BlockNumber> {
	fn clone(&self) -> Self {
		Self { client: self.client.clone(), permits: self.permits.clone(), _types: PhantomData }
	}
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
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
{
	/// The body of every method: runs `read` with the runtime API at the block `at` (the best
	/// block when `None`) on a blocking thread once a permit is free, and answers what it
	/// returns, a runtime error as [`error_code::RUNTIME`]. The permit goes with the thread, so
	/// a caller that disconnects does not free it before the runtime call is over.
	async fn query<R: Send + 'static>(
		&self,
		at: Option<Block::Hash>,
		read: impl FnOnce(&C::Api, Block::Hash) -> Result<R, ApiError> + Send + 'static,
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
			let api = client.runtime_api();
			let api: &C::Api = &api;
			read(api, at).map_err(runtime_error)
		})
		.await
		.map_err(|e| error(error_code::RUNTIME, format!("the query did not finish: {e}")))?
	}
}

/// Every `social_*` method in one module, served from `client`'s chain with at most
/// `max_concurrent` queries at once (at least 1) across all of them: what the node merges into
/// its RPC.
pub fn social_rpc<C, Block, BlockNumber>(
	client: Arc<C>,
	max_concurrent: usize,
) -> Result<RpcModule<()>, RegisterMethodError>
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
	let social = Social::<C, Block, BlockNumber>::new(client, max_concurrent);
	let mut module = RpcModule::new(());
	module.merge(SocialProfilesApiServer::<Block::Hash>::into_rpc(social.clone()))?;
	module.merge(SocialPostsApiServer::<Block::Hash>::into_rpc(social.clone()))?;
	module.merge(SocialFollowsApiServer::<Block::Hash>::into_rpc(social.clone()))?;
	module.merge(SocialReactionsApiServer::<Block::Hash>::into_rpc(social.clone()))?;
	module.merge(SocialMessagesApiServer::<Block::Hash>::into_rpc(social))?;
	Ok(module)
}
