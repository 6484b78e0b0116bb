//! The genesis presets build valid storage, and the runtime's pallets pass their integrity
//! checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_runtime::{
	genesis_config_presets::{get_preset, preset_names, ENDOWMENT, PARACHAIN_ID},
	AllPalletsWithSystem, Aura, Balances, ParachainInfo, Runtime, Session,
};
use common::with_genesis_of;
use frame_support::traits::IntegrityTest;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

#[test]
fn both_presets_are_offered() {
	let names: Vec<String> =
		preset_names().iter().map(|id| String::from_utf8_lossy(id.as_ref()).into()).collect();
	assert_eq!(names, vec![DEV_RUNTIME_PRESET.to_string(), LOCAL_TESTNET_RUNTIME_PRESET.into()]);
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
}

#[test]
fn development_preset_has_alice_as_collator_and_sudo() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert_eq!(u32::from(ParachainInfo::parachain_id()), PARACHAIN_ID);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice.clone()));
		assert_eq!(
			pallet_collator_selection::Invulnerables::<Runtime>::get().to_vec(),
			vec![alice.clone()]
		);
		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert_eq!(Aura::authorities_len(), 1);
		for key in Sr25519Keyring::well_known() {
			assert_eq!(Balances::free_balance(key.to_account_id()), ENDOWMENT);
		}
		assert!(pallet_collator_selection::CandidacyBond::<Runtime>::get() > 0);
	});
}

#[test]
fn local_testnet_preset_has_two_collators() {
	with_genesis_of(LOCAL_TESTNET_RUNTIME_PRESET, || {
		let collators = pallet_collator_selection::Invulnerables::<Runtime>::get();
		assert_eq!(collators.len(), 2);
		assert_eq!(Aura::authorities_len(), 2);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn pallets_pass_their_integrity_tests() {
	sp_io::TestExternalities::default().execute_with(AllPalletsWithSystem::integrity_test);
}
