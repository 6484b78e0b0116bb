//! [`ContentStore`]: the node's one handle on the IPFS daemon.
//!
//! Every request is bounded: bodies by a byte limit, every call by a timeout (a `cat` of a CID
//! the daemon does not hold can wait forever for peers that never come). Daemon failures are
//! sorted into the few cases a caller can act on ([`ContentError`]).

use std::{
	collections::hash_map::RandomState,
	hash::{BuildHasher, Hasher},
	sync::{
		atomic::{AtomicUsize, Ordering},
		Arc,
	},
	time::Duration,
};

use agora_primitives::Cid;
use futures::{stream, Future, Stream, StreamExt, TryStreamExt};
use http_body_util::{combinators::UnsyncBoxBody, BodyExt, Limited, StreamBody};
use hyper::{
	body::{Bytes, Frame},
	header::{CONTENT_LENGTH, CONTENT_TYPE},
	Request,
};
use hyper_util::{
	client::legacy::{connect::HttpConnector, Client},
	rt::TokioExecutor,
};
use ipfs_api_backend_hyper::{Error as IpfsError, IpfsApi, IpfsClient, TryFromUri};
use ipfs_api_prelude::{ApiRequest, Backend};
use serde::{Deserialize, Serialize};

/// The most of the daemon's answer to an `add` the node reads: one line of JSON per file.
const MAX_ADD_ANSWER: usize = 64 * 1024;

/// A request body streamed to the daemon as it arrives.
type StreamedBody = UnsyncBoxBody<Bytes, std::io::Error>;

/// `refs?arg=<cid>&recursive=true&unique=true`: every block a DAG links to, each once,
/// streamed as the daemon walks (the hyper backend has no typed call for it).
#[derive(Serialize)]
struct RefsRecursive<'a> {
	arg: &'a str,
	recursive: bool,
	unique: bool,
}

impl ApiRequest for RefsRecursive<'_> {
	const PATH: &'static str = "/refs";
}

/// One line of the `refs` stream.
#[derive(Deserialize)]
struct RefLine {
	#[serde(rename = "Ref")]
	cid: String,
	#[serde(rename = "Err", default)]
	error: String,
}

/// Why a content operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
	/// The daemon's API did not answer (not running, wrong address, connection dropped).
	Unreachable { api: String, reason: String },
	/// The daemon did not finish within the node's timeout.
	Timeout { millis: u128 },
	/// A body over the node's size limit (`size` is at least this many bytes).
	BodyTooLarge { size: usize, max: usize },
	/// Text that is not a CID Agora accepts.
	InvalidCid { input: String, reason: String },
	/// The daemon answered with an error of its own.
	Daemon(String),
}

impl std::fmt::Display for ContentError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Unreachable { api, reason } => {
				write!(f, "the IPFS daemon at {api} is unreachable: {reason}")
			},
			Self::Timeout { millis } => {
				write!(f, "the IPFS daemon did not answer within {millis} ms")
			},
			Self::BodyTooLarge { size, max } => {
				write!(f, "the body is {size} bytes or more; this node accepts at most {max} bytes")
			},
			Self::InvalidCid { input, reason } => {
				write!(f, "`{input}` is not a valid CID: {reason}")
			},
			Self::Daemon(message) => write!(f, "the IPFS daemon refused: {message}"),
		}
	}
}

impl std::error::Error for ContentError {}

/// Whether a daemon error says the CID is simply not pinned (Kubo and js-ipfs both say so).
fn is_not_pinned(error: &ContentError) -> bool {
	matches!(error, ContentError::Daemon(message) if message.contains("not pinned"))
}

/// The CID in the daemon's answer to an `add` of one file, or the daemon's error.
fn added_cid(success: bool, answer: &[u8]) -> Result<Cid, ContentError> {
	#[derive(Deserialize)]
	struct Added {
		#[serde(rename = "Hash")]
		hash: String,
	}
	#[derive(Deserialize)]
	struct Failed {
		#[serde(rename = "Message")]
		message: String,
	}
	let text = String::from_utf8_lossy(answer);
	if !success {
		let message = serde_json::from_str::<Failed>(&text)
			.map(|failed| failed.message)
			.unwrap_or_else(|_| text.trim().chars().take(500).collect());
		return Err(ContentError::Daemon(message));
	}
	let last = text.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or_default();
	let added = serde_json::from_str::<Added>(last)
		.map_err(|e| ContentError::Daemon(format!("unexpected answer to add: {e}")))?;
	// js-ipfs prints CIDv1 in base58btc, Kubo in base32: both parse to the same CID.
	parse_cid(&added.hash).map_err(|e| ContentError::Daemon(format!("unexpected CID: {e}")))
}

