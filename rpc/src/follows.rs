//! `social_following`, `social_followers` and `social_followCounts`: the follow graph, from
//! `FollowsApi`.

use agora_primitives::Page;
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
};
use pallet_follows_runtime_api::FollowsApi;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::AccountId32;
use sp_runtime::traits::Block as BlockT;

use crate::{
	cursor::{self, CursorKind},
	json::{account_text, FollowCountsJson, PageJson},
	paging::paging,
	Social,
};

/// A page of accounts, the next one continuing after its last.
fn accounts_page(page: Page<AccountId32, AccountId32>) -> PageJson<String> {
	PageJson {
		items: page.items.iter().map(account_text).collect(),
		next: page.next.map(|account| cursor::encode(CursorKind::Accounts, &account)),
	}
}

/// Follows. Accounts are SS58 strings; `at` is a block hash.
#[rpc(client, server, namespace = "social")]
pub trait SocialFollowsApi<BlockHash> {
	/// A page of the accounts `account` follows.
	#[method(name = "following")]
	async fn following(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<String>>;

	/// A page of the accounts that follow `account`.
	#[method(name = "followers")]
	async fn followers(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<String>>;

	/// How many accounts `account` follows and how many follow it.
	#[method(name = "followCounts")]
	async fn follow_counts(
		&self,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<FollowCountsJson>;
}

#[async_trait]
impl<C, Block, BlockNumber> SocialFollowsApiServer<Block::Hash> for Social<C, Block, BlockNumber>
where
	Block: BlockT,
	BlockNumber: Send + Sync + 'static,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: FollowsApi<Block, AccountId32>,
{
	async fn following(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<String>> {
		let (after, limit) = paging(CursorKind::Accounts, cursor, limit)?;
		self.query(at, move |api, at| Ok(accounts_page(api.following(at, account, after, limit)?)))
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
		self.query(at, move |api, at| Ok(accounts_page(api.followers(at, account, after, limit)?)))
			.await
	}

	async fn follow_counts(
		&self,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<FollowCountsJson> {
		self.query(at, move |api, at| {
			let (following, followers) = api.follow_counts(at, account)?;
			Ok(FollowCountsJson { following, followers })
		})
		.await
	}
}
