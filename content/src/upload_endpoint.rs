//! The upload endpoint (`--ipfs-upload-addr`): `POST /content` with the raw body; the answer is
//! `{"cid": "…"}`, the same CID `content_add` gives for the same bytes.
//!
//! `content_add` carries the body as hex inside JSON: a 1 MiB body is 2 MiB of text the
//! client encodes and the node decodes before the daemon sees a byte. This endpoint passes the
//! bytes on to the daemon's `add` as they arrive ([`ContentStore::add_streamed`]), so an upload
//! costs little more than going to the daemon directly (`benches/live.sh content`).
//!
//! Who may upload, as with `content_add`: callers on this host within the node's
//! `--ipfs-max-body`; callers from other hosts only when the node runs with
//! `--ipfs-public-uploads`, within its limits, counted per IP address. A request from a web
//! page (with an `Origin` header) is served only for the origins `--rpc-cors` allows, so no
//! page a user happens to open can upload through their node (unless `--rpc-cors` allows all,
//! as `--dev` does when not told otherwise). At most `--ipfs-rpc-max-concurrent` uploads run
//! at once, on a bound of their own, so slow uploads cannot hold up `content_*` calls. Refusals carry the `content_*` error codes:
//! `{"code": 7003, "message": "…"}` with a fitting HTTP status.

use std::{
	convert::Infallible,
	net::{IpAddr, SocketAddr},
	sync::Arc,
	time::{Duration, Instant},
};

use futures::{FutureExt, TryStreamExt};
use http_body_util::{BodyExt, Full};
use hyper::{
	body::{Bytes, Incoming},
	header::{self, HeaderValue},
	server::conn::http1,
	service::service_fn,
	Method, Request, Response, StatusCode,
};
use hyper_util::rt::{TokioIo, TokioTimer};
use log::{debug, info, warn};
use serde_json::json;
use sp_core::traits::SpawnNamed;
use tokio::{net::TcpListener, sync::Semaphore};

use crate::{
	rpc::{error_code, BUSY_MESSAGE},
	store::{Added, ContentError, ContentStore},
	upload_limits::{PublicUploads, Refused},
};

/// The one path the endpoint serves.
const PATH: &str = "/content";
/// Connections served at once; more wait in the kernel's accept queue.
const MAX_CONNECTIONS: usize = 256;
/// How long a client may take to send a request's headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// A refused request: its HTTP status, `content_*` error code and message.
struct Refusal {
	status: StatusCode,
	code: i32,
	message: String,
}

impl Refusal {
	fn new(status: StatusCode, code: i32, message: impl Into<String>) -> Self {
		Self { status, code, message: message.into() }
	}
}

impl From<ContentError> for Refusal {
	fn from(error: ContentError) -> Self {
		let (status, code) = match error {
			ContentError::Unreachable { .. } => {
				(StatusCode::BAD_GATEWAY, error_code::DAEMON_UNREACHABLE)
			},
			ContentError::Timeout { .. } => (StatusCode::GATEWAY_TIMEOUT, error_code::TIMEOUT),
			ContentError::BodyTooLarge { .. } => {
				(StatusCode::PAYLOAD_TOO_LARGE, error_code::BODY_TOO_LARGE)
			},
			ContentError::InvalidCid { .. } => (StatusCode::BAD_GATEWAY, error_code::INVALID_CID),
			ContentError::Daemon(_) => (StatusCode::BAD_GATEWAY, error_code::DAEMON_ERROR),
		};
		Self::new(status, code, error.to_string())
	}
}

impl From<Refused> for Refusal {
	fn from(refused: Refused) -> Self {
		let (status, code) = match refused {
			Refused::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, error_code::BODY_TOO_LARGE),
			Refused::TooMany { .. } => (StatusCode::TOO_MANY_REQUESTS, error_code::UPLOAD_RATE),
		};
		Self::new(status, code, refused.to_string())
	}
}

/// Which web origins may call the endpoint: `--rpc-cors`.
#[derive(Debug, Clone)]
pub enum AllowedOrigins {
	/// `--rpc-cors all`.
	Any,
	/// Exact origins, or `scheme://host:*` for any port of a host.
	List(Vec<String>),
}

