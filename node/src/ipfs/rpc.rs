//! The `content_*` JSON-RPC methods: hand the node a body, get back the CID to put on chain;
//! read a body back by CID; ask whether this node keeps a CID pinned.
//!
//! `content_add` writes to the daemon, so it is an unsafe method: served on localhost, refused
//! on public interfaces unless the node runs with `--rpc-methods unsafe`. Reads are safe; they
//! are bounded by the node's body limit and timeout.

use std::sync::Arc;

use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::ErrorObjectOwned,
	Extensions,
};
use serde::{Deserialize, Serialize};
use sp_core::Bytes;

use super::store::{parse_cid, ContentError, ContentStore};

/// Stable JSON-RPC error codes of the `content_*` methods.
pub mod error_code {
	/// The IPFS daemon did not answer at all.
	pub const DAEMON_UNREACHABLE: i32 = 7001;
	/// The IPFS daemon did not finish in time (for `content_get`, often: nobody has the CID).
	pub const TIMEOUT: i32 = 7002;
	/// The body is over the node's `--ipfs-max-body`.
	pub const BODY_TOO_LARGE: i32 = 7003;
	/// The argument is not a CID Agora accepts.
	pub const INVALID_CID: i32 = 7004;
	/// The daemon answered with an error of its own (its message is passed on).
	pub const DAEMON_ERROR: i32 = 7005;
}

impl From<ContentError> for ErrorObjectOwned {
	fn from(error: ContentError) -> Self {
		let code = match error {
			ContentError::Unreachable { .. } => error_code::DAEMON_UNREACHABLE,
			ContentError::Timeout { .. } => error_code::TIMEOUT,
			ContentError::BodyTooLarge { .. } => error_code::BODY_TOO_LARGE,
			ContentError::InvalidCid { .. } => error_code::INVALID_CID,
			ContentError::Daemon(_) => error_code::DAEMON_ERROR,
		};
		ErrorObjectOwned::owned(code, error.to_string(), None::<()>)
	}
}

/// What `content_status` reports about a CID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentStatus {
	/// The CID in its canonical text form (`Qm…` for CIDv0, base32 `b…` for CIDv1).
	pub cid: String,
	/// Whether this node's daemon keeps it pinned.
	pub pinned: bool,
}

/// The content API.
#[rpc(client, server)]
pub trait ContentApi {
	/// Adds `body` to IPFS (CIDv1), pins it, and returns its CID in canonical text form.
	#[method(name = "content_add", with_extensions)]
	async fn add(&self, body: Bytes) -> RpcResult<String>;

	/// The body stored under `cid`.
	#[method(name = "content_get")]
	async fn get(&self, cid: String) -> RpcResult<Bytes>;

	/// Whether this node keeps `cid` pinned.
	#[method(name = "content_status")]
	async fn status(&self, cid: String) -> RpcResult<ContentStatus>;
}

/// The content API served from a [`ContentStore`].
pub struct Content {
	store: Arc<ContentStore>,
}

impl Content {
	/// Serves `store`.
	pub fn new(store: Arc<ContentStore>) -> Self {
		Self { store }
	}
}

#[async_trait]
impl ContentApiServer for Content {
	async fn add(&self, ext: &Extensions, body: Bytes) -> RpcResult<String> {
		sc_rpc_api::check_if_safe(ext)?;
		Ok(self.store.add(body.0).await?.to_text())
	}

	async fn get(&self, cid: String) -> RpcResult<Bytes> {
		let cid = parse_cid(&cid)?;
		Ok(Bytes(self.store.get(&cid).await?))
	}

	async fn status(&self, cid: String) -> RpcResult<ContentStatus> {
		let cid = parse_cid(&cid)?;
		let pinned = self.store.is_pinned(&cid).await?;
		Ok(ContentStatus { cid: cid.to_text(), pinned })
	}
}
