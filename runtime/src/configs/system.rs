//! The chain's core: block limits, accounts, time and the parachain plumbing.

use cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
use cumulus_primitives_core::AggregateMessageOrigin;
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstU32, ConstU64},
	weights::Weight,
};
use frame_system::limits::{BlockLength, BlockWeights};
use polkadot_runtime_common::BlockHashCount;
use sp_version::RuntimeVersion;

// `derive_impl` expects the aggregated runtime types in scope.
use crate::{
	weights::{block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight},
	AccountId, Aura, Balance, Block, ConsensusHook, Hash, MessageQueue, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, RuntimeTask, XcmpQueue, AVERAGE_ON_INITIALIZE_RATIO,
	MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO, RELAY_PARENT_OFFSET, SS58_PREFIX, VERSION,
};

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;

	/// At most 5 MiB per block, 75% of it for normal transactions.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();

	/// Normal transactions may use [`NORMAL_DISPATCH_RATIO`] of the block; operational ones
	/// the rest, so that governance and fixes still fit into a full block. A block's and a
	/// transaction's fixed overhead are measured on this chain (`benches/overhead.sh`).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved = Some(
				MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT
			);
		})
		.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
		.build_or_panic();

	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::ParaChainDefaultConfig)]
impl frame_system::Config for Runtime {
	/// No origin, Root included, may remove, alter or act for anyone's content.
	type BaseCallFilter = super::call_filter::NoPrivilegedPathToContent;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type Block = Block;
	type BlockHashCount = BlockHashCount;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	/// Measured on a million social items (`benches/db-weights.sh`), not Substrate's default.
	type DbWeight = crate::weights::rocksdb_weights::constants::RocksDbWeight;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type SS58Prefix = SS58Prefix;
	type OnSetCode = cumulus_pallet_parachain_system::ParachainSetCode<Self>;
	type MaxConsumers = ConstU32<16>;
	/// Storage migrations too large for one block run a step per block (see [`super::migrations`]).
	type MultiBlockMigrator = crate::MultiBlockMigrations;
	/// `frame_system`'s own calls (remarks, code upgrades, storage edits by Root), measured in
	/// this runtime (`benches/weights.sh frame_system`).
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	/// The nonce, era, genesis and weight checks every transaction goes through, measured in
	/// this runtime (`benches/weights.sh frame_system_extensions`).
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	// Aura checks slots itself; parachains allow several blocks per relay slot.
	type MinimumPeriod = ConstU64<0>;
	type WeightInfo = ();
}

impl cumulus_pallet_weight_reclaim::Config for Runtime {
	type WeightInfo = crate::weights::cumulus_pallet_weight_reclaim::WeightInfo<Runtime>;
}

parameter_types! {
	pub const ReservedXcmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	pub const ReservedDmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	pub const RelayOrigin: AggregateMessageOrigin = AggregateMessageOrigin::Parent;
}

impl cumulus_pallet_parachain_system::Config for Runtime {
	type WeightInfo = ();
	type RuntimeEvent = RuntimeEvent;
	type OnSystemEvent = ();
	type SelfParaId = parachain_info::Pallet<Runtime>;
	type OutboundXcmpMessageSource = XcmpQueue;
	type DmpQueue = frame_support::traits::EnqueueWithOrigin<MessageQueue, RelayOrigin>;
	type ReservedDmpWeight = ReservedDmpWeight;
	type XcmpMessageHandler = XcmpQueue;
	type ReservedXcmpWeight = ReservedXcmpWeight;
	type CheckAssociatedRelayNumber = RelayNumberMonotonicallyIncreases;
	type ConsensusHook = ConsensusHook;
	type RelayParentOffset = ConstU32<RELAY_PARENT_OFFSET>;
	type SchedulingSignatureVerifier = ();
}

impl parachain_info::Config for Runtime {}
