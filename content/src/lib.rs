#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod journal;
mod params;
mod pinning;
pub mod rpc;
mod store;
mod upload_endpoint;
mod upload_limits;
mod upload_sweeper;

use std::{path::PathBuf, sync::Arc, time::Duration};

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
	/// content journal lives in `ipfs-pinning` there.
	pub chain_dir: PathBuf,
	/// The node's `--rpc-cors` (`None`: every origin), which the upload endpoint applies too.
	pub rpc_cors: Option<&'a [String]>,
	/// The registry of the node's Prometheus metrics, if it serves them.
	pub prometheus: Option<&'a Registry>,
}

/// Connects the node to its IPFS daemon, opens the content journal (under the chain's
/// directory), starts the pinning follower and the upload endpoint if asked to, and the sweeper
/// that unpins uploads nothing on chain uses; returns the `content_*` RPC methods' handler, or
/// why the service cannot start (a bad flag, a journal that cannot be opened, an address that
/// cannot be bound).
pub fn start<Block, AccountId, C, BE>(
	params: &IpfsParams,
	node: NodeContext<'_>,
	client: &Arc<C>,
) -> Result<rpc::Content, String>
where
	Block: BlockT,
	AccountId: codec::Codec + Send + Sync + 'static,
	C: HeaderBackend<Block>
		+ BlockchainEvents<Block>
		+ StorageProvider<Block, BE>
		+ ProvideRuntimeApi<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: ContentApi<Block, AccountId>,
	BE: Backend<Block> + 'static,
{
	let journal = Arc::new(journal::open(&node.chain_dir, client.info().genesis_hash.as_ref())?);
	let mut store = params.store().map_err(|e| format!("--ipfs-api {e}"))?;
	store.log_uploads_in(journal.clone());
	let store = Arc::new(store);
	let probe = store.clone();
	let probe_daemon = async move {
		match probe.version().await {
			Ok(version) => info!("📦 IPFS daemon {version} at {}", probe.api()),
			Err(error) => warn!("📦 {error}: content_* calls fail until it is up"),
		}
	};
	node.spawner.spawn("ipfs-probe", Some("ipfs"), probe_daemon.boxed());
	if params.ipfs_pin {
		pinning::spawn::<Block, AccountId, C, BE>(
			node.spawner,
			node.prometheus,
			client.clone(),
			store.clone(),
			journal.clone(),
			params.pin_max_bytes(),
		)?;
	}
	let ttl = Duration::from_secs(params.ipfs_upload_ttl);
	let sweeper = upload_sweeper::sweep(store.clone(), journal.clone(), ttl);
	node.spawner.spawn("ipfs-upload-sweeper", Some("ipfs"), sweeper.boxed());
	// `content_*` calls and uploads each have a bound of their own: an upload's body arrives
	// as fast as its sender likes, and slow ones must not hold up reads.
	let permits = || Arc::new(Semaphore::new(params.ipfs_rpc_max_concurrent.max(1)));
	if let Some(addr) = params.ipfs_upload_addr {
		let origins = AllowedOrigins::from_rpc_cors(node.rpc_cors);
		UploadEndpoint::new(store.clone(), permits(), params.public_uploads("address"), origins)
			.serve(addr, node.spawner)?;
	}
	Ok(rpc::Content::new(store, journal, permits(), params.public_uploads("connection")))
}
