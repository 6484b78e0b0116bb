//! End-to-end: the IPFS content pipeline against a real js-ipfs daemon and a real dev node.
//! Bodies go in through `content_add`, their CIDs on chain through `create_post`, and the
//! pinning follower keeps the daemon's pins in step with the finalized chain, also across a
//! daemon outage and a node crash.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::CidInput;
use agora_runtime::{RuntimeCall, RuntimeEvent};
use common::{ipfs::IpfsDaemon, *};
use http_body_util::{combinators::UnsyncBoxBody, BodyExt, Full, StreamBody};
use hyper::{
	body::{Bytes, Frame},
	HeaderMap, Method, Request,
};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::Value;
use sp_core::Bytes as HexBytes;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob};

/// The JSON-RPC error code of a failed call.
fn error_code(error: jsonrpsee::core::ClientError) -> (i32, String) {
	match error {
		jsonrpsee::core::ClientError::Call(object) => (object.code(), object.message().to_owned()),
		other => panic!("expected a JSON-RPC error, got {other}"),
	}
}

/// Adds `body` through `content_add`; its CID (after checking the size it reports).
async fn content_add(client: &WsClient, body: &[u8]) -> Result<String, (i32, String)> {
	// `HexBytes` travels as `0x…` hex, as the method takes it.
	let added: Value = client
		.request("content_add", rpc_params![HexBytes(body.to_vec())])
		.await
		.map_err(error_code)?;
	assert_eq!(added["size"].as_u64(), Some(body.len() as u64), "content_add reports the size");
	Ok(added["cid"].as_str().expect("a CID").to_owned())
}

async fn content_get(client: &WsClient, cid: &str) -> Result<Vec<u8>, (i32, String)> {
	client
		.request::<HexBytes, _>("content_get", rpc_params![cid])
		.await
		.map(|body| body.0)
		.map_err(error_code)
}

async fn content_pinned(client: &WsClient, cid: &str) -> bool {
	let status: Value =
		client.request("content_status", rpc_params![cid]).await.expect("content_status");
	status["pinned"].as_bool().expect("a pinned flag")
}

async fn post(client: &WsClient, author: Sr25519Keyring, cid: &str) -> u64 {
	let content = CidInput::try_from(cid.as_bytes().to_vec()).expect("fits");
	let outcome = submit_and_watch(
		client,
		author,
		RuntimeCall::Posts(pallet_posts::Call::create_post { content, size: 100 }),
	)
	.await
	.expect_success();
	outcome
		.events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::Posts(pallet_posts::Event::PostCreated { post_id, .. }) => Some(*post_id),
			_ => None,
		})
		.expect("a PostCreated event")
}

/// Posts `cid` as `author`, declaring its content `size` bytes; the new post's id.
async fn post_declaring(client: &WsClient, author: Sr25519Keyring, cid: &str, size: u32) -> u64 {
	let content = CidInput::try_from(cid.as_bytes().to_vec()).expect("fits");
	submit_and_watch(
		client,
		author,
		RuntimeCall::Posts(pallet_posts::Call::create_post { content, size }),
	)
	.await
	.expect_success()
	.events
	.iter()
	.find_map(|event| match event {
		RuntimeEvent::Posts(pallet_posts::Event::PostCreated { post_id, .. }) => Some(*post_id),
		_ => None,
	})
	.expect("a PostCreated event")
}

async fn delete(client: &WsClient, author: Sr25519Keyring, post_id: u64) {
	submit_and_watch(
		client,
		author,
		RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id }),
	)
	.await
	.expect_success();
}

async fn wait_pinned(daemon: &IpfsDaemon, cid: &str, pinned: bool) {
	wait_for(&format!("{cid} pinned = {pinned}"), || async {
		(daemon.is_pinned(cid).await == pinned).then_some(())
	})
	.await
}

fn node_with(dir: &std::path::Path, daemon: &IpfsDaemon, extra: &[&str]) -> DevNode {
	let api = daemon.api();
	let mut args = vec!["--instant-seal", "--ipfs-api", &api];
	args.extend_from_slice(extra);
	DevNode::start_with(&dir.join("chain"), &args)
}

