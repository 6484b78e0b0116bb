//! Parses the command line and runs the chosen subcommand, the dev chain, or the parachain node.

use cumulus_primitives_core::ParaId;
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use log::info;
use sc_cli::{Result, SubstrateCli};
use sc_service::{ChainType, Configuration};
use sp_runtime::traits::HashingFor;

use crate::{
	chain_spec::Extensions,
	cli::{Cli, RelayChainCli, Subcommand},
	dev, service,
};

/// Runs `$body` with the chain-operation components (client, import queue, ...) of `$cmd`.
macro_rules! with_components {
	($cli:ident, $cmd:ident, |$components:ident, $config:ident| $body:expr) => {{
		let runner = $cli.create_runner($cmd)?;
		runner.async_run(|$config| {
			let $components = service::new_partial(&$config)?;
			let task_manager = $components.task_manager;
			Ok(($body, task_manager))
		})
	}};
}

/// The parachain id the chain spec names (used before a client exists).
fn chain_spec_para_id(config: &Configuration) -> Option<ParaId> {
	Extensions::try_get(&*config.chain_spec).map(|extensions| extensions.para_id.into())
}

/// Dev sealing seals and finalizes blocks on its own, with mocked relay chain data: on a real
/// chain's database that would finalize blocks no relay chain ever saw. It runs only on chain
/// specs that say they are for development (`--dev`, `--chain dev`, `--chain local`).
fn ensure_dev_chain(config: &Configuration) -> Result<()> {
	match config.chain_spec.chain_type() {
		ChainType::Development | ChainType::Local => Ok(()),
		other => Err(format!(
			"--dev-block-time and --instant-seal seal blocks without a relay chain and run only \
			 on a development or local chain spec (--dev, --chain dev, --chain local); chain \
			 '{}' has chain type {other:?}",
			config.chain_spec.id()
		)
		.into()),
	}
}

/// The node's entry point.
pub fn run() -> Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => Ok(cmd.run(&cli)?),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => with_components!(cli, cmd, |components, _config| {
			cmd.run(components.client, components.import_queue)
		}),
		Some(Subcommand::ExportBlocks(cmd)) => with_components!(cli, cmd, |components, config| {
			cmd.run(components.client, config.database)
		}),
		Some(Subcommand::ExportState(cmd)) => with_components!(cli, cmd, |components, config| {
			cmd.run(components.client, config.chain_spec)
		}),
		Some(Subcommand::ImportBlocks(cmd)) => with_components!(cli, cmd, |components, _config| {
			cmd.run(components.client, components.import_queue)
		}),
		Some(Subcommand::Revert(cmd)) => with_components!(cli, cmd, |components, _config| {
			cmd.run(components.client, components.backend, None)
		}),
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| {
				let polkadot_cli = RelayChainCli::new(&config, cli.relay_chain_args.iter());
				let polkadot_config = SubstrateCli::create_configuration(
					&polkadot_cli,
					&polkadot_cli,
					config.tokio_handle.clone(),
				)
				.map_err(|err| format!("Relay chain argument error: {err}"))?;
				cmd.run(config, polkadot_config)
			})
		},
		Some(Subcommand::ExportGenesisHead(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| {
				let partials = service::new_partial(&config)?;
				cmd.run(partials.client)
			})
		},
		Some(Subcommand::ExportGenesisWasm(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|_config| {
				let spec = cli.load_spec(&cmd.shared_params.chain.clone().unwrap_or_default())?;
				cmd.run(&*spec)
			})
		},
		Some(Subcommand::Benchmark(cmd)) => run_benchmark(&cli, cmd),
		None => run_node(cli),
	}
}

/// Host functions a benchmarked parachain runtime may call beyond Substrate's own: the proof
/// size host function behind storage-weight reclaim.
type BenchmarkHostFunctions =
	cumulus_primitives_proof_size_hostfunction::storage_proof_size::HostFunctions;

