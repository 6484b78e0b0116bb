//! The node's IPFS flags.

use std::time::Duration;

use super::store::ContentStore;

/// Where the IPFS daemon is and how the node uses it.
#[derive(Debug, Clone, clap::Args)]
pub struct IpfsParams {
	/// The IPFS daemon's Kubo RPC API (Kubo's `Addresses.API`). The `content_*` RPC methods
	/// and the pinning follower talk to it.
	#[arg(long, value_name = "URL", default_value = "http://127.0.0.1:5001")]
	pub ipfs_api: String,

	/// The largest body, in bytes, that `content_add` accepts and `content_get` returns.
	#[arg(long, value_name = "BYTES", default_value_t = 4 * 1024 * 1024)]
	pub ipfs_max_body: usize,

	/// How long one IPFS request may take, in milliseconds (`content_get` of a CID nobody
	/// serves ends with a timeout error after this long).
	#[arg(long, value_name = "MS", default_value_t = 10_000)]
	pub ipfs_timeout: u64,

	/// Pin every CID that finalized blocks publish (posts, edits, profiles) and unpin the
	/// ones that edits and deletes release. Work owed to a daemon that is down is kept under
	/// the base path and retried until done.
	#[arg(long)]
	pub ipfs_pin: bool,
}

impl IpfsParams {
	/// The store these flags describe.
	pub fn store(&self) -> Result<ContentStore, String> {
		ContentStore::new(
			&self.ipfs_api,
			self.ipfs_max_body,
			Duration::from_millis(self.ipfs_timeout.max(1)),
		)
	}
}
