//! Scaffolding shared by the end-to-end tests: start a real `agora-node` on free loopback
//! ports, talk to it over JSON-RPC, sign transactions with the runtime's own types, and stop
//! the node again when the test is done (also when it fails).

#![allow(dead_code)]

pub mod ipfs;

use std::{
	future::Future,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use agora_runtime::{
	AccountId, Balance, Header, Nonce, Runtime, RuntimeCall, SignedPayload, TxExtension,
	UncheckedExtrinsic,
};
use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::{
	storage::{StorageData, StorageKey},
	Bytes, Pair, H256,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, MultiAddress, MultiSignature};

/// How long a test waits for the node to do something before it gives up.
pub const PATIENCE: Duration = Duration::from_secs(180);

/// A loopback TCP port nobody listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|listener| listener.local_addr())
		.map(|address| address.port())
		.expect("the OS hands out a free loopback port")
}

/// The `agora-node` binary cargo built for these tests.
pub fn node_binary() -> &'static str {
	env!("CARGO_BIN_EXE_agora-node")
}

/// A running `agora-node --dev`; killed when dropped.
pub struct DevNode {
	child: Child,
	/// The JSON-RPC port on 127.0.0.1.
	pub rpc_port: u16,
	/// Where the node keeps its chain and where its log goes.
	pub base_path: PathBuf,
}

impl DevNode {
	/// Starts a dev node on `base_path` with free loopback ports, sealing a block every
	/// `block_time_ms`.
	pub fn start(base_path: &Path, block_time_ms: u64) -> DevNode {
		Self::start_with(base_path, &["--dev-block-time", &block_time_ms.to_string()])
	}

