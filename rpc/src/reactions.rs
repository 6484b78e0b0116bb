//! `social_reactions`, `social_reactors` and `social_reactionOf`: reactions to posts, from
//! `ReactionsApi`.

use std::collections::BTreeMap;

use agora_primitives::PostId;
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
};
use pallet_reactions_runtime_api::ReactionsApi;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::AccountId32;
use sp_runtime::traits::Block as BlockT;

use crate::{
	cursor::{self, CursorKind},
	json::{account_text, reaction_name, PageJson, ReactorJson},
	paging::paging,
	Social,
};

/// Reactions. Accounts are SS58 strings; `at` is a block hash.
#[rpc(client, server, namespace = "social")]
pub trait SocialReactionsApi<BlockHash> {
	/// The reactions to post `id`, counted by kind.
	#[method(name = "reactions")]
	async fn reactions(
		&self,
		id: PostId,
		at: Option<BlockHash>,
	) -> RpcResult<BTreeMap<String, u32>>;

	/// A page of the accounts that reacted to post `id`, with their reactions.
	#[method(name = "reactors")]
	async fn reactors(
		&self,
		id: PostId,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<ReactorJson>>;

	/// `account`'s reaction to post `id`, or `null`.
	#[method(name = "reactionOf")]
	async fn reaction_of(
		&self,
		id: PostId,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<String>>;
}

#[async_trait]
impl<C, Block, BlockNumber> SocialReactionsApiServer<Block::Hash> for Social<C, Block, BlockNumber>
where
	Block: BlockT,
	BlockNumber: Send + Sync + 'static,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ReactionsApi<Block, AccountId32>,
{
	async fn reactions(
		&self,
		id: PostId,
		at: Option<Block::Hash>,
	) -> RpcResult<BTreeMap<String, u32>> {
		self.query(at, move |api, at| {
			let counts = api.reaction_counts(at, id)?;
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
		self.query(at, move |api, at| {
			let page = api.reactors(at, id, after, limit)?;
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
		self.query(at, move |api, at| Ok(api.reaction_of(at, id, account)?.map(reaction_name)))
			.await
	}
}