/// Runs a `benchmark` subcommand.
///
/// `benchmark pallet` needs no special node: it runs the benchmarks compiled into the runtime
/// Wasm passed with `--runtime` (a runtime built with `--features runtime-benchmarks`, see
/// `benches/`), as `frame-omni-bencher` does; `benchmark overhead` neither, it builds blocks
/// with the Wasm passed with `--runtime`. `benchmark block` and `benchmark storage` need a
/// node built with `--features runtime-benchmarks`.
fn run_benchmark(cli: &Cli, cmd: &BenchmarkCmd) -> Result<()> {
	let runner = cli.create_runner(cmd)?;
	match cmd {
		BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
			// With `--runtime`, the Wasm and its genesis preset are all it needs.
			let chain_spec = cmd.runtime.is_none().then_some(config.chain_spec);
			cmd.run_with_spec::<HashingFor<agora_runtime::opaque::Block>, BenchmarkHostFunctions>(
				chain_spec,
			)
		}),
		// The per-block and per-extrinsic overhead (`benches/weights.sh overhead`): blocks of
		// `System::remark` built and executed with the Wasm passed with `--runtime`.
		BenchmarkCmd::Overhead(cmd) => runner.sync_run(|config| {
			let chain_spec = cmd.params.runtime.is_none().then_some(config.chain_spec);
			cmd.run_with_default_builder_and_spec::<agora_runtime::opaque::Block, BenchmarkHostFunctions>(
				chain_spec,
			)
		}),
		#[cfg(feature = "runtime-benchmarks")]
		BenchmarkCmd::Block(cmd) => runner.sync_run(|config| {
			let partials = service::new_partial(&config)?;
			cmd.run(partials.client)
		}),
		// The database of a chain this node ran (`--base-path`), read and written key by key:
		// `benches/db-weights.sh` turns it into the runtime's `DbWeight`.
		#[cfg(feature = "runtime-benchmarks")]
		BenchmarkCmd::Storage(cmd) => runner.sync_run(|config| {
			let partials = service::new_partial(&config)?;
			let db = partials.backend.expose_db();
			let storage = partials.backend.expose_storage();
			let shared_trie_cache = partials.backend.expose_shared_trie_cache();
			cmd.run(config, partials.client, db, storage, shared_trie_cache)
		}),
		BenchmarkCmd::Machine(cmd) => {
			runner.sync_run(|config| cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()))
		},
		_ => Err("This benchmark needs a node built with `--features runtime-benchmarks` \
			(see benches/README.md)."
			.into()),
	}
}

/// Runs the dev chain (`--dev`, `--dev-block-time`, `--instant-seal`) or the parachain node.
fn run_node(cli: Cli) -> Result<()> {
	let runner = cli.create_runner(&cli.run.normalize())?;
	let collator_options = cli.run.collator_options();

	runner.run_node_until_exit(|config| async move {
		if let Some(mode) = cli.dev_mode() {
			ensure_dev_chain(&config)?;
			let para_id = chain_spec_para_id(&config)
				.unwrap_or_else(|| agora_runtime::genesis_config_presets::PARACHAIN_ID.into());
			info!("🧪 Dev chain: sealing with {mode:?}, no relay chain");
			return dev::start_dev_node(config, mode, para_id, &cli.ipfs)
				.map_err(sc_cli::Error::from);
		}

		let para_id = chain_spec_para_id(&config).ok_or(
			"The chain spec names no parachain id: use `--chain dev`, `--chain local` or a \
			 spec with `para_id` and `relay_chain` fields",
		)?;
		let polkadot_cli = RelayChainCli::new(&config, cli.relay_chain_args.iter());
		let hwbench = (!cli.no_hardware_benchmarks)
			.then(|| {
				config.database.path().map(|database_path| {
					let _ = std::fs::create_dir_all(database_path);
					sc_sysinfo::gather_hwbench(Some(database_path), &SUBSTRATE_REFERENCE_HARDWARE)
				})
			})
			.flatten();

		let tokio_handle = config.tokio_handle.clone();
		let polkadot_config =
			SubstrateCli::create_configuration(&polkadot_cli, &polkadot_cli, tokio_handle)
				.map_err(|err| format!("Relay chain argument error: {err}"))?;

		info!("🪪 Parachain id: {para_id:?}");
		info!("✍️ Is collating: {}", if config.role.is_authority() { "yes" } else { "no" });

		match config.network.network_backend {
			sc_network::config::NetworkBackendType::Libp2p => {
				service::start_parachain_node::<sc_network::NetworkWorker<_, _>>(
					config,
					polkadot_config,
					collator_options,
					para_id,
					hwbench,
					&cli.ipfs,
				)
				.await
			},
			sc_network::config::NetworkBackendType::Litep2p => {
				service::start_parachain_node::<sc_network::Litep2pNetworkBackend>(
					config,
					polkadot_config,
					collator_options,
					para_id,
					hwbench,
					&cli.ipfs,
				)
				.await
			},
		}
		.map_err(sc_cli::Error::from)
	})
}
