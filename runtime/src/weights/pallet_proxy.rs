//! Weights for `pallet_proxy`: polkadot-sdk's reference weights until `benches/weights.sh
//! pallet_proxy` has measured this runtime (the generated file then replaces this one).

pub use pallet_proxy::weights::SubstrateWeight as WeightInfo;