impl AllowedOrigins {
	/// The node's `--rpc-cors` setting (`None` means all).
	pub fn from_rpc_cors(cors: Option<&[String]>) -> Self {
		cors.map_or(Self::Any, |list| Self::List(list.to_vec()))
	}

	fn allows(&self, origin: &str) -> bool {
		let Self::List(list) = self else { return true };
		list.iter().any(|allowed| match allowed.strip_suffix(":*") {
			Some(host) => {
				origin == host
					|| origin
						.strip_prefix(host)
						.and_then(|rest| rest.strip_prefix(':'))
						.is_some_and(|port| {
							!port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
						})
			},
			None => origin == allowed,
		})
	}
}

/// The endpoint's state: the daemon, the bound it shares with `content_*`, who may upload.
pub struct UploadEndpoint {
	store: Arc<ContentStore>,
	permits: Arc<Semaphore>,
	public: Option<PublicUploads<IpAddr>>,
	origins: AllowedOrigins,
}

impl UploadEndpoint {
	/// Uploads into `store`, at most as many at once as `permits` has, open to other hosts
	/// within `public` if given, to web pages from `origins`.
	pub fn new(
		store: Arc<ContentStore>,
		permits: Arc<Semaphore>,
		public: Option<PublicUploads<IpAddr>>,
		origins: AllowedOrigins,
	) -> Self {
		Self { store, permits, public, origins }
	}

	/// Binds `addr` and serves the endpoint there on `spawn`'s tasks. A non-loopback address
	/// without public uploads is a configuration error: nobody there could upload.
	pub fn serve(self, addr: SocketAddr, spawn: &dyn SpawnNamed) -> Result<(), String> {
		check_listen_addr(addr, self.public.is_some())?;
		let listener = std::net::TcpListener::bind(addr)
			.and_then(|listener| listener.set_nonblocking(true).map(|()| listener))
			.map_err(|e| format!("--ipfs-upload-addr {addr}: {e}"))?;
		info!("📦 Upload endpoint: POST http://{addr}{PATH}");
		let endpoint = accept(listener, Arc::new(self));
		spawn.spawn("ipfs-upload-endpoint", Some("ipfs"), endpoint.boxed());
		Ok(())
	}

	/// Answers one request.
	async fn handle(&self, peer: IpAddr, request: Request<Incoming>) -> Response<Full<Bytes>> {
		let origin = request.headers().get(header::ORIGIN).cloned();
		let mut response = match self.route(peer, origin.as_ref(), request).await {
			Ok(response) => response,
			Err(refusal) => {
				debug!("📦 Upload from {peer} refused: {}", refusal.message);
				reply(refusal.status, json!({ "code": refusal.code, "message": refusal.message }))
			},
		};
		if let Some(origin) = origin.filter(|o| o.to_str().is_ok_and(|o| self.origins.allows(o))) {
			let headers = response.headers_mut();
			headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			headers.insert(header::VARY, HeaderValue::from_static("origin"));
		}
		response
	}

	async fn route(
		&self,
		peer: IpAddr,
		origin: Option<&HeaderValue>,
		request: Request<Incoming>,
	) -> Result<Response<Full<Bytes>>, Refusal> {
		if let Some(origin) = origin {
			let origin = origin.to_str().unwrap_or_default();
			if !self.origins.allows(origin) {
				return Err(Refusal::new(
					StatusCode::FORBIDDEN,
					error_code::UPLOAD_FORBIDDEN,
					format!("web pages from {origin} may not upload to this node (--rpc-cors)"),
				));
			}
		}
		if request.uri().path() != PATH {
			return Err(Refusal::new(
				StatusCode::NOT_FOUND,
				error_code::UPLOAD_FORBIDDEN,
				format!("this endpoint serves only {PATH}"),
			));
		}
		if request.method() == Method::POST {
			let added = self.upload(peer, request).await?;
			Ok(reply(StatusCode::OK, json!({ "cid": added.cid.to_text(), "size": added.size })))
		} else if request.method() == Method::OPTIONS {
			Ok(preflight())
		} else {
			Err(Refusal::new(
				StatusCode::METHOD_NOT_ALLOWED,
				error_code::UPLOAD_FORBIDDEN,
				format!("{PATH} takes POST with the body to add"),
			))
		}
	}

