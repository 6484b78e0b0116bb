//! The node's JSON-RPC API beyond Substrate's built-in methods.
//!
//! `create_full` assembles the modules every Agora node serves: account nonces and dry runs
//! (`system_*`), fee queries (`payment_*`), IPFS content (`content_*`, the `agora-content`
//! crate) and the social queries (`social_*`, the `agora-social-rpc` crate).
//! [`builder`] hands them to `sc_service::spawn_tasks`, in the collator and the dev chain alike.

use std::sync::Arc;

use agora_content::rpc::Content;
use agora_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

use crate::client::{ParachainClient, TransactionPool as ParachainTransactionPool};

/// What `spawn_tasks` calls to build the node's RPC modules.
pub type RpcBuilder =
	Box<dyn Fn(sc_rpc::SubscriptionTaskExecutor) -> Result<RpcModule<()>, sc_service::Error>>;

/// The RPC builder both the collator and the dev chain serve: [`create_full`] over the node's
/// client, transaction pool and IPFS store.
pub fn builder(
	client: Arc<ParachainClient>,
	pool: Arc<ParachainTransactionPool>,
	content: Content,
) -> RpcBuilder {
	Box::new(move |_| {
		create_full(FullDeps {
			client: client.clone(),
			pool: pool.clone(),
			content: content.clone(),
		})
		.map_err(Into::into)
	})
}

/// How many `social_*` queries run at once: all cores but one, which stays free for block
/// production and import (at least one query runs on a single-core machine).
fn social_queries_at_once() -> usize {
	std::thread::available_parallelism().map_or(1, |cores| cores.get().saturating_sub(1).max(1))
}

/// What the RPC modules need from the node.
pub struct FullDeps<C, P> {
	/// The client, to read chain state and call runtime APIs.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// The `content_*` methods, over the node's IPFS daemon.
	pub content: Content,
}

/// Builds the RPC modules the node serves next to Substrate's own.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ BlockBuilder<Block>
		+ pallet_posts_runtime_api::PostsApi<Block, AccountId, BlockNumber>
		+ pallet_profiles_runtime_api::ProfilesApi<Block, AccountId, BlockNumber>
		+ pallet_follows_runtime_api::FollowsApi<Block, AccountId>
		+ pallet_reactions_runtime_api::ReactionsApi<Block, AccountId>
		+ pallet_messages_runtime_api::MessagesApi<Block, AccountId, BlockNumber>,
	P: TransactionPool<Block = Block, Hash = <Block as sp_runtime::traits::Block>::Hash>
		+ Sync
		+ Send
		+ 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	use agora_content::rpc::ContentApiServer;
	use agora_social_rpc::social_rpc;

	let FullDeps { client, pool, content } = deps;
	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(social_rpc::<_, Block, BlockNumber>(client, social_queries_at_once())?)?;
	module.merge(content.into_rpc())?;
	Ok(module)
}
