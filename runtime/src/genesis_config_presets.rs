//! Genesis presets: the state a new chain starts from.
//!
//! - `development` (`--dev`): Alice is the only collator and the sudo key; the well-known dev
//!   accounts (Alice, Bob, Charlie, Dave, Eve, Ferdie and their `//stash` accounts) are funded.
//! - `local_testnet`: Alice and Bob collate, Alice is sudo, the same accounts are funded. For a
//!   local relay chain with several collators (zombienet).
//!
//! The dev keys are public knowledge: never use these presets for a chain with real value.

use alloc::{vec, vec::Vec};

use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

use crate::{
	AccountId, AuraId, BalancesConfig, CollatorSelectionConfig, ParachainInfoConfig,
	PolkadotXcmConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig,
	EXISTENTIAL_DEPOSIT, UNIT,
};

/// The parachain id Agora uses on local relay chains.
pub const PARACHAIN_ID: u32 = 2000;

/// What each well-known dev account starts with: one million tokens.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// What a collator candidate must bond.
const CANDIDACY_BOND: u128 = EXISTENTIAL_DEPOSIT * 16;

/// A collator's session keys: just its Aura key.
fn session_keys(aura: AuraId) -> SessionKeys {
	SessionKeys { aura }
}

/// The genesis state shared by both presets.
fn agora_genesis(
	collators: Vec<(AccountId, AuraId)>,
	endowed: Vec<AccountId>,
	sudo: AccountId,
	id: ParaId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|account| (account, ENDOWMENT)).collect(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: id },
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().map(|(account, _)| account.clone()).collect(),
			candidacy_bond: CANDIDACY_BOND,
		},
		session: SessionConfig {
			keys: collators
				.into_iter()
				.map(|(account, aura)| (account.clone(), account, session_keys(aura)))
				.collect(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(xcm::prelude::XCM_VERSION) },
		sudo: SudoConfig { key: Some(sudo) },
	})
}

/// A collator from the dev keyring: its account and its Aura key.
fn keyring_collator(key: Sr25519Keyring) -> (AccountId, AuraId) {
	(key.to_account_id(), key.public().into())
}

fn development_genesis() -> Value {
	agora_genesis(
		vec![keyring_collator(Sr25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		PARACHAIN_ID.into(),
	)
}

fn local_testnet_genesis() -> Value {
	agora_genesis(
		vec![keyring_collator(Sr25519Keyring::Alice), keyring_collator(Sr25519Keyring::Bob)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		PARACHAIN_ID.into(),
	)
}

/// The JSON of the preset `id`, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