/// A multipart boundary nobody can predict: 128 bits of SipHash under the standard library's
/// random keys (seeded from the operating system; every `RandomState` has keys of its own).
fn unguessable_boundary() -> String {
	let half = || {
		let mut hasher = RandomState::new().build_hasher();
		hasher.write_u8(0);
		hasher.finish()
	};
	format!("agora-{:016x}{:016x}", half(), half())
}

/// Parses a CID given as text, with the reason when it is not one Agora accepts.
pub fn parse_cid(input: &str) -> Result<Cid, ContentError> {
	Cid::try_from(input.trim()).map_err(|reason| ContentError::InvalidCid {
		input: input.chars().take(120).collect(),
		reason: format!("{reason:?}"),
	})
}

/// The IPFS daemon behind the node, with the node's limits.
#[derive(Clone)]
pub struct ContentStore {
	client: IpfsClient,
	/// For what the typed client cannot do: stream a body into `add` as it arrives.
	streaming: Client<HttpConnector, StreamedBody>,
	api: String,
	max_body: usize,
	timeout: Duration,
	/// Where uploads (what `add` pinned) are recorded, so they can be unpinned again.
	uploads: Option<Arc<dyn UploadLog>>,
}

/// A body added to the daemon: its CID and its size in bytes (what a post declares).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
	/// The CID of the body.
	pub cid: Cid,
	/// The body's size in bytes.
	pub size: u64,
}

/// Records the uploads [`ContentStore::add_streamed`] pins, so that those no post references
/// in time can be unpinned again (the pinning journal does).
pub trait UploadLog: Send + Sync {
	/// `cid` was just added and pinned as an upload.
	fn uploaded(&self, cid: &Cid);
}

impl ContentStore {
	/// A store for the Kubo RPC API at `api` (e.g. `http://127.0.0.1:5001`).
	pub fn new(api: &str, max_body: usize, timeout: Duration) -> Result<Self, String> {
		if !api.starts_with("http://") {
			return Err(format!("`{api}`: the IPFS API address must start with http://"));
		}
		let client = IpfsClient::from_str(api).map_err(|e| format!("`{api}`: {e}"))?;
		let streaming = Client::builder(TokioExecutor::new()).build_http();
		Ok(Self { client, streaming, api: api.to_owned(), max_body, timeout, uploads: None })
	}

	/// Records every upload in `log` from now on.
	pub fn log_uploads_in(&mut self, log: Arc<dyn UploadLog>) {
		self.uploads = Some(log);
	}

	/// The time every call to the daemon is bounded by (`--ipfs-timeout`).
	pub fn timeout(&self) -> Duration {
		self.timeout
	}

	/// The API address, for logs.
	pub fn api(&self) -> &str {
		&self.api
	}

	/// The largest body the node stores or returns.
	pub fn max_body(&self) -> usize {
		self.max_body
	}

	/// Adds `body` as a CIDv1 file and pins it; returns its CID.
	pub async fn add(&self, body: Vec<u8>) -> Result<Added, ContentError> {
		let size = body.len() as u64;
		let whole = stream::iter([Ok(Bytes::from(body))]);
		self.add_streamed(whole, Some(size), self.max_body).await
	}