	/// Starts a dev node on `base_path` with free loopback ports and extra `args`.
	pub fn start_with(base_path: &Path, args: &[&str]) -> DevNode {
		let rpc_port = free_port();
		let p2p_port = free_port();
		std::fs::create_dir_all(base_path).expect("base path can be created");
		let log = std::fs::OpenOptions::new()
			.create(true)
			.append(true)
			.open(base_path.join("node.log"))
			.expect("log file can be opened");
		let child = Command::new(node_binary())
			.arg("--dev")
			.args(args)
			.arg("--base-path")
			.arg(base_path)
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p_port}")])
			// Prometheus only where a test asks for it (`--prometheus-port` in `args`).
			.args((!args.contains(&"--prometheus-port")).then_some("--no-prometheus"))
			.args(["--no-telemetry", "--no-mdns", "--no-hardware-benchmarks"])
			.stdin(Stdio::null())
			.stdout(Stdio::null())
			.stderr(Stdio::from(log))
			.spawn()
			.expect("agora-node starts");
		DevNode { child, rpc_port, base_path: base_path.to_path_buf() }
	}

	/// The node's WebSocket RPC address.
	pub fn url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// A connected RPC client, once the node serves RPC.
	pub async fn client(&mut self) -> WsClient {
		let url = self.url();
		let deadline = Instant::now() + PATIENCE;
		loop {
			if let Some(status) = self.child.try_wait().expect("child status is readable") {
				panic!("agora-node exited early with {status}; log:\n{}", self.log_tail());
			}
			match WsClientBuilder::default().build(&url).await {
				Ok(client) => return client,
				Err(_) if Instant::now() < deadline => {
					tokio::time::sleep(Duration::from_millis(250)).await
				},
				Err(error) => panic!("no RPC at {url}: {error}; log:\n{}", self.log_tail()),
			}
		}
	}

	/// The last lines the node logged, for failure messages.
	pub fn log_tail(&self) -> String {
		let log = std::fs::read_to_string(self.base_path.join("node.log")).unwrap_or_default();
		let lines: Vec<&str> = log.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	/// Kills the node at once (SIGKILL), as a crash or power loss would.
	pub fn kill(mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}

	/// Stops the node the way an operator would (SIGTERM) and waits for it to exit.
	pub fn stop(mut self) {
		self.terminate();
	}

	fn terminate(&mut self) {
		if self.child.try_wait().ok().flatten().is_some() {
			return;
		}
		let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
		let deadline = Instant::now() + Duration::from_secs(60);
		while Instant::now() < deadline {
			if self.child.try_wait().ok().flatten().is_some() {
				return;
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

impl Drop for DevNode {
	fn drop(&mut self) {
		self.terminate();
	}
}

/// Polls `check` until it yields a value or [`PATIENCE`] runs out.
pub async fn wait_for<T, F, Fut>(what: &str, mut check: F) -> T
where
	F: FnMut() -> Fut,
	Fut: Future<Output = Option<T>>,
{
	let deadline = Instant::now() + PATIENCE;
	loop {
		if let Some(value) = check().await {
			return value;
		}
		assert!(Instant::now() < deadline, "timed out waiting for {what}");
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

// Hex never by hand: the RPC's hex strings are read and written by the `serde` impls of the
// typed values (`Header`, `StorageKey`/`StorageData`, `Bytes`: `0x…` via `impl-serde`).

/// The best block number.
pub async fn best_number(client: &WsClient) -> u32 {
	let header: Header =
		client.request("chain_getHeader", rpc_params![]).await.expect("chain_getHeader");
	header.number
}

/// The finalized block number.
pub async fn finalized_number(client: &WsClient) -> u32 {
	let hash: H256 = client
		.request("chain_getFinalizedHead", rpc_params![])
		.await
		.expect("chain_getFinalizedHead");
	let header: Header =
		client.request("chain_getHeader", rpc_params![hash]).await.expect("chain_getHeader");
	header.number
}

/// Reads and decodes the storage value at `key` at block `at` (the best block if `None`).
async fn read_storage_at<T: Decode>(client: &WsClient, key: &[u8], at: Option<H256>) -> Option<T> {
	let raw: Option<StorageData> = client
		.request("state_getStorage", rpc_params![StorageKey(key.to_vec()), at])
		.await
		.expect("state_getStorage");
	raw.map(|data| T::decode(&mut &data.0[..]).expect("the storage value decodes"))
}

/// Reads and decodes the storage value at `key` (at the best block).
pub async fn read_storage<T: Decode>(client: &WsClient, key: &[u8]) -> Option<T> {
	read_storage_at(client, key, None).await
}

/// The balances of `who` (free, reserved = everything held), read from `System.Account`.
pub async fn account_data(
	client: &WsClient,
	who: &AccountId,
) -> pallet_balances::AccountData<Balance> {
	let key = frame_system::Account::<Runtime>::hashed_key_for(who);
	read_storage::<frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>>(
		client, &key,
	)
	.await
	.map(|account| account.data)
	.unwrap_or_default()
}

/// The free balance of `who`, read from `System.Account` in chain state.
pub async fn free_balance(client: &WsClient, who: &AccountId) -> Balance {
	account_data(client, who).await.free
}

/// Signs `call` as `signer` with the next nonce, exactly as a wallet does: the standard
/// transaction extensions, an immortal era, no tip. Returns the encoded extrinsic.
pub async fn sign(client: &WsClient, signer: Sr25519Keyring, call: RuntimeCall) -> Bytes {
	let genesis: H256 =
		client.request("chain_getBlockHash", rpc_params![0]).await.expect("chain_getBlockHash");
	let nonce: Nonce = client
		.request("system_accountNextIndex", rpc_params![signer.to_account_id().to_string()])
		.await
		.expect("system_accountNextIndex");
	let version: Value =
		client.request("state_getRuntimeVersion", rpc_params![]).await.expect("runtime version");
	let spec_version = version["specVersion"].as_u64().expect("specVersion") as u32;
	let tx_version = version["transactionVersion"].as_u64().expect("transactionVersion") as u32;

	let tx_ext: TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim::new((
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
	));
	// The last one: no metadata hash, as `CheckMetadataHash::new(false)` says.
	let implicit = ((), spec_version, tx_version, genesis, genesis, (), (), (), None);
	let payload = SignedPayload::from_raw(call.clone(), tx_ext.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.pair().sign(bytes));
	let extrinsic = UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(signer.to_account_id()),
		MultiSignature::Sr25519(signature),
		tx_ext,
	);
	Bytes(extrinsic.encode())
}

/// Submits a signed extrinsic; returns its hash.
pub async fn submit(client: &WsClient, extrinsic: Bytes) -> H256 {
	client
		.request("author_submitExtrinsic", rpc_params![extrinsic])
		.await
		.expect("author_submitExtrinsic accepts the transaction")
}

/// What happened to a submitted extrinsic: the block it landed in and the events it caused.
pub struct Outcome {
	/// The block that includes the extrinsic.
	pub block: H256,
	/// The events emitted while applying it, in order.
	pub events: Vec<agora_runtime::RuntimeEvent>,
}

impl Outcome {
	/// The dispatch error, if the extrinsic failed.
	pub fn error(&self) -> Option<sp_runtime::DispatchError> {
		self.events.iter().find_map(|event| match event {
			agora_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error,
				..
			}) => Some(*dispatch_error),
			_ => None,
		})
	}

	/// Panics unless the extrinsic succeeded.
	pub fn expect_success(self) -> Self {
		if let Some(error) = self.error() {
			panic!("the extrinsic failed: {error:?}");
		}
		assert!(
			self.events.iter().any(|event| matches!(
				event,
				agora_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. })
			)),
			"no ExtrinsicSuccess event"
		);
		self
	}
}

/// Signs `call` as `signer`, submits it, and waits until a block includes it; returns that
/// block and the extrinsic. Reads no events, so it works whatever runtime the chain runs.
pub async fn submit_and_include(
	client: &WsClient,
	signer: Sr25519Keyring,
	call: RuntimeCall,
) -> (H256, Bytes) {
	use jsonrpsee::core::client::SubscriptionClientT;

	let extrinsic = sign(client, signer, call).await;
	let mut subscription = client
		.subscribe::<Value, _>(
			"author_submitAndWatchExtrinsic",
			rpc_params![extrinsic.clone()],
			"author_unwatchExtrinsic",
		)
		.await
		.expect("author_submitAndWatchExtrinsic accepts the transaction");
	let block: H256 = loop {
		let status = tokio::time::timeout(PATIENCE, subscription.next())
			.await
			.expect("the transaction lands in time")
			.expect("the subscription stays open")
			.expect("a status update decodes");
		if let Some(hash) = status.get("inBlock").or_else(|| status.get("finalized")) {
			break serde_json::from_value(hash.clone()).expect("a block hash");
		}
		assert!(
			!(status.get("invalid").is_some() || status.get("dropped").is_some()),
			"the transaction was rejected: {status}"
		);
	};
	let _ = subscription.unsubscribe().await;
	(block, extrinsic)
}

/// The raw `System.Events` of `block` (`System.Events` is private to frame-system; its key is
/// the plain storage prefix).
pub async fn raw_events(client: &WsClient, block: H256) -> Vec<u8> {
	let key = frame_support::storage::storage_prefix(b"System", b"Events");
	let raw: Option<StorageData> = client
		.request("state_getStorage", rpc_params![StorageKey(key.to_vec()), Some(block)])
		.await
		.expect("state_getStorage");
	raw.expect("System.Events is set").0
}

/// Signs `call` as `signer`, submits it, waits until a block includes it, and returns that
/// block and the events the extrinsic caused, decoded with this binary's runtime types.
pub async fn submit_and_watch(
	client: &WsClient,
	signer: Sr25519Keyring,
	call: RuntimeCall,
) -> Outcome {
	let (block, extrinsic) = submit_and_include(client, signer, call).await;
	let signed_block: Value =
		client.request("chain_getBlock", rpc_params![block]).await.expect("chain_getBlock");
	let extrinsics: Vec<Bytes> =
		serde_json::from_value(signed_block["block"]["extrinsics"].clone())
			.expect("a block has extrinsics");
	let index = extrinsics
		.iter()
		.position(|xt| *xt == extrinsic)
		.expect("the block includes the extrinsic") as u32;

	let records = Vec::<frame_system::EventRecord<agora_runtime::RuntimeEvent, H256>>::decode(
		&mut &raw_events(client, block).await[..],
	)
	.expect("the events decode");
	let events = records
		.into_iter()
		.filter(|record| record.phase == frame_system::Phase::ApplyExtrinsic(index))
		.map(|record| record.event)
		.collect();
	Outcome { block, events }
}

/// The `specVersion` of the runtime at the best block.
pub async fn spec_version(client: &WsClient) -> u64 {
	let version: Value =
		client.request("state_getRuntimeVersion", rpc_params![]).await.expect("runtime version");
	version["specVersion"].as_u64().expect("specVersion")
}
