//! Chain specifications built into the node.
//!
//! `--chain dev` (or `--dev`) and `--chain local` are built from the runtime's genesis presets
//! (`development` and `local_testnet`); anything else is read as a chain-spec JSON file.

use agora_runtime::{
	genesis_config_presets::PARACHAIN_ID, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY,
};
use sc_chain_spec::{ChainSpecExtension, ChainSpecGroup, ChainType, Properties};
use serde::{Deserialize, Serialize};

/// An Agora chain spec.
pub type ChainSpec = sc_service::GenericChainSpec<Extensions>;

/// The relay chain local Agora networks run against.
pub const LOCAL_RELAY_CHAIN: &str = "rococo-local";

/// What a parachain chain spec carries beyond the genesis: which relay chain it belongs to and
/// its parachain id (the runtime's `GetParachainInfo` API is preferred when present).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ChainSpecGroup, ChainSpecExtension)]
pub struct Extensions {
	/// The relay chain's chain-spec id.
	#[serde(alias = "relayChain", alias = "RelayChain")]
	pub relay_chain: String,
	/// The parachain id.
	#[serde(alias = "paraId", alias = "ParaId")]
	pub para_id: u32,
}

impl Extensions {
	/// The extensions of `chain_spec`, if it has them.
	pub fn try_get(chain_spec: &dyn sc_service::ChainSpec) -> Option<&Self> {
		sc_chain_spec::get_extension(chain_spec.extensions())
	}
}

/// Token symbol, decimals and SS58 prefix, so Polkadot.js apps shows balances and addresses
/// the Agora way.
pub fn chain_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn runtime_code() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The Agora runtime Wasm is missing: the node was built with SKIP_WASM_BUILD. \
		 Rebuild without it."
			.to_string()
	})
}

/// The single-node development chain (`--dev`).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(
		runtime_code()?,
		Extensions { relay_chain: LOCAL_RELAY_CHAIN.into(), para_id: PARACHAIN_ID },
	)
	.with_name("Agora Development")
	.with_id("agora_dev")
	.with_chain_type(ChainType::Development)
	.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
	.with_properties(chain_properties())
	.build())
}

/// A local testnet with two collators (Alice and Bob) on a local relay chain.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(
		runtime_code()?,
		Extensions { relay_chain: LOCAL_RELAY_CHAIN.into(), para_id: PARACHAIN_ID },
	)
	.with_name("Agora Local Testnet")
	.with_id("agora_local")
	.with_chain_type(ChainType::Local)
	.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
	.with_protocol_id("agora-local")
	.with_properties(chain_properties())
	.build())
}

/// Loads the chain spec named by `--chain`.
pub fn load_spec(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" | "agora-dev" => Box::new(development_chain_spec()?),
		"" | "local" | "agora-local" => Box::new(local_chain_spec()?),
		path => {
			let path = std::path::PathBuf::from(path);
			if !path.is_file() {
				return Err(format!(
					"No chain spec file at `{}`: pass `dev`, `local` or the path of a \
					 chain-spec JSON file.",
					path.display()
				));
			}
			Box::new(ChainSpec::from_json_file(path)?)
		},
	})
}
