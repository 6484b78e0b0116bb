//! The client and what runs on it: the chain database, the Wasm executor running the Agora
//! runtime, the transaction pool, the offchain workers and the IPFS content service
//! (`agora-content`).
//!
//! Both kinds of node start from these parts: the parachain node and collator
//! ([`crate::service`]) and the relay-less dev chain ([`crate::dev`]); the RPC assembly
//! ([`crate::rpc`]) serves them. This module sits below all three and imports none of them.

use std::sync::Arc;

use agora_content::{rpc::Content, IpfsParams, NodeContext};
use agora_runtime::{apis::RuntimeApi, opaque::Block};
use cumulus_client_consensus_common::ParachainBlockImport as TParachainBlockImport;
use sc_client_api::Backend as _;
use sc_executor::{HeapAllocStrategy, WasmExecutor, DEFAULT_HEAP_ALLOC_STRATEGY};
use sc_service::{Configuration, TFullBackend, TFullClient, TaskManager};
use sc_telemetry::{Telemetry, TelemetryWorker, TelemetryWorkerHandle};
use sc_transaction_pool::TransactionPoolHandle;
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_keystore::KeystorePtr;

/// Host functions the runtime may call.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type HostFunctions = cumulus_client_service::ParachainHostFunctions;
/// Host functions the runtime may call, with the benchmarking ones.
#[cfg(feature = "runtime-benchmarks")]
pub type HostFunctions = (
	cumulus_client_service::ParachainHostFunctions,
	frame_benchmarking::benchmarking::HostFunctions,
);

/// The client: the chain database plus the Wasm executor running the Agora runtime.
pub type ParachainClient = TFullClient<Block, RuntimeApi, WasmExecutor<HostFunctions>>;

/// The database backend.
pub type ParachainBackend = TFullBackend<Block>;

/// Block import that knows about the parachain's relay-chain-driven finality.
pub type ParachainBlockImport =
	TParachainBlockImport<Block, Arc<ParachainClient>, ParachainBackend>;

/// The transaction pool.
pub type TransactionPool = TransactionPoolHandle<Block, ParachainClient>;

/// What both the collator and the dev chain start from.
pub struct ClientParts {
	/// The client.
	pub client: Arc<ParachainClient>,
	/// The database backend under the client.
	pub backend: Arc<ParachainBackend>,
	/// The node's keystore.
	pub keystore_container: sc_service::KeystoreContainer,
	/// The tasks of the node; the client's own are already spawned on it.
	pub task_manager: TaskManager,
	/// The transaction pool.
	pub transaction_pool: Arc<TransactionPool>,
	/// Telemetry, when the node reports to telemetry endpoints.
	pub telemetry: Option<Telemetry>,
	/// A handle on the telemetry worker, for the embedded relay chain node.
	pub telemetry_worker_handle: Option<TelemetryWorkerHandle>,
}

/// Opens the database, builds the Wasm executor, the client and the transaction pool.
pub fn new_client_parts(config: &Configuration) -> Result<ClientParts, sc_service::Error> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|endpoints| !endpoints.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let heap_pages = config
		.executor
		.default_heap_pages
		.map_or(DEFAULT_HEAP_ALLOC_STRATEGY, |h| HeapAllocStrategy::Static { extra_pages: h as _ });

	let executor = WasmExecutor::<HostFunctions>::builder()
		.with_execution_method(config.executor.wasm_method)
		.with_max_runtime_instances(config.executor.max_runtime_instances)
		.with_runtime_cache_size(config.executor.runtime_cache_size)
		.with_onchain_heap_alloc_strategy(heap_pages)
		.with_offchain_heap_alloc_strategy(heap_pages)
		.build();

	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts_record_import::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			true,
			Default::default(),
		)?;
	let client = Arc::new(client);

	let telemetry_worker_handle = telemetry.as_ref().map(|(worker, _)| worker.handle());
	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	Ok(ClientParts {
		client,
		backend,
		keystore_container,
		task_manager,
		transaction_pool,
		telemetry,
		telemetry_worker_handle,
	})
}

/// Runs the runtime's offchain workers after each imported block, if the node is configured
/// to (`--offchain-worker`).
pub fn spawn_offchain_workers(
	config: &Configuration,
	task_manager: &TaskManager,
	client: &Arc<ParachainClient>,
	backend: &Arc<ParachainBackend>,
	keystore: KeystorePtr,
	transaction_pool: &Arc<TransactionPool>,
	network: &Arc<dyn sc_network::service::traits::NetworkService>,
) -> Result<(), sc_service::Error> {
	if !config.offchain_worker.enabled {
		return Ok(());
	}
	let offchain_workers = sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
		runtime_api_provider: client.clone(),
		keystore: Some(keystore),
		offchain_db: backend.offchain_storage(),
		transaction_pool: Some(OffchainTransactionPoolFactory::new(transaction_pool.clone())),
		network_provider: Arc::new(network.clone()),
		is_validator: config.role.is_authority(),
		enable_http_requests: false,
		custom_extensions: move |_| vec![],
	})?;
	task_manager.spawn_handle().spawn(
		"offchain-workers-runner",
		"offchain-work",
		futures::FutureExt::boxed(
			offchain_workers.run(client.clone(), task_manager.spawn_handle()),
		),
	);
	Ok(())
}

/// Starts the IPFS content service on the client: connects to the daemon, starts the pinning
/// follower (`--ipfs-pin`) and the upload endpoint (`--ipfs-upload-addr`) if asked to; returns
/// the `content_*` RPC methods for [`crate::rpc`].
pub fn start_content(
	ipfs: &IpfsParams,
	config: &Configuration,
	task_manager: &TaskManager,
	client: &Arc<ParachainClient>,
) -> Result<Content, sc_service::Error> {
	let spawner = task_manager.spawn_handle();
	let node = NodeContext {
		spawner: &spawner,
		chain_dir: config.base_path.config_dir(config.chain_spec.id()),
		rpc_cors: config.rpc.cors.as_deref(),
		prometheus: config.prometheus_registry(),
	};
	agora_content::start::<Block, agora_runtime::AccountId, _, _>(ipfs, node, client)
		.map_err(sc_service::Error::Other)
}
