//! `social_profile` and `social_profileByHandle`: profiles, from `ProfilesApi`.

use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
};
use pallet_profiles_runtime_api::ProfilesApi;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::AccountId32;
use sp_runtime::traits::Block as BlockT;

use crate::{json::ProfileJson, Social};

/// Profiles. Accounts are SS58 strings; `at` is a block hash.
#[rpc(client, server, namespace = "social")]
pub trait SocialProfilesApi<BlockHash> {
	/// The profile of `account`, or `null`.
	#[method(name = "profile")]
	async fn profile(
		&self,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProfileJson>>;

	/// The profile holding `handle` (any letter case), or `null`.
	#[method(name = "profileByHandle")]
	async fn profile_by_handle(
		&self,
		handle: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProfileJson>>;
}

#[async_trait]
impl<C, Block, BlockNumber> SocialProfilesApiServer<Block::Hash> for Social<C, Block, BlockNumber>
where
	Block: BlockT,
	BlockNumber: codec::Codec + Into<u64> + Send + Sync + 'static,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ProfilesApi<Block, AccountId32, BlockNumber>,
{
	async fn profile(
		&self,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProfileJson>> {
		self.query(at, move |api, at| Ok(api.profile(at, account)?.map(Into::into))).await
	}

	async fn profile_by_handle(
		&self,
		handle: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProfileJson>> {
		self.query(at, move |api, at| {
			Ok(api.profile_by_handle(at, handle.into_bytes())?.map(Into::into))
		})
		.await
	}
}
