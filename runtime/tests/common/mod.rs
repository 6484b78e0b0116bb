//! What the runtime's integration tests share: genesis state built the way the node builds it,
//! and signed extrinsics shaped as a wallet sends them.
// Each test file uses its own part of this module.
#![allow(dead_code)]

pub mod victim;

use agora_runtime::{
	genesis_config_presets::get_preset, RuntimeCall, RuntimeGenesisConfig, TxExtension,
	UncheckedExtrinsic,
};
use frame_support::genesis_builder_helper::build_state;
use sp_genesis_builder::PresetId;
use sp_runtime::{generic::Era, AccountId32, MultiAddress, MultiSignature};

/// `call` signed as a wallet sends it: a mortal era, a nonce, no tip. The signature is a
/// placeholder of the right size: these tests weigh and price transactions, they do not apply
/// them.
pub fn signed_extrinsic(call: RuntimeCall) -> UncheckedExtrinsic {
	let tx_ext: TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim::new((
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::mortal(256, 1_000)),
		frame_system::CheckNonce::from(1_000),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
	));
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(AccountId32::new([7; 32])),
		MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw([0; 64])),
		tx_ext,
	)
}

/// Merges the JSON `patch` into `base`, as the node does with a preset over the default
/// genesis config.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Runs `checks` on the genesis state of `preset`, built the way the node builds it: the
/// preset patched over the default genesis config.
pub fn with_genesis_of<R>(preset: &str, checks: impl FnOnce() -> R) -> R {
	let patch = get_preset(&PresetId::from(preset)).expect("the preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, serde_json::from_slice(&patch).expect("the preset is JSON"));
	let json = serde_json::to_vec(&config).expect("serializes");
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(json).expect("the preset builds genesis storage");
		checks()
	})
}

/// Every key and value under a pallet's storage prefix.
pub fn pallet_storage(pallet: &str) -> Vec<(Vec<u8>, Vec<u8>)> {
	let prefix = sp_io::hashing::twox_128(pallet.as_bytes()).to_vec();
	let mut entries = Vec::new();
	let mut key = prefix.clone();
	while let Some(next) = sp_io::storage::next_key(&key).filter(|k| k.starts_with(&prefix)) {
		entries.push((
			next.clone(),
			sp_io::storage::get(&next).expect("a key next_key returned has a value").to_vec(),
		));
		key = next;
	}
	entries
}
