//! The parachain node: a full node of the Agora parachain that follows a relay chain, and with
//! `--collator` the collator that builds its blocks. The client it runs on is
//! [`crate::client`]; the RPC methods it serves are [`crate::rpc`].

use std::{sync::Arc, time::Duration};

use agora_content::IpfsParams;
use agora_runtime::{opaque::Block, Hash};
use codec::Encode;
use cumulus_client_bootnodes::{start_bootnode_tasks, StartBootnodeTasksParams};
use cumulus_client_cli::CollatorOptions;
use cumulus_client_collator::service::CollatorService;
use cumulus_client_consensus_aura::collators::lookahead::{self as aura, Params as AuraParams};
use cumulus_client_service::{
	build_network, build_relay_chain_interface, prepare_node_config, start_relay_chain_tasks,
	BuildNetworkParams, DARecoveryProfile, StartRelayChainTasksParams,
};
use cumulus_primitives_core::{relay_chain::ValidationCode, ParaId};
use cumulus_relay_chain_interface::{OverseerHandle, RelayChainInterface};
use polkadot_primitives::CollatorPair;
use prometheus_endpoint::Registry;
use sc_consensus::ImportQueue;
use sc_network::{NetworkBackend, NetworkBlock, NetworkStateInfo, PeerId};
use sc_service::{Configuration, PartialComponents, TaskManager};
use sc_telemetry::{Telemetry, TelemetryHandle, TelemetryWorkerHandle};
use sp_keystore::KeystorePtr;

use crate::{
	client::{
		new_client_parts, spawn_offchain_workers, start_content, ClientParts, ParachainBackend,
		ParachainBlockImport, ParachainClient, TransactionPool,
	},
	rpc,
};

/// The client parts plus the Aura import queue: enough for the chain-operation subcommands
/// (`check-block`, `export-blocks`, `revert`, ...) and the collator.
pub type Service = PartialComponents<
	ParachainClient,
	ParachainBackend,
	(),
	sc_consensus::DefaultImportQueue<Block>,
	TransactionPool,
	(ParachainBlockImport, Option<Telemetry>, Option<TelemetryWorkerHandle>),
>;

/// Builds the client parts with the import queue of a parachain node: blocks are verified
/// against the Aura authorities, with equivocation checks.
pub fn new_partial(config: &Configuration) -> Result<Service, sc_service::Error> {
	let ClientParts {
		client,
		backend,
		keystore_container,
		task_manager,
		transaction_pool,
		telemetry,
		telemetry_worker_handle,
	} = new_client_parts(config)?;

	let block_import = ParachainBlockImport::new(client.clone(), backend.clone());

	let import_queue =
		cumulus_client_consensus_aura::equivocation_import_queue::fully_verifying_import_queue::<
			sp_consensus_aura::sr25519::AuthorityPair,
			_,
			_,
			_,
			_,
		>(
			client.clone(),
			block_import.clone(),
			move |_, _| async move { Ok(sp_timestamp::InherentDataProvider::from_system_time()) },
			&task_manager.spawn_essential_handle(),
			config.prometheus_registry(),
			telemetry.as_ref().map(|telemetry| telemetry.handle()),
		);

	Ok(PartialComponents {
		backend,
		client,
		import_queue,
		keystore_container,
		task_manager,
		transaction_pool,
		select_chain: (),
		other: (block_import, telemetry, telemetry_worker_handle),
	})
}

