//! The node's IPFS flags.

use std::{hash::Hash, net::SocketAddr, time::Duration};

use crate::{store::ContentStore, upload_limits::PublicUploads};

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

	/// The most a CID on chain may make the pinning follower store, in bytes: the whole DAG
	/// under it, every block counted once. A CID over it is not pinned (logged, and counted
	/// in `agora_ipfs_pins_refused_total`). Default: `--ipfs-max-body` plus room for the DAG's
	/// own nodes (1/64 of it and 64 KiB), so a body `content_add` accepts is always pinned.
	#[arg(long, value_name = "BYTES")]
	pub ipfs_pin_max_bytes: Option<u64>,

	/// How long an upload (`content_add`, the upload endpoint) stays pinned on this node if no
	/// post, profile or message on chain references it, in seconds; then it is unpinned again.
	/// What the chain references, the pinning follower keeps pinned instead (`--ipfs-pin`).
	#[arg(long, value_name = "SECONDS", default_value_t = 3600)]
	pub ipfs_upload_ttl: u64,

	/// How many `content_*` RPC calls may use the daemon at once, and, apart from them, how
	/// many uploads through the upload endpoint; a call beyond that is refused at once with a
	/// "busy" error (code 7006) instead of queueing, so clients cannot make the daemon fetch
	/// and hold unbounded amounts of content in parallel.
	#[arg(long, value_name = "COUNT", default_value_t = 32)]
	pub ipfs_rpc_max_concurrent: usize,

	/// Serve `content_add` to callers that are denied unsafe RPC methods (a public node),
	/// within `--ipfs-upload-max-bytes` and `--ipfs-uploads-per-minute`, instead of only
	/// where unsafe methods are allowed.
	#[arg(long)]
	pub ipfs_public_uploads: bool,

	/// The largest body a public upload may have, in bytes (`--ipfs-public-uploads`).
	#[arg(long, value_name = "BYTES", default_value_t = 1024 * 1024)]
	pub ipfs_upload_max_bytes: usize,

	/// How many public uploads one RPC connection, or one IP address on the upload
	/// endpoint, may make per minute (`--ipfs-public-uploads`).
	#[arg(long, value_name = "COUNT", default_value_t = 30)]
	pub ipfs_uploads_per_minute: u32,

	/// Serve the upload endpoint at this address: `POST /content` with the raw body streams it
	/// to the daemon and answers `{"cid": "…", "size": …}`, the same as `content_add` without the hex
	/// JSON around the body. On a loopback address (e.g. `127.0.0.1:9950`) it serves this
	/// host; any other address needs `--ipfs-public-uploads`, whose limits then apply to
	/// callers from other hosts, counted per IPv4 address or IPv6 /64. Web pages may call it
	/// from the origins `--rpc-cors` allows.
	#[arg(long, value_name = "IP:PORT")]
	pub ipfs_upload_addr: Option<SocketAddr>,
}

impl IpfsParams {
	/// The limits of public uploads, counted per caller (a `per`), if the node accepts them.
	pub(crate) fn public_uploads<K: Hash + Eq>(
		&self,
		per: &'static str,
	) -> Option<PublicUploads<K>> {
		self.ipfs_public_uploads.then(|| {
			PublicUploads::new(
				self.ipfs_upload_max_bytes.min(self.ipfs_max_body),
				self.ipfs_uploads_per_minute,
				per,
			)
		})
	}

	/// The bound on what one CID may make the pinning follower store.
	pub(crate) fn pin_max_bytes(&self) -> u64 {
		let body = self.ipfs_max_body as u64;
		self.ipfs_pin_max_bytes.unwrap_or(body.saturating_add(body / 64).saturating_add(64 * 1024))
	}

	/// The store these flags describe.
	pub(crate) fn store(&self) -> Result<ContentStore, String> {
		ContentStore::new(
			&self.ipfs_api,
			self.ipfs_max_body,
			Duration::from_millis(self.ipfs_timeout.max(1)),
		)
	}
}
