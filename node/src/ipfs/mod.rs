//! The IPFS side of the node. Post bodies and profile documents live on IPFS; the chain keeps
//! only their CIDs. This module lets a user turn a body into a CID (`content_add`), read a
//! body back (`content_get`), and lets an operator keep every CID the chain uses pinned
//! (the pinning follower, `--ipfs-pin`). Uploads may also stream in over plain HTTP
//! (the upload endpoint, `--ipfs-upload-addr`).
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
mod upload_endpoint;
mod uploads;

use std::sync::Arc;

use agora_runtime::{content::ContentApi, opaque::Block};
use log::{info, warn};
use sc_client_api::{Backend, BlockchainEvents, StorageProvider};
use sc_service::{Configuration, TaskManager};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use tokio::sync::Semaphore;
use upload_endpoint::{AllowedOrigins, UploadEndpoint};

pub use params::IpfsParams;

/// Connects the node to its IPFS daemon, starts the pinning follower and the upload endpoint
/// if asked to; returns the `content_*` RPC methods' handler.
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
	// `content_*` calls and uploads each have a bound of their own: an upload's body arrives
	// as fast as its sender likes, and slow ones must not hold up reads.
	let permits = || Arc::new(Semaphore::new(params.ipfs_rpc_max_concurrent.max(1)));
	if let Some(addr) = params.ipfs_upload_addr {
		let origins = AllowedOrigins::from_rpc_cors(config.rpc.cors.as_ref());
		UploadEndpoint::new(store.clone(), permits(), params.public_uploads("address"), origins)
			.serve(addr, &task_manager.spawn_handle())?;
	}
	Ok(rpc::Content::new(store, permits(), params.public_uploads("connection")))
}
