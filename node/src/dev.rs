//! The local dev chain: one node, no relay chain, no peers.
//!
//! The node seals blocks itself, either on a timer (`--dev-block-time`, 3 s with `--dev`) or
//! one per transaction (`--instant-seal`), and finalizes each block it seals. The runtime is
//! the real parachain runtime, so it still expects what a relay chain would give it: each block
//! carries mocked relay chain validation data and a timestamp whose Aura slot matches the
//! mocked relay chain slot, as a collator's block would.

use std::{sync::Arc, time::Duration};

use agora_content::IpfsParams;
use agora_runtime::{opaque::Block, Hash};
use codec::Encode;
use cumulus_client_parachain_inherent::MockValidationDataInherentDataProvider;
use cumulus_primitives_core::{CollectCollationInfo, ParaId, RelayParentOffsetApi};
use futures::StreamExt;
use polkadot_primitives::UpgradeGoAhead;
use sc_consensus::LongestChain;
use sc_consensus_manual_seal::{
	consensus::aura::AuraConsensusDataProvider, EngineCommand, ManualSealParams,
};
use sc_service::{Configuration, TaskManager};
use sc_transaction_pool_api::TransactionPool as _;
use sp_api::ProvideRuntimeApi;
use sp_consensus_aura::SlotDuration;
use sp_runtime::traits::Header as _;

use crate::{
	cli::DevSealMode,
	client::{
		new_client_parts, spawn_offchain_workers, start_content, ClientParts, ParachainClient,
		TransactionPool,
	},
	rpc,
};

/// The relay chain's slot duration the mocked relay data pretends to have.
const RELAY_CHAIN_SLOT_DURATION_MILLIS: u64 = 6000;

/// Mocked relay time starts this far in the past, so that block timestamps (which advance by a
/// relay slot per block) do not run ahead of the wall clock at once.
const MOCKED_RELAY_TIME_LAG: Duration = Duration::from_secs(2 * 60 * 60);

/// Starts the dev chain with the given sealing mode.
pub fn start_dev_node(
	mut config: Configuration,
	mode: DevSealMode,
	para_id: ParaId,
	ipfs: &IpfsParams,
) -> Result<TaskManager, sc_service::Error> {
	let ClientParts {
		client,
		backend,
		keystore_container,
		mut task_manager,
		transaction_pool,
		mut telemetry,
		telemetry_worker_handle: _,
	} = new_client_parts(&config)?;

	let import_queue = sc_consensus_manual_seal::import_queue(
		Box::new(client.clone()),
		&task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	);

	// A dev chain talks to nobody.
	config.network.default_peers_set.in_peers = 0;
	config.network.default_peers_set.out_peers = 0;
	let net_config = sc_network::config::FullNetworkConfiguration::<
		_,
		_,
		sc_network::Litep2pNetworkBackend,
	>::new(&config.network, None);

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			net_config,
			block_announce_validator_builder: None,
			warp_sync_config: None,
			block_relay: None,
			metrics: sc_network::NotificationMetrics::new(None),
			gap_sync_body_policy: None,
		})?;

	spawn_offchain_workers(
		&config,
		&task_manager,
		&client,
		&backend,
		keystore_container.keystore(),
		&transaction_pool,
		&network,
	)?;

	let content = start_content(ipfs, &config, &task_manager, &client)?;

	let proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		config.prometheus_registry(),
		telemetry.as_ref().map(|t| t.handle()),
	);

	let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
	// Writes the Aura pre-digest matching each block's timestamp, as a collator would.
	let aura_digest_provider =
		AuraConsensusDataProvider::<Block>::new_with_slot_duration(slot_duration);
	let create_inherent_data_providers =
		mocked_relay_inherents(client.clone(), para_id, slot_duration);

	let seal_commands = match mode {
		DevSealMode::Instant => instant_seal_commands(&transaction_pool),
		DevSealMode::Interval(millis) => interval_seal_commands(&task_manager, millis),
	};
	let sealing = sc_consensus_manual_seal::run_manual_seal(ManualSealParams {
		block_import: client.clone(),
		env: proposer,
		client: client.clone(),
		pool: transaction_pool.clone(),
		select_chain: LongestChain::new(backend.clone()),
		commands_stream: seal_commands,
		consensus_data_provider: Some(Box::new(aura_digest_provider)),
		create_inherent_data_providers,
	});
	task_manager.spawn_essential_handle().spawn_blocking("dev-seal", None, sealing);

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		rpc_builder: rpc::builder(client.clone(), transaction_pool.clone(), content),
		network,
		client,
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service,
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	Ok(task_manager)
}

type SealCommands = std::pin::Pin<Box<dyn futures::Stream<Item = EngineCommand<Hash>> + Send>>;

