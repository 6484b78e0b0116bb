//! Weights for `pallet_recovery`: polkadot-sdk's reference weights until `benches/weights.sh
//! pallet_recovery` has measured this runtime (the generated file then replaces this one).

pub use pallet_recovery::weights::SubstrateWeight as WeightInfo;
