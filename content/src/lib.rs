#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod params;
mod pinning;
pub mod rpc;
mod store;
mod upload_endpoint;
mod upload_limits;

use std::{path::PathBuf, sync::Arc};

use agora_content_runtime_api::ContentApi;
use futures::FutureExt;
use log::{info, warn};
use prometheus_endpoint::Registry;
use sc_client_api::{Backend, BlockchainEvents, StorageProvider};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::traits::SpawnNamed;
use sp_runtime::traits::Block as BlockT;
use tokio::sync::Semaphore;
use upload_endpoint::{AllowedOrigins, UploadEndpoint};

pub use params::IpfsParams;

/// What the content service takes from the node that runs it: a few plain values, so that this
/// crate needs none of the node's service types.
pub struct NodeContext<'a> {
	/// Spawns the service's tasks (the node's `TaskManager::spawn_handle()`).
	pub spawner: &'a dyn SpawnNamed,
	/// The chain's directory under the node's base path (`<base>/chains/<chain id>`); the
	/// pinning follower keeps its journal in `ipfs-pinning` there.
	pub chain_dir: PathBuf,
	/// The node's `--rpc-cors` (`None`: every origin), which the upload endpoint applies too.
	pub rpc_cors: Option<&'a [String]>,
	/// The registry of the node's Prometheus metrics, if it serves them.
	pub prometheus: Option<&'a Registry>,
}

/// Connects the node to its IPFS daemon, starts the pinning follower and the upload endpoint
/// if asked to; returns the `content_*` RPC methods' handler, or why the service cannot start
/// (a bad flag, a journal that cannot be opened, an address that cannot be bound).
pub fn start<Block, C, BE>(
	params: &IpfsParams,
	node: NodeContext<'_>,
	client: &Arc<C>,
) -> Result<rpc::Content, String>
where
	Block: BlockT,
	C: HeaderBackend<Block>
		+ BlockchainEvents<Block>
		+ StorageProvider<Block, BE>
		+ ProvideRuntimeApi<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: ContentApi<Block>,
	BE: Backend<Block> + 'static,
{
	let store = Arc::new(params.store().map_err(|e| format!("--ipfs-api {e}"))?);
	let probe = store.clone();
	let probe_daemon = async move {
		match probe.version().await {
			Ok(version) => info!("📦 IPFS daemon {version} at {}", probe.api()),
			Err(error) => warn!("📦 {error}: content_* calls fail until it is up"),
		}
	};
	node.spawner.spawn("ipfs-probe", Some("ipfs"), probe_daemon.boxed());
	if params.ipfs_pin {
		pinning::spawn::<Block, C, BE>(
			node.spawner,
			&node.chain_dir,
			node.prometheus,
			client.clone(),
			store.clone(),
			params.pin_max_bytes(),
		)?;
	}
	// `content_*` calls and uploads each have a bound of their own: an upload's body arrives
	// as fast as its sender likes, and slow ones must not hold up reads.
	let permits = || Arc::new(Semaphore::new(params.ipfs_rpc_max_concurrent.max(1)));
	if let Some(addr) = params.ipfs_upload_addr {
		let origins = AllowedOrigins::from_rpc_cors(node.rpc_cors);
		UploadEndpoint::new(store.clone(), permits(), params.public_uploads("address"), origins)
			.serve(addr, node.spawner)?;
	}
	Ok(rpc::Content::new(store, permits(), params.public_uploads("connection")))
}