/// Starts a parachain node (a collator with `--collator`) next to an embedded relay chain node
/// or against relay chain RPC endpoints (`--relay-chain-rpc-url`).
pub async fn start_parachain_node<Net: NetworkBackend<Block, Hash>>(
	parachain_config: Configuration,
	polkadot_config: Configuration,
	collator_options: CollatorOptions,
	para_id: ParaId,
	hwbench: Option<sc_sysinfo::HwBench>,
	ipfs: &IpfsParams,
) -> sc_service::error::Result<TaskManager> {
	let parachain_config = prepare_node_config(parachain_config);

	let params = new_partial(&parachain_config)?;
	let (block_import, mut telemetry, telemetry_worker_handle) = params.other;
	let client = params.client.clone();
	let backend = params.backend.clone();
	let mut task_manager = params.task_manager;

	let parachain_public_addresses = parachain_config.network.public_addresses.clone();
	let parachain_fork_id = parachain_config.chain_spec.fork_id().map(ToString::to_string);
	let advertise_non_global_ips = parachain_config.network.allow_non_globals_in_dht;
	let relay_chain_fork_id = polkadot_config.chain_spec.fork_id().map(ToString::to_string);

	let (relay_chain_interface, collator_key, relay_chain_network, paranode_rx) =
		build_relay_chain_interface(
			polkadot_config,
			&parachain_config,
			telemetry_worker_handle,
			&mut task_manager,
			collator_options.clone(),
			hwbench.clone(),
		)
		.await
		.map_err(|e| sc_service::Error::Application(Box::new(e)))?;

	let validator = parachain_config.role.is_authority();
	let prometheus_registry = parachain_config.prometheus_registry().cloned();
	let transaction_pool = params.transaction_pool.clone();
	let import_queue_service = params.import_queue.service();
	let net_config = sc_network::config::FullNetworkConfiguration::<_, _, Net>::new(
		&parachain_config.network,
		prometheus_registry.clone(),
	);
	let metrics = Net::register_notification_metrics(
		parachain_config.prometheus_config.as_ref().map(|config| &config.registry),
	);

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		build_network(BuildNetworkParams {
			parachain_config: &parachain_config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			para_id,
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			relay_chain_interface: relay_chain_interface.clone(),
			import_queue: params.import_queue,
			metrics,
			gap_sync_body_policy: None,
		})
		.await?;

	spawn_offchain_workers(
		&parachain_config,
		&task_manager,
		&client,
		&backend,
		params.keystore_container.keystore(),
		&transaction_pool,
		&network,
	)?;

	let content = start_content(ipfs, &parachain_config, &task_manager, &client)?;

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		rpc_builder: rpc::builder(client.clone(), transaction_pool.clone(), content),
		client: client.clone(),
		transaction_pool: transaction_pool.clone(),
		task_manager: &mut task_manager,
		config: parachain_config,
		keystore: params.keystore_container.keystore(),
		backend: backend.clone(),
		network: network.clone(),
		sync_service: sync_service.clone(),
		system_rpc_tx,
		tx_handler_controller,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if let Some(hwbench) = hwbench {
		sc_sysinfo::print_hwbench(&hwbench);
		if let Some(ref mut telemetry) = telemetry {
			let telemetry_handle = telemetry.handle();
			task_manager.spawn_handle().spawn(
				"telemetry_hwbench",
				None,
				sc_sysinfo::initialize_hwbench_telemetry(telemetry_handle, hwbench),
			);
		}
	}

	let announce_block = {
		let sync_service = sync_service.clone();
		Arc::new(move |hash, data| sync_service.announce_block(hash, data))
	};

	let relay_chain_slot_duration = Duration::from_secs(6);
	let overseer_handle = relay_chain_interface
		.overseer_handle()
		.map_err(|e| sc_service::Error::Application(Box::new(e)))?;

	start_relay_chain_tasks(StartRelayChainTasksParams {
		client: client.clone(),
		announce_block: announce_block.clone(),
		para_id,
		relay_chain_interface: relay_chain_interface.clone(),
		task_manager: &mut task_manager,
		da_recovery_profile: if validator {
			DARecoveryProfile::Collator
		} else {
			DARecoveryProfile::FullNode
		},
		import_queue: import_queue_service,
		relay_chain_slot_duration,
		recovery_handle: Box::new(overseer_handle.clone()),
		sync_service: sync_service.clone(),
		prometheus_registry: prometheus_registry.as_ref(),
	})?;

	start_bootnode_tasks(StartBootnodeTasksParams {
		embedded_dht_bootnode: collator_options.embedded_dht_bootnode,
		dht_bootnode_discovery: collator_options.dht_bootnode_discovery,
		para_id,
		task_manager: &mut task_manager,
		relay_chain_interface: relay_chain_interface.clone(),
		relay_chain_fork_id,
		relay_chain_network: relay_chain_network.clone(),
		request_receiver: paranode_rx,
		parachain_network: network.clone(),
		advertise_non_global_ips,
		parachain_genesis_hash: client.chain_info().genesis_hash.encode(),
		parachain_fork_id,
		parachain_public_addresses,
	});

	if validator {
		let collator_key = collator_key
			.ok_or_else(|| sc_service::Error::Other("a collator needs a collator key".into()))?;
		start_consensus(
			client.clone(),
			backend.clone(),
			block_import,
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|t| t.handle()),
			&task_manager,
			relay_chain_interface,
			transaction_pool,
			params.keystore_container.keystore(),
			relay_chain_slot_duration,
			para_id,
			collator_key,
			relay_chain_network.local_peer_id(),
			overseer_handle,
			announce_block,
		)?;
	}

	Ok(task_manager)
}

/// Starts the Aura "lookahead" collator, which builds on unincluded blocks (async backing).
#[allow(clippy::too_many_arguments)]
fn start_consensus(
	client: Arc<ParachainClient>,
	backend: Arc<ParachainBackend>,
	block_import: ParachainBlockImport,
	prometheus_registry: Option<&Registry>,
	telemetry: Option<TelemetryHandle>,
	task_manager: &TaskManager,
	relay_chain_interface: Arc<dyn RelayChainInterface>,
	transaction_pool: Arc<TransactionPool>,
	keystore: KeystorePtr,
	relay_chain_slot_duration: Duration,
	para_id: ParaId,
	collator_key: CollatorPair,
	collator_peer_id: PeerId,
	overseer_handle: OverseerHandle,
	announce_block: Arc<dyn Fn(Hash, Option<Vec<u8>>) + Send + Sync>,
) -> Result<(), sc_service::Error> {
	let proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool,
		prometheus_registry,
		telemetry,
	);
	let collator_service = CollatorService::new(client.clone(), announce_block, client.clone());

	let params = AuraParams {
		create_inherent_data_providers: move |_, ()| async move { Ok(()) },
		block_import,
		para_client: client.clone(),
		para_backend: backend,
		relay_client: relay_chain_interface,
		code_hash_provider: {
			let client = client.clone();
			move |block_hash| {
				client.code_at(block_hash).ok().map(|c| ValidationCode::from(c).hash())
			}
		},
		keystore,
		collator_key,
		collator_peer_id,
		para_id,
		overseer_handle,
		relay_chain_slot_duration,
		proposer,
		collator_service,
		authoring_duration: Duration::from_millis(2000),
		reinitialize: false,
		max_pov_percentage: None,
	};

	let collation_future =
		aura::run::<Block, sp_consensus_aura::sr25519::AuthorityPair, _, _, _, _, _, _, _, _>(
			params,
		);
	task_manager.spawn_essential_handle().spawn("aura", None, collation_future);
	Ok(())
}