#[tokio::test(flavor = "multi_thread")]
async fn bodies_round_trip_and_the_follower_keeps_pins_in_step_with_the_chain() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let mut node = node_with(dir.path(), &daemon, &["--ipfs-pin", "--ipfs-max-body", "4096"]);
	let client = node.client().await;

	// content_add pins the body and returns the CID to put on chain; content_get reads it back.
	let body = b"Hello, Agora! The first post on a chain nobody owns.";
	let cid = content_add(&client, body).await.expect("content_add");
	assert!(cid.starts_with("bafkrei"), "a CIDv1 (raw, sha2-256) in base32: {cid}");
	assert_eq!(content_get(&client, &cid).await.expect("content_get"), body);
	assert!(content_pinned(&client, &cid).await);

	// A post with that CID, deleted again: the chain no longer uses the body, but the pin is the
	// upload's, not the follower's, so it stays (an attacker posting and deleting someone's
	// uploaded CID must not make pinning nodes drop it).
	let post_id = post(&client, Alice, &cid).await;
	delete(&client, Alice, post_id).await;

	// A body the daemon holds but nobody pinned: putting its CID on chain gets it pinned, by
	// the follower, which owns that pin.
	let unpinned = daemon.add_unpinned(b"a body added by another program").await;
	assert!(!daemon.is_pinned(&unpinned).await);
	let first = post(&client, Bob, &unpinned).await;
	wait_pinned(&daemon, &unpinned, true).await;
	// The follower has read past the delete and the pinner has had its pass over what it owed.
	tokio::time::sleep(std::time::Duration::from_secs(3)).await;
	assert!(content_pinned(&client, &cid).await, "the upload's pin survived the delete");

	// Two posts share the body: deleting one keeps it pinned, deleting both unpins it.
	let second = post(&client, Alice, &unpinned).await;
	delete(&client, Bob, first).await;
	let third = post(&client, Bob, &cid).await; // a block the follower must read past
	wait_pinned(&daemon, &cid, true).await;
	assert!(daemon.is_pinned(&unpinned).await, "still used by the second post");
	delete(&client, Alice, second).await;
	wait_pinned(&daemon, &unpinned, false).await;
	delete(&client, Bob, third).await;
	// Pinned by the upload, never by the follower: still pinned after its last post went.
	tokio::time::sleep(std::time::Duration::from_secs(3)).await;
	assert!(daemon.is_pinned(&cid).await, "the follower unpins only what it pinned");

	// Bad input: typed errors, nothing added.
	let (code, message) = content_add(&client, &[7u8; 4097]).await.expect_err("over the limit");
	assert_eq!(code, 7003, "{message}");
	assert!(message.contains("4096"), "{message}");
	let (code, message) = content_get(&client, "not-a-cid").await.expect_err("malformed");
	assert_eq!(code, 7004, "{message}");
	let (code, _) = client
		.request::<Value, _>("content_status", rpc_params!["Qm123"])
		.await
		.map_err(error_code)
		.expect_err("malformed");
	assert_eq!(code, 7004);

	node.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cid_nobody_has_times_out_instead_of_hanging() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let mut node = node_with(dir.path(), &daemon, &["--ipfs-timeout", "1500"]);
	let client = node.client().await;

	// A well-formed CID of bytes nobody ever added: the offline daemon cannot find it.
	let missing = "bafkreigaknpexyvxt76zgkitavbwx6ejgfheup5oybpm77f3pxzrvwpfdi";
	let (code, message) = content_get(&client, missing).await.expect_err("nobody has it");
	assert_eq!(code, 7002, "{message}");
	assert!(message.contains("1500 ms"), "{message}");
	node.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_is_lost_while_the_daemon_is_down_even_across_a_node_crash() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let mut node = node_with(dir.path(), &daemon, &["--ipfs-pin"]);
	let client = node.client().await;
	let body = daemon.add_unpinned(b"written while the daemon was away").await;

	daemon.stop();
	let (code, message) = content_add(&client, b"anything").await.expect_err("daemon down");
	assert_eq!(code, 7001, "unreachable, not a timeout: {message}");
	assert!(message.contains("unreachable"), "{message}");

	// The post lands; its pin is owed. The node crashes before the daemon is back.
	post(&client, Alice, &body).await;
	let finalized = finalized_number(&client).await;
	drop(client);
	node.kill();

	// Daemon back, node restarted on the same base path: the owed pin is done.
	daemon.resume();
	assert!(!daemon.is_pinned(&body).await, "nobody pinned it while the node was down");
	let mut node = node_with(dir.path(), &daemon, &["--ipfs-pin"]);
	let client = node.client().await;
	assert!(finalized_number(&client).await >= finalized, "the chain survived the crash");
	wait_pinned(&daemon, &body, true).await;
	assert!(content_pinned(&client, &body).await);
	node.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn content_add_is_refused_where_unsafe_methods_are() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let mut node = node_with(dir.path(), &daemon, &["--rpc-methods", "safe"]);
	let client = node.client().await;
	let (code, message) = content_add(&client, b"hello").await.expect_err("unsafe");
	assert_eq!(code, -32601, "{message}");
	// Reads stay available.
	let cid = daemon.add_unpinned(b"readable by anyone").await;
	assert_eq!(content_get(&client, &cid).await.expect("content_get"), b"readable by anyone");
	node.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn content_calls_beyond_the_nodes_bound_are_refused_as_busy() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let mut node = node_with(
		dir.path(),
		&daemon,
		&["--ipfs-timeout", "3000", "--ipfs-rpc-max-concurrent", "2"],
	);
	let client = std::sync::Arc::new(node.client().await);
	let present = daemon.add_unpinned(b"served once a slot is free").await;

	// Two gets of a CID nobody has hold both slots until they time out ...
	let missing = "bafkreigaknpexyvxt76zgkitavbwx6ejgfheup5oybpm77f3pxzrvwpfdi";
	let (first, second) = (client.clone(), client.clone());
	let hanging = [
		tokio::spawn(async move { content_get(&first, missing).await }),
		tokio::spawn(async move { content_get(&second, missing).await }),
	];
	tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
	// ... so a third call is refused at once, whatever it asks for.
	let (code, message) = content_get(&client, &present).await.expect_err("busy");
	assert_eq!(code, 7006, "{message}");
	for call in hanging {
		assert_eq!(call.await.unwrap().expect_err("nobody has it").0, 7002);
	}
	// Slots free again: served.
	assert_eq!(
		content_get(&client, &present).await.expect("content_get"),
		b"served once a slot is free"
	);
	node.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn no_cid_makes_the_follower_store_more_than_its_bound() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let mut node = node_with(dir.path(), &daemon, &["--ipfs-pin", "--ipfs-pin-max-bytes", "65536"]);
	let client = node.client().await;
	// Bytes that do not compress into few blocks: a counter's output.
	let noise = |len: usize| -> Vec<u8> {
		(0..len as u32)
			.flat_map(|i| i.wrapping_mul(2_654_435_761).to_le_bytes())
			.take(len)
			.collect()
	};

	// One block over the bound, and a DAG whose root is small but whose leaves (256 KiB
	// chunks) add up to far more, both honestly declared: neither is pinned.
	let one_block = daemon.add_unpinned(&noise(100 * 1024)).await;
	let many_blocks = daemon.add_unpinned(&noise(600 * 1024)).await;
	post_declaring(&client, Alice, &one_block, 100 * 1024).await;
	post_declaring(&client, Bob, &many_blocks, 600 * 1024).await;
	for cid in [&one_block, &many_blocks] {
		// The node logs the canonical text (base32), whatever base the daemon printed.
		let canonical = agora_primitives::Cid::try_from(cid.as_str()).unwrap().to_text();
		let refused = format!("{canonical} not pinned: larger than 65536 bytes");
		wait_for(&format!("{cid} refused"), || async {
			let log = std::fs::read_to_string(node.base_path.join("node.log")).unwrap_or_default();
			log.lines().any(|line| line.contains(&refused)).then_some(())
		})
		.await;
		assert!(!daemon.is_pinned(cid).await, "{cid} is over the bound");
	}

	// A body within the bound is pinned as usual.
	let small = daemon.add_unpinned(&noise(60 * 1024)).await;
	post_declaring(&client, Alice, &small, 60 * 1024).await;
	wait_pinned(&daemon, &small, true).await;
	assert!(!daemon.is_pinned(&one_block).await && !daemon.is_pinned(&many_blocks).await);
	node.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn public_uploads_are_served_within_their_limits_without_unsafe_methods() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let mut node = node_with(
		dir.path(),
		&daemon,
		&[
			"--rpc-methods",
			"safe",
			"--ipfs-public-uploads",
			"--ipfs-upload-max-bytes",
			"100",
			"--ipfs-uploads-per-minute",
			"2",
		],
	);
	let client = node.client().await;

	// Unsafe methods stay refused ...
	let refused: Result<Value, _> = client.request("author_rotateKeys", rpc_params![]).await;
	assert_eq!(error_code(refused.expect_err("unsafe")).0, -32601);
	// ... while uploads are served, up to the size limit ...
	let (code, message) = content_add(&client, &[1u8; 101]).await.expect_err("too large");
	assert_eq!(code, 7003, "{message}");
	assert!(message.contains("at most 100 bytes"), "{message}");
	let first = content_add(&client, b"one").await.expect("first upload");
	assert_eq!(content_get(&client, &first).await.expect("content_get"), b"one");
	content_add(&client, b"two").await.expect("second upload");
	// ... and the connection's allowance per minute.
	let (code, message) = content_add(&client, b"three").await.expect_err("over the rate");
	assert_eq!(code, 7007, "{message}");
	assert!(message.contains("at most 2 public uploads per connection per minute"), "{message}");
	// Another connection has its own allowance.
	let other = node.client().await;
	content_add(&other, b"three").await.expect("another connection");
	node.stop();
}