	/// Adds the body `chunks` yields as a CIDv1 file and pins it (recording the upload, see
	/// [`UploadLog`]), passing each chunk on to the daemon as it arrives instead of holding the
	/// whole body; returns its CID and size.
	/// `declared` is the size the sender announced, if it did; a body over `max` (or the
	/// node's limit) is refused before the first byte when announced, and otherwise the
	/// moment it passes the limit, which aborts the daemon's `add`.
	pub async fn add_streamed<S>(
		&self,
		chunks: S,
		declared: Option<u64>,
		max: usize,
	) -> Result<Added, ContentError>
	where
		S: Stream<Item = Result<Bytes, std::io::Error>> + Send + Unpin + 'static,
	{
		let max = max.min(self.max_body);
		if let Some(size) = declared.filter(|size| *size > max as u64) {
			return Err(ContentError::BodyTooLarge { size: size as usize, max });
		}
		// One multipart file around the body. The boundary is unguessable, so no body can
		// end the file early by containing it.
		let boundary = unguessable_boundary();
		let head = Bytes::from(format!(
			"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n\
			 Content-Type: application/octet-stream\r\n\r\n"
		));
		let tail = Bytes::from(format!("\r\n--{boundary}--\r\n"));
		let framing = (head.len() + tail.len()) as u64;

		// The size at which the body passed the limit (0 while it has not), and its size so far.
		let over_at = Arc::new(AtomicUsize::new(0));
		let over = over_at.clone();
		let total = Arc::new(AtomicUsize::new(0));
		let counter = total.clone();
		let mut seen = 0usize;
		let counted = chunks.map(move |chunk| {
			let chunk = chunk?;
			seen = seen.saturating_add(chunk.len());
			counter.store(seen, Ordering::SeqCst);
			if seen > max {
				over.store(seen, Ordering::SeqCst);
				return Err(std::io::Error::other("the body is over the limit"));
			}
			Ok(chunk)
		});
		let frames = stream::iter([Ok(head)])
			.chain(counted)
			.chain(stream::iter([Ok(tail)]))
			.map_ok(Frame::data);

		let url = format!("{}/api/v0/add?pin=true&cid-version=1", self.api.trim_end_matches('/'));
		let mut request = Request::post(url)
			.header(CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"));
		if let Some(size) = declared {
			request = request.header(CONTENT_LENGTH, size.saturating_add(framing));
		}
		let request = request
			.body(StreamBody::new(frames).boxed_unsync())
			.map_err(|e| ContentError::Daemon(format!("request: {e}")))?;

		let add = async {
			let response = self.streaming.request(request).await;
			let size = over_at.load(Ordering::SeqCst);
			if size > 0 {
				return Err(ContentError::BodyTooLarge { size, max });
			}
			let response = response.map_err(|e| {
				if e.is_connect() {
					ContentError::Unreachable { api: self.api.clone(), reason: e.to_string() }
				} else {
					ContentError::Daemon(e.to_string())
				}
			})?;
			let status = response.status();
			let answer = Limited::new(response.into_body(), MAX_ADD_ANSWER)
				.collect()
				.await
				.map_err(|e| ContentError::Daemon(format!("reading its answer: {e}")))?
				.to_bytes();
			added_cid(status.is_success(), &answer)
		};
		let cid = self.bounded_with(add).await?;
		if let Some(log) = &self.uploads {
			log.uploaded(&cid);
		}
		Ok(Added { cid, size: total.load(Ordering::SeqCst) as u64 })
	}

	/// The body stored under `cid`, refused once it passes the size limit.
	pub async fn get(&self, cid: &Cid) -> Result<Vec<u8>, ContentError> {
		let max = self.max_body;
		let path = cid.to_text();
		let read = async {
			let mut chunks = self.client.cat(&path);
			let mut body = Vec::new();
			while let Some(chunk) = chunks.try_next().await.map_err(|e| self.classify(e))? {
				let size = body.len().saturating_add(chunk.len());
				if size > max {
					return Err(ContentError::BodyTooLarge { size, max });
				}
				body.extend_from_slice(&chunk);
			}
			Ok(body)
		};
		self.bounded_with(read).await
	}

	/// Whether the daemon holds `cid` pinned.
	pub async fn is_pinned(&self, cid: &Cid) -> Result<bool, ContentError> {
		match self.bounded(self.client.pin_ls(Some(&cid.to_text()), None)).await {
			Ok(pins) => Ok(!pins.keys.is_empty()),
			Err(error) if is_not_pinned(&error) => Ok(false),
			Err(error) => Err(error),
		}
	}

	/// Whether the daemon holds a recursive pin on `cid` (made by anyone: an upload, the
	/// operator, the pinning follower).
	pub async fn is_pinned_recursively(&self, cid: &Cid) -> Result<bool, ContentError> {
		match self.bounded(self.client.pin_ls(Some(&cid.to_text()), Some("recursive"))).await {
			Ok(pins) => Ok(!pins.keys.is_empty()),
			Err(error) if is_not_pinned(&error) => Ok(false),
			Err(error) => Err(error),
		}
	}

	/// Whether the whole DAG under `cid` (its root and every block it links to, each counted
	/// once, by the size the daemon reports for the block itself, not by what links claim) is
	/// at most `bound` bytes. The walk stops at the first block past the bound; what the daemon
	/// fetched for it stays unpinned, for its garbage collector (Kubo fetches a node's children
	/// in parallel before listing them, so a wide node can make it fetch more than the bound
	/// before the walk stops). The whole walk is one request under the timeout. A daemon that
	/// reports a walk error only in the `X-Stream-Error` trailer (js-ipfs) is not heard: the
	/// DAG then counts as only what was listed. The walk is bounded by `timeout` (a first,
	/// short probe of a CID nobody may serve, or `--ipfs-timeout`, [`Self::timeout`]).
	pub async fn fits_in_within(
		&self,
		cid: &Cid,
		bound: u64,
		timeout: Duration,
	) -> Result<bool, ContentError> {
		let root = cid.to_text();
		let walk = async {
			let mut total = self.block_size(&root).await?;
			if total > bound {
				return Ok(false);
			}
			let request = RefsRecursive { arg: &root, recursive: true, unique: true };
			let request =
				self.client.build_base_request(request, None).map_err(|e| self.classify(e))?;
			let mut refs = self.client.request_stream_json::<RefLine>(request);
			while let Some(line) = refs.try_next().await.map_err(|e| self.classify(e))? {
				if !line.error.is_empty() {
					return Err(ContentError::Daemon(line.error));
				}
				total = total.saturating_add(self.block_size(&line.cid).await?);
				if total > bound {
					return Ok(false);
				}
			}
			Ok(true)
		};
		self.bounded_for(timeout, walk).await
	}

	/// The size of one block, fetched by the daemon if it does not hold it.
	async fn block_size(&self, cid: &str) -> Result<u64, ContentError> {
		self.client.block_stat(cid).await.map(|stat| stat.size).map_err(|e| self.classify(e))
	}

	/// Pins `cid` (and everything it links to).
	pub async fn pin(&self, cid: &Cid) -> Result<(), ContentError> {
		self.bounded(self.client.pin_add(&cid.to_text(), true)).await.map(|_| ())
	}

	/// Unpins `cid`; a CID that is not pinned is already where we want it.
	pub async fn unpin(&self, cid: &Cid) -> Result<(), ContentError> {
		match self.bounded(self.client.pin_rm(&cid.to_text(), true)).await {
			Err(error) if !is_not_pinned(&error) => Err(error),
			_ => Ok(()),
		}
	}

	/// The daemon's version: a cheap liveness probe.
	pub async fn version(&self) -> Result<String, ContentError> {
		self.bounded(self.client.version()).await.map(|v| v.version)
	}

	async fn bounded<T>(
		&self,
		request: impl Future<Output = Result<T, IpfsError>>,
	) -> Result<T, ContentError> {
		self.bounded_with(async { request.await.map_err(|e| self.classify(e)) }).await
	}

	async fn bounded_with<T>(
		&self,
		request: impl Future<Output = Result<T, ContentError>>,
	) -> Result<T, ContentError> {
		self.bounded_for(self.timeout, request).await
	}

	async fn bounded_for<T>(
		&self,
		timeout: Duration,
		request: impl Future<Output = Result<T, ContentError>>,
	) -> Result<T, ContentError> {
		match tokio::time::timeout(timeout, request).await {
			Ok(result) => result,
			Err(_) => Err(ContentError::Timeout { millis: timeout.as_millis() }),
		}
	}

	fn classify(&self, error: IpfsError) -> ContentError {
		match error {
			IpfsError::Api(api) => ContentError::Daemon(api.message),
			IpfsError::Client(e) => {
				ContentError::Unreachable { api: self.api.clone(), reason: e.to_string() }
			},
			other => ContentError::Daemon(other.to_string()),
		}
	}
}