	/// Admits an upload from `peer` of `declared` bytes (if announced) at `now`: the largest
	/// body it may send, or why it may not upload.
	fn admit(&self, peer: IpAddr, declared: Option<u64>, now: Instant) -> Result<usize, Refusal> {
		if peer.to_canonical().is_loopback() {
			return Ok(self.store.max_body());
		}
		let public = self.public.as_ref().ok_or_else(|| {
			Refusal::new(
				StatusCode::FORBIDDEN,
				error_code::UPLOAD_FORBIDDEN,
				"this node takes uploads only from its own host",
			)
		})?;
		let size = declared.map_or(0, |size| usize::try_from(size).unwrap_or(usize::MAX));
		public.admit(caller(peer), size, now)?;
		Ok(public.max_bytes())
	}

	/// Streams the request's body into the daemon within the caller's limit; its CID and size.
	async fn upload(&self, peer: IpAddr, request: Request<Incoming>) -> Result<Added, Refusal> {
		// The length hyper reads the body by (not the header, which a chunked body overrides).
		let declared = hyper::body::Body::size_hint(request.body()).exact();
		// The permit first: a call refused as busy uses none of the upload allowance.
		let _permit = self.permits.try_acquire().map_err(|_| {
			Refusal::new(StatusCode::SERVICE_UNAVAILABLE, error_code::BUSY, BUSY_MESSAGE)
		})?;
		let max = self.admit(peer, declared, Instant::now())?;
		let chunks = request.into_body().into_data_stream().map_err(std::io::Error::other);
		Ok(self.store.add_streamed(chunks, declared, max).await?)
	}
}

/// Who a caller is for the public limits: its IPv4 address, or the /64 network of its IPv6
/// address (one host commonly holds a whole /64, so single addresses would be free to mint).
fn caller(peer: IpAddr) -> IpAddr {
	match peer.to_canonical() {
		IpAddr::V6(v6) => {
			let network = u128::from(v6) & !((1u128 << 64) - 1);
			IpAddr::V6(network.into())
		},
		v4 => v4,
	}
}

/// Refuses to listen where nobody could upload: a non-loopback address without public uploads.
fn check_listen_addr(addr: SocketAddr, public_uploads: bool) -> Result<(), String> {
	if addr.ip().to_canonical().is_loopback() || public_uploads {
		return Ok(());
	}
	Err(format!(
		"--ipfs-upload-addr {addr} is not a loopback address: add --ipfs-public-uploads to take \
		 uploads from other hosts, within its limits"
	))
}

/// Accepts connections until the node stops, each served on a task of its own.
async fn accept(listener: std::net::TcpListener, endpoint: Arc<UploadEndpoint>) {
	let listener = match TcpListener::from_std(listener) {
		Ok(listener) => listener,
		Err(error) => return warn!("📦 Upload endpoint not served: {error}"),
	};
	let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
	loop {
		let Ok(slot) = connections.clone().acquire_owned().await else { return };
		let (stream, peer) = match listener.accept().await {
			Ok(accepted) => accepted,
			Err(error) => {
				// Out of file descriptors and the like: wait instead of spinning.
				debug!("📦 Upload endpoint accept: {error}");
				tokio::time::sleep(Duration::from_millis(100)).await;
				continue;
			},
		};
		let endpoint = endpoint.clone();
		tokio::spawn(async move {
			let service = service_fn(|request| {
				let endpoint = endpoint.clone();
				async move { Ok::<_, Infallible>(endpoint.handle(peer.ip(), request).await) }
			});
			let served = http1::Builder::new()
				.timer(TokioTimer::new())
				.header_read_timeout(HEADER_TIMEOUT)
				.serve_connection(TokioIo::new(stream), service)
				.await;
			if let Err(error) = served {
				debug!("📦 Upload connection from {peer}: {error}");
			}
			drop(slot);
		});
	}
}

/// A JSON answer.
fn reply(status: StatusCode, body: serde_json::Value) -> Response<Full<Bytes>> {
	let mut response = Response::new(Full::new(Bytes::from(body.to_string())));
	*response.status_mut() = status;
	response
		.headers_mut()
		.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
	response
}