/// One sealed and finalized block per transaction the pool accepts.
///
/// `create_empty` is set because manual seal decides a block is empty by comparing its
/// extrinsic count with the number of inherent *data* entries, and the mocked relay data
/// brings two entries for one inherent: a block with one transaction would count as empty.
fn instant_seal_commands(pool: &Arc<TransactionPool>) -> SealCommands {
	Box::pin(pool.import_notification_stream().map(|_| EngineCommand::SealNewBlock {
		create_empty: true,
		finalize: true,
		parent_hash: None,
		sender: None,
	}))
}

/// One sealed and finalized block every `millis` milliseconds, with or without transactions.
fn interval_seal_commands(task_manager: &TaskManager, millis: u64) -> SealCommands {
	let (mut seal_sender, seal_commands) = futures::channel::mpsc::channel(16);
	task_manager.spawn_essential_handle().spawn("dev-block-timer", None, async move {
		let mut timer = tokio::time::interval(Duration::from_millis(millis.max(1)));
		timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
		loop {
			timer.tick().await;
			let command = EngineCommand::SealNewBlock {
				create_empty: true,
				finalize: true,
				parent_hash: None,
				sender: None,
			};
			// A full channel means the sealer is behind: skip this tick.
			if let Err(error) = seal_sender.try_send(command) {
				if error.is_disconnected() {
					break;
				}
			}
		}
	});
	Box::pin(seal_commands)
}

/// Inherent data for the block built on `parent`: a timestamp and mocked relay chain
/// validation data.
///
/// Each parachain block gets its own relay slot, `relay_blocks_per_para_block` after its
/// parent's, and the timestamp is the start of that relay slot, so the runtime's consensus
/// hook sees the relay chain and Aura agree. When the runtime has stored a new validation
/// function (a runtime upgrade through `set_code`), the mocked relay chain gives the go-ahead.
fn mocked_relay_inherents(
	client: Arc<ParachainClient>,
	para_id: ParaId,
	slot_duration: SlotDuration,
) -> impl Fn(Hash, ()) -> futures::future::Ready<Result<DevInherents, BoxError>> + Send + Sync {
	let now = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.unwrap_or_default()
		.saturating_sub(MOCKED_RELAY_TIME_LAG);
	let mock = MockedRelay {
		client,
		para_id,
		initial_relay_slot: now.as_millis() as u64 / RELAY_CHAIN_SLOT_DURATION_MILLIS,
		relay_blocks_per_para_block: (slot_duration.as_millis() / RELAY_CHAIN_SLOT_DURATION_MILLIS)
			.max(1) as u32,
	};
	move |parent: Hash, ()| futures::future::ready(mock.inherents_on(parent))
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The inherent data providers of a dev block.
type DevInherents =
	(sp_timestamp::InherentDataProvider, MockValidationDataInherentDataProvider<()>);

/// A relay chain that exists only in the inherents of dev blocks.
struct MockedRelay {
	client: Arc<ParachainClient>,
	para_id: ParaId,
	initial_relay_slot: u64,
	relay_blocks_per_para_block: u32,
}

impl MockedRelay {
	fn inherents_on(&self, parent: Hash) -> Result<DevInherents, BoxError> {
		let parent_header = self
			.client
			.header(parent)?
			.ok_or_else(|| format!("parent block {parent:?} is not in the database"))?;
		let block_number = (*parent_header.number()).saturating_add(1);
		let runtime_api = self.client.runtime_api();

		let upgrade_pending = runtime_api
			.collect_collation_info(parent, &parent_header)
			.map(|info| info.new_validation_code.is_some())
			.unwrap_or_default();
		let relay_parent_offset = runtime_api.relay_parent_offset(parent).unwrap_or_default();

		let relay_slot = self.initial_relay_slot
			+ u64::from(block_number) * u64::from(self.relay_blocks_per_para_block);
		let relay_offset =
			(relay_slot as u32).saturating_sub(self.relay_blocks_per_para_block * block_number);

		let validation_data = MockValidationDataInherentDataProvider::<()> {
			current_para_block: block_number,
			para_id: self.para_id,
			current_para_block_head: Some(polkadot_primitives::HeadData(parent_header.encode())),
			relay_blocks_per_para_block: self.relay_blocks_per_para_block,
			relay_offset,
			relay_parent_offset,
			para_blocks_per_relay_epoch: 10,
			upgrade_go_ahead: upgrade_pending.then_some(UpgradeGoAhead::GoAhead),
			..Default::default()
		};
		let timestamp = sp_timestamp::InherentDataProvider::new(
			(relay_slot * RELAY_CHAIN_SLOT_DURATION_MILLIS).into(),
		);
		Ok((timestamp, validation_data))
	}
}
