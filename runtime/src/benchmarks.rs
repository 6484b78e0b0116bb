//! The pallets the `benchmark pallet` command can measure in this runtime.

use alloc::{string::String, vec::Vec};

use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::StorageInfo;

use crate::*;

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_message_queue, MessageQueue]
	[pallet_xcm, PalletXcmBench::<Runtime>]
	[pallet_proxy, Proxy]
	[pallet_recovery, Recovery]
	[cumulus_pallet_parachain_system, ParachainSystem]
	[cumulus_pallet_xcmp_queue, XcmpQueue]
	[cumulus_pallet_weight_reclaim, WeightReclaim]
	[pallet_profiles, Profiles]
	[pallet_posts, Posts]
	[pallet_follows, Follows]
	[pallet_reactions, Reactions]
	[pallet_messages, Messages]
	[pallet_sponsorship, Sponsorship]
);

use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};
use pallet_xcm::benchmarking::Pallet as PalletXcmBench;

impl frame_system_benchmarking::Config for Runtime {
	fn setup_set_code_requirements(
		code: &Vec<u8>,
	) -> Result<(), frame_benchmarking::BenchmarkError> {
		ParachainSystem::initialize_for_set_code_benchmark(code.len() as u32);
		Ok(())
	}

	fn verify_set_code() {
		System::assert_last_event(
			cumulus_pallet_parachain_system::Event::<Runtime>::ValidationFunctionStored.into(),
		);
	}
}

frame_support::parameter_types! {
	/// An account's minimum balance, as an XCM asset.
	pub ExistentialDepositAsset: Option<xcm::latest::Asset> =
		Some((xcm::latest::Location::here(), EXISTENTIAL_DEPOSIT).into());
}

/// What `pallet_xcm`'s benchmarks need from this runtime.
///
/// Only the relay chain is a reachable destination. Teleports, reserve transfers, and local
/// `execute` are filtered out in this runtime (`configs/xcm.rs`), so those benchmarks report
/// `Weight::MAX`: such a call can never be included.
impl pallet_xcm::benchmarking::Config for Runtime {
	type DeliveryHelper = cumulus_primitives_utility::ToParentDeliveryHelper<
		configs::xcm::XcmConfig,
		ExistentialDepositAsset,
		configs::xcm::PriceForParentDelivery,
	>;

	fn reachable_dest() -> Option<xcm::latest::Location> {
		Some(xcm::latest::Location::parent())
	}

	fn get_asset() -> xcm::latest::Asset {
		(xcm::latest::Location::here(), UNIT).into()
	}
}

/// The benchmarks this runtime offers, and the storage they touch.
pub fn benchmark_metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	use frame_support::traits::StorageInfoTrait;

	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks `config` selects.
pub fn dispatch_benchmark(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	use frame_support::traits::WhitelistedStorageKeys;

	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
