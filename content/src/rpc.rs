//! The `content_*` JSON-RPC methods: hand the node a body, get back the CID to put on chain;
//! read a body back by CID; ask whether this node keeps a CID pinned.
//!
//! `content_add` writes to the daemon, so it is an unsafe method: served on localhost, refused
//! on public interfaces unless the node runs with `--rpc-methods unsafe`, or with
//! `--ipfs-public-uploads`, which serves it to everyone within the public upload limits
//! (`--ipfs-upload-max-bytes`, `--ipfs-uploads-per-minute`). Reads are safe; they
//! are bounded by the node's body limit and timeout. At most `--ipfs-rpc-max-concurrent`
//! calls use the daemon at once; more are refused with [`error_code::BUSY`].

use std::{sync::Arc, time::Instant};

use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::ErrorObjectOwned,
	ConnectionId, Extensions,
};
use serde::{Deserialize, Serialize};
use sp_core::Bytes;
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::{
	journal::{PinJournal, Refusal},
	store::{parse_cid, ContentError, ContentStore},
	upload_limits::{PublicUploads, Refused},
};

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
	/// As many `content_*` calls as the node allows at once are already running; try again.
	pub const BUSY: i32 = 7006;
	/// A public upload over the connection's allowance for this minute.
	pub const UPLOAD_RATE: i32 = 7007;
	/// The upload endpoint does not take uploads from this caller (another host while the
	/// node runs without `--ipfs-public-uploads`, or a web page from an origin `--rpc-cors`
	/// does not list).
	pub const UPLOAD_FORBIDDEN: i32 = 7008;
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

/// Why a call was refused as busy.
pub const BUSY_MESSAGE: &str =
	"the node is serving as many content calls as it allows at once; try again";

/// What `content_status` reports about a CID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentStatus {
	/// The CID in its canonical text form (`Qm…` for CIDv0, base32 `b…` for CIDv1).
	pub cid: String,
	/// Whether this node's daemon keeps it pinned.
	pub pinned: bool,
	/// Why this node's pinning follower refused to pin it, if it did: `largerThanDeclared`
	/// (its content is larger than its author declared) or `overNodeBound` (larger than the
	/// node pins at all, `--ipfs-pin-max-bytes`).
	pub refused: Option<String>,
}

/// What `content_add` (and the upload endpoint) return: what a post then declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedContent {
	/// The CID in its canonical text form.
	pub cid: String,
	/// The body's size in bytes.
	pub size: u64,
}

/// The content API.
#[rpc(client, server)]
pub trait ContentApi {
	/// Adds `body` to IPFS (CIDv1), pins it (as an upload, unpinned again if no post references
	/// it in time), and returns its CID in canonical text form and its size.
	#[method(name = "content_add", with_extensions)]
	async fn add(&self, body: Bytes) -> RpcResult<AddedContent>;

	/// The body stored under `cid`.
	#[method(name = "content_get")]
	async fn get(&self, cid: String) -> RpcResult<Bytes>;

	/// Whether this node keeps `cid` pinned.
	#[method(name = "content_status")]
	async fn status(&self, cid: String) -> RpcResult<ContentStatus>;
}

/// The content API served from the node's IPFS daemon; clones share the daemon's handle and
/// the bound on calls. [`crate::start`] makes it.
#[derive(Clone)]
pub struct Content {
	store: Arc<ContentStore>,
	journal: Arc<PinJournal>,
	permits: Arc<Semaphore>,
	public_uploads: Option<Arc<PublicUploads<Option<ConnectionId>>>>,
}

impl Content {
	/// Serves `store`, with at most as many calls using it at once as `permits` has, and
	/// `content_add` for callers denied unsafe methods within `public_uploads`, if given;
	/// `content_status` reports the refusals `journal` records.
	pub(crate) fn new(
		store: Arc<ContentStore>,
		journal: Arc<PinJournal>,
		permits: Arc<Semaphore>,
		public_uploads: Option<PublicUploads<Option<ConnectionId>>>,
	) -> Self {
		Self { store, journal, permits, public_uploads: public_uploads.map(Arc::new) }
	}

	/// Lets an upload of `size` bytes through: any caller allowed unsafe methods, others only
	/// within the public upload limits (when the node has them).
	fn admit_upload(&self, ext: &Extensions, size: usize) -> RpcResult<()> {
		let Err(unsafe_denied) = sc_rpc_api::check_if_safe(ext) else { return Ok(()) };
		let Some(public) = &self.public_uploads else { return Err(unsafe_denied.into()) };
		let connection = ext.get::<ConnectionId>().copied();
		public.admit(connection, size, Instant::now()).map_err(|refused| {
			let code = match refused {
				Refused::TooLarge { .. } => error_code::BODY_TOO_LARGE,
				Refused::TooMany { .. } => error_code::UPLOAD_RATE,
			};
			ErrorObjectOwned::owned(code, refused.to_string(), None::<()>)
		})
	}

	/// A permit to use the daemon, or the "busy" error when all are taken.
	fn permit(&self) -> RpcResult<SemaphorePermit<'_>> {
		self.permits
			.try_acquire()
			.map_err(|_| ErrorObjectOwned::owned(error_code::BUSY, BUSY_MESSAGE, None::<()>))
	}
}

#[async_trait]
impl ContentApiServer for Content {
	async fn add(&self, ext: &Extensions, body: Bytes) -> RpcResult<AddedContent> {
		// The permit first: a call refused as busy uses none of the upload allowance.
		let _permit = self.permit()?;
		self.admit_upload(ext, body.0.len())?;
		let added = self.store.add(body.0).await?;
		Ok(AddedContent { cid: added.cid.to_text(), size: added.size })
	}

	async fn get(&self, cid: String) -> RpcResult<Bytes> {
		let cid = parse_cid(&cid)?;
		let _permit = self.permit()?;
		Ok(Bytes(self.store.get(&cid).await?))
	}

	async fn status(&self, cid: String) -> RpcResult<ContentStatus> {
		let cid = parse_cid(&cid)?;
		let _permit = self.permit()?;
		let pinned = self.store.is_pinned(&cid).await?;
		let refused = self
			.journal
			.refusal(&cid)
			.map_err(|e| {
				ErrorObjectOwned::owned(error_code::DAEMON_ERROR, e.to_string(), None::<()>)
			})?
			.map(|refusal| match refusal {
				Refusal::LargerThanDeclared => "largerThanDeclared",
				Refusal::OverNodeBound => "overNodeBound",
			})
			.map(str::to_owned);
		Ok(ContentStatus { cid: cid.to_text(), pinned, refused })
	}
}
