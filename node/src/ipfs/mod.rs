//! The IPFS side of the node. Post bodies and profile documents live on IPFS; the chain keeps
//! only their CIDs. This module lets a user turn a body into a CID (`content_add`), read a
//! body back (`content_get`), and lets an operator keep every CID the chain uses pinned
//! (the pinning follower, `--ipfs-pin`).
//!
//! The node speaks the Kubo RPC API (`/api/v0/…`) through `ipfs-api-backend-hyper`, so any
//! daemon that serves it works: Kubo in production, the project's js-ipfs daemon
//! (`scripts/ipfs.sh`) for the dev chain and the tests. CIDs are the `agora-primitives` type
//! the runtime validates with, so node and chain agree on them byte for byte.
//!
//! This module knows the client only through the client traits it reads with, so it sits
//! below the node's services ([`crate::service`], [`crate::dev`]) and its RPC assembly
//! ([`crate::rpc`]) and imports none of them.

mod params;
pub mod pinning;
pub mod rpc;
mod store;
mod uploads;

use std::sync::Arc;

use agora_runtime::{content::ContentApi, opaque::Block};
use log::{info, warn};
use sc_client_api::{Backend, BlockchainEvents, StorageProvider};
use sc_service::{Configuration, TaskManager};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

pub use params::IpfsParams;

/// Connects the node to its IPFS daemon and starts the pinning follower if asked to; returns
/// the `content_*` RPC methods' handler.
pub fn start<C, BE>(
	params: &IpfsParams,
	config: &Configuration,
	task_manager: &TaskManager,
	client: &Arc<C>,
) -> Result<rpc::Content, sc_service::Error>
where
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
	task_manager.spawn_handle().spawn("ipfs-probe", Some("ipfs"), async move {
		match probe.version().await {
			Ok(version) => info!("📦 IPFS daemon {version} at {}", probe.api()),
			Err(error) => warn!("📦 {error}: content_* calls fail until it is up"),
		}
	});
	if params.ipfs_pin {
		pinning::spawn::<C, BE>(
			config,
			task_manager,
			client.clone(),
			store.clone(),
			params.pin_max_bytes(),
		)?;
	}
	Ok(rpc::Content::new(store, params.ipfs_rpc_max_concurrent, params.public_uploads()))
}