/// A request body for the upload endpoint: whole (with a `Content-Length`) or streamed in
/// chunks (chunked transfer encoding, no length announced).
type UploadBody = UnsyncBoxBody<Bytes, std::io::Error>;

fn whole(body: &[u8]) -> UploadBody {
	Full::new(Bytes::copy_from_slice(body)).map_err(|never| match never {}).boxed_unsync()
}

fn streamed(chunks: &[&[u8]]) -> UploadBody {
	let frames: Vec<Result<Frame<Bytes>, std::io::Error>> =
		chunks.iter().map(|chunk| Ok(Frame::data(Bytes::copy_from_slice(chunk)))).collect();
	StreamBody::new(futures::stream::iter(frames)).boxed_unsync()
}

/// What the upload endpoint answered.
struct Answer {
	status: u16,
	headers: HeaderMap,
	json: Value,
}

impl Answer {
	fn error_code(&self) -> i64 {
		self.json["code"].as_i64().unwrap_or_else(|| panic!("an error code in {}", self.json))
	}
}

/// Sends `method /content` to the upload endpoint at `addr`, from a web page at `origin` if
/// given.
async fn call_endpoint(
	addr: &str,
	method: Method,
	body: UploadBody,
	origin: Option<&str>,
) -> Answer {
	let client = Client::builder(TokioExecutor::new()).build_http::<UploadBody>();
	let mut request = Request::builder().method(method).uri(format!("http://{addr}/content"));
	if let Some(origin) = origin {
		request = request.header("origin", origin);
	}
	let response = client.request(request.body(body).unwrap()).await.expect("the endpoint answers");
	let (status, headers) = (response.status().as_u16(), response.headers().clone());
	let bytes = response.into_body().collect().await.expect("the whole answer").to_bytes();
	let json = if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap() };
	Answer { status, headers, json }
}