/// The answer to a browser's preflight: POST with a `Content-Type` of the page's choosing.
fn preflight() -> Response<Full<Bytes>> {
	let mut response = Response::new(Full::new(Bytes::new()));
	*response.status_mut() = StatusCode::NO_CONTENT;
	let headers = response.headers_mut();
	headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST"));
	headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
	headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
	response
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn origins_match_exactly_or_by_any_port_of_a_listed_host() {
		let origins = AllowedOrigins::List(vec![
			"http://localhost:*".into(),
			"https://polkadot.js.org".into(),
		]);
		for allowed in ["http://localhost:3000", "http://localhost", "https://polkadot.js.org"] {
			assert!(origins.allows(allowed), "{allowed}");
		}
		for refused in [
			"http://localhost.evil.example",
			"http://localhost:",
			"http://localhost:3000x",
			"https://localhost:3000",
			"https://polkadot.js.org.evil.example",
			"null",
		] {
			assert!(!origins.allows(refused), "{refused}");
		}
		assert!(AllowedOrigins::Any.allows("https://anywhere.example"));
	}

	fn endpoint(public: Option<PublicUploads<IpAddr>>) -> UploadEndpoint {
		let store = ContentStore::new("http://127.0.0.1:5001", 1000, Duration::from_secs(1))
			.expect("a store");
		UploadEndpoint::new(
			Arc::new(store),
			Arc::new(Semaphore::new(1)),
			public,
			AllowedOrigins::Any,
		)
	}

	#[test]
	fn other_hosts_upload_only_with_public_uploads_and_within_their_limits() {
		let now = Instant::now();
		let (local, local_v6, remote, other): (IpAddr, IpAddr, IpAddr, IpAddr) = (
			"127.0.0.1".parse().unwrap(),
			"::ffff:127.0.0.1".parse().unwrap(),
			"192.0.2.7".parse().unwrap(),
			"2001:db8::1".parse().unwrap(),
		);

		let private = endpoint(None);
		assert_eq!(private.admit(local, None, now).ok(), Some(1000), "the node's own limit");
		assert_eq!(private.admit(local_v6, Some(10), now).ok(), Some(1000));
		let refused = private.admit(remote, Some(10), now).expect_err("another host");
		assert_eq!((refused.status, refused.code), (StatusCode::FORBIDDEN, 7008));

		let public = endpoint(Some(PublicUploads::new(100, 1, "address")));
		assert_eq!(public.admit(local, Some(500), now).ok(), Some(1000), "this host: unlimited");
		assert_eq!(public.admit(local, Some(500), now).ok(), Some(1000));
		let too_large = public.admit(remote, Some(101), now).expect_err("over the size");
		assert_eq!((too_large.status, too_large.code), (StatusCode::PAYLOAD_TOO_LARGE, 7003));
		assert_eq!(public.admit(remote, None, now).ok(), Some(100), "the public limit");
		let too_many = public.admit(remote, Some(1), now).expect_err("over the rate");
		assert_eq!((too_many.status, too_many.code), (StatusCode::TOO_MANY_REQUESTS, 7007));
		assert!(too_many.message.contains("per address per minute"), "{}", too_many.message);
		assert_eq!(public.admit(other, None, now).ok(), Some(100), "another address");
		let same_network: IpAddr = "2001:db8::2".parse().unwrap();
		assert!(public.admit(same_network, None, now).is_err(), "the same IPv6 /64");
		let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
		assert!(public.admit(mapped, None, now).is_err(), "the same IPv4 address");
	}

	#[test]
	fn only_loopback_addresses_serve_without_public_uploads() {
		assert!(check_listen_addr("127.0.0.1:9950".parse().unwrap(), false).is_ok());
		assert!(check_listen_addr("[::1]:9950".parse().unwrap(), false).is_ok());
		let error = check_listen_addr("0.0.0.0:9950".parse().unwrap(), false).unwrap_err();
		assert!(error.contains("--ipfs-public-uploads"), "{error}");
		assert!(check_listen_addr("0.0.0.0:9950".parse().unwrap(), true).is_ok());
	}
}