async fn upload(addr: &str, body: UploadBody, origin: Option<&str>) -> Answer {
	call_endpoint(addr, Method::POST, body, origin).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_upload_endpoint_streams_bodies_in_and_answers_only_allowed_web_pages() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let addr = format!("127.0.0.1:{}", free_port());
	let mut node = node_with(
		dir.path(),
		&daemon,
		&["--ipfs-upload-addr", &addr, "--rpc-cors", "http://localhost:*"],
	);
	let client = node.client().await;
	wait_for("the upload endpoint", || async {
		tokio::net::TcpStream::connect(&addr).await.ok().map(drop)
	})
	.await;

	// A body of several IPFS blocks, whole and streamed: the CID `content_add` gives, pinned.
	let body: Vec<u8> =
		(0..600 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
	let answer = upload(&addr, whole(&body), None).await;
	assert_eq!(answer.status, 200, "{}", answer.json);
	let cid = answer.json["cid"].as_str().expect("a CID").to_owned();
	assert_eq!(cid, content_add(&client, &body).await.expect("content_add"));
	assert!(daemon.is_pinned(&cid).await);
	assert_eq!(content_get(&client, &cid).await.expect("content_get"), body);
	let (first, rest) = body.split_at(100_000);
	let answer = upload(&addr, streamed(&[first, rest]), None).await;
	assert_eq!((answer.status, answer.json["cid"].as_str()), (200, Some(cid.as_str())));

	// Web pages: served, with CORS, from the origins --rpc-cors lists ...
	let page = "http://localhost:3000";
	let preflight = call_endpoint(&addr, Method::OPTIONS, whole(b""), Some(page)).await;
	assert_eq!(preflight.status, 204);
	assert_eq!(preflight.headers["access-control-allow-origin"], page);
	assert_eq!(preflight.headers["access-control-allow-methods"], "POST");
	let answer = upload(&addr, whole(b"from an allowed page"), Some(page)).await;
	assert_eq!(answer.status, 200, "{}", answer.json);
	assert_eq!(answer.headers["access-control-allow-origin"], page);

	// ... and refused from any other, with nothing added.
	let pins = daemon.recursive_pins().await;
	for method in [Method::OPTIONS, Method::POST] {
		let answer =
			call_endpoint(&addr, method, whole(b"from another page"), Some("https://evil.example"))
				.await;
		assert_eq!((answer.status, answer.error_code()), (403, 7008), "{}", answer.json);
		assert!(!answer.headers.contains_key("access-control-allow-origin"));
	}
	assert_eq!(daemon.recursive_pins().await, pins);
	node.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn uploads_over_the_limit_are_refused_whole_or_streamed_and_add_nothing() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let addr = format!("127.0.0.1:{}", free_port());
	let mut node =
		node_with(dir.path(), &daemon, &["--ipfs-upload-addr", &addr, "--ipfs-max-body", "1000"]);
	let _client = node.client().await;
	wait_for("the upload endpoint", || async {
		tokio::net::TcpStream::connect(&addr).await.ok().map(drop)
	})
	.await;
	let pins = daemon.recursive_pins().await;

	// Announced too large: refused before a byte goes to the daemon.
	let answer = upload(&addr, whole(&[7u8; 1001]), None).await;
	assert_eq!((answer.status, answer.error_code()), (413, 7003), "{}", answer.json);
	assert!(answer.json["message"].as_str().unwrap().contains("at most 1000 bytes"));
	// Streamed without a length: cut off the moment it passes the limit.
	let answer = upload(&addr, streamed(&[&[7u8; 600], &[8u8; 401]]), None).await;
	assert_eq!((answer.status, answer.error_code()), (413, 7003), "{}", answer.json);
	assert_eq!(daemon.recursive_pins().await, pins, "nothing was added");

	// Exactly at the limit: added.
	let answer = upload(&addr, streamed(&[&[7u8; 600], &[8u8; 400]]), None).await;
	assert_eq!(answer.status, 200, "{}", answer.json);
	assert!(daemon.is_pinned(answer.json["cid"].as_str().unwrap()).await);
	// Only /content, only POST.
	let answer = call_endpoint(&addr, Method::GET, whole(b""), None).await;
	assert_eq!((answer.status, answer.error_code()), (405, 7008));
	node.stop();
}

/// The value of the Prometheus counter `name` the node at `port` serves (0 when absent).
async fn metric(port: u16, name: &str) -> u64 {
	let body = http_get(&format!("http://127.0.0.1:{port}/metrics")).await;
	// `name{chain="dev"} 1`: the value is the last field.
	body.lines()
		.filter(|line| line.starts_with(name))
		.find_map(|line| line.split_whitespace().last()?.parse::<f64>().ok())
		.map_or(0, |value| value as u64)
}

async fn http_get(url: &str) -> String {
	use http_body_util::BodyExt;
	let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
		.build_http::<http_body_util::Empty<hyper::body::Bytes>>();
	let response = client.get(url.parse().expect("a URL")).await.expect("the node answers");
	let body = response.into_body().collect().await.expect("a body").to_bytes();
	String::from_utf8_lossy(&body).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn content_larger_than_its_author_declared_is_refused_with_the_reason_and_the_post_stays() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let prometheus = common::free_port().to_string();
	let mut node =
		node_with(dir.path(), &daemon, &["--ipfs-pin", "--prometheus-port", &prometheus]);
	let client = node.client().await;
	let port: u16 = prometheus.parse().unwrap();

	// 20 KiB of content, declared as 100 bytes: refused, with its reason, counted.
	let big = daemon.add_unpinned(&[7u8; 20 * 1024]).await;
	let liar = post_declaring(&client, Alice, &big, 100).await;
	let canonical = agora_primitives::Cid::try_from(big.as_str()).unwrap().to_text();
	wait_for("the refusal", || async {
		let status: Value =
			client.request("content_status", rpc_params![&big]).await.expect("content_status");
		(status["refused"] == "largerThanDeclared").then_some(())
	})
	.await;
	assert!(!daemon.is_pinned(&big).await, "not pinned");
	let log = std::fs::read_to_string(node.base_path.join("node.log")).unwrap_or_default();
	assert!(
		log.contains(&format!(
			"{canonical} not pinned: larger than the 100 bytes its author declared"
		)),
		"the node says why"
	);
	assert_eq!(metric(port, "agora_ipfs_pins_refused_larger_than_declared_total").await, 1);
	let post: Value = client.request("social_post", rpc_params![liar]).await.expect("social_post");
	assert_eq!(post["author"], Alice.to_account_id().to_string(), "the post stays on chain");

	// The same content declared as what it is: pinned.
	let honest = daemon.add_unpinned(&[8u8; 20 * 1024]).await;
	post_declaring(&client, Bob, &honest, 20 * 1024).await;
	wait_pinned(&daemon, &honest, true).await;
	assert_eq!(metric(port, "agora_ipfs_pins_refused_larger_than_declared_total").await, 1);
	node.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn uploads_nothing_on_chain_uses_are_unpinned_after_their_time() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let mut node = node_with(dir.path(), &daemon, &["--ipfs-pin", "--ipfs-upload-ttl", "3"]);
	let client = node.client().await;

	let unused = content_add(&client, b"an upload nobody posts").await.expect("content_add");
	let used = content_add(&client, b"an upload a post names").await.expect("content_add");
	assert!(content_pinned(&client, &unused).await && content_pinned(&client, &used).await);
	let post_id = post(&client, Alice, &used).await;

	// After its time, the unused upload is unpinned; the one the chain uses stays.
	wait_pinned(&daemon, &unused, false).await;
	tokio::time::sleep(std::time::Duration::from_secs(4)).await;
	assert!(daemon.is_pinned(&used).await, "the chain holds it");
	// Once the post goes too, nothing holds it.
	delete(&client, Alice, post_id).await;
	wait_pinned(&daemon, &used, false).await;
	node.stop();
}
