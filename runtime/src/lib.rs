//! # Agora runtime
//!
//! The Wasm runtime of the Agora parachain: a cumulus parachain (Aura collators, XCM, message
//! queues) that will carry the social pallets (profiles, posts, follows, reactions).
//!
//! Layout, one job per file:
//! - `lib.rs` (this file): the chain's basic types, its version, and the pallet list;
//! - [`configs`]: one `Config` implementation per concern (system, money, collators, XCM);
//! - [`apis`]: the runtime APIs the node and clients call;
//! - [`content`]: which CIDs a block started or stopped using, for pinning nodes;
//! - [`genesis_config_presets`]: the `development` and `local_testnet` genesis presets;
//! - [`weights`]: the social pallets' generated weights.
//!
//! Pallet indices are grouped by role and never reused: 0–9 system, 10–19 money and
//! governance, 20–29 collators, 30–39 XCM, 40–49 keys (app keys, recovery), 50–69 the social
//! pallets.

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands recursively.
#![recursion_limit = "256"]

// Makes `WASM_BINARY` (the compiled runtime) available to the node.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// The runtime a forkless-upgrade test upgrades a running chain to: this runtime built with the
/// `upgrade-test` feature, so with a higher `spec_version` and a `PostCreated` event the
/// current runtime's types cannot decode (see `build.rs`). Only the node's tests build it.
#[cfg(all(feature = "std", feature = "upgrade-test-wasm"))]
pub mod upgrade_test_wasm {
	include!(concat!(env!("OUT_DIR"), "/upgrade_test_wasm_binary.rs"));
}

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod content;
pub mod genesis_config_presets;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use smallvec::smallvec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiSignature,
};
use sp_version::RuntimeVersion;

use frame_support::weights::{
	constants::{
		ExtrinsicBaseWeight as FrameReferenceExtrinsicBaseWeight, WEIGHT_REF_TIME_PER_SECOND,
	},
	Weight, WeightToFeeCoefficient, WeightToFeeCoefficients, WeightToFeePolynomial,
};
pub use sp_consensus_aura::sr25519::AuthorityId as AuraId;
pub use sp_runtime::{MultiAddress, Perbill, Permill};

/// The signature scheme of transactions: sr25519, ed25519 or ecdsa keys all work.
pub type Signature = MultiSignature;

/// An account is identified by the public key that signs its transactions.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A balance, in the smallest unit (see [`UNIT`]).
pub type Balance = u128;

/// The number of transactions an account has sent.
pub type Nonce = u32;

/// A hash of block or state data.
pub type Hash = sp_core::H256;

/// A block number.
pub type BlockNumber = u32;

/// How a transaction names an account.
pub type Address = MultiAddress<AccountId, ()>;

/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// A block of this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The checks every signed transaction goes through. All are standard FRAME extensions, so
/// Polkadot.js apps and `@polkadot/api` sign Agora transactions with no custom types.
/// `StorageWeightReclaim` wraps them to refund weight a call did not use.
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
		// Lets a signer commit to the metadata it decoded the transaction with (RFC 78), as
		// the generic Ledger app requires; optional for every other signer (mode 0).
		frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	),
>;

/// A transaction as it arrives from outside.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations that are not declared by the pallets themselves.
type Migrations = ();

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// What FRAME's reference base weight of an extrinsic ([`FrameReferenceExtrinsicBaseWeight`],
/// 108,157 ns) costs: 0.1 milli-AGORA. The weight part of a fee scales linearly from there, so
/// a call that weighs ten of it pays 1 milli-AGORA for its weight, next to its length fee
/// ([`configs::monetary::TransactionByteFee`]). The README's fee table is printed by a test.
///
/// The yardstick is FRAME's fixed reference, not this chain's measured base weight
/// ([`weights::extrinsic_weights`], what blocks are filled by): remeasuring the overhead on
/// other hardware changes what a transaction weighs, not the price of a unit of weight.
pub const FEE_PER_BASE_EXTRINSIC_WEIGHT: Balance = MILLI_UNIT / 10;

/// Turns a weight into a fee at [`FEE_PER_BASE_EXTRINSIC_WEIGHT`] per base extrinsic weight
/// (reference time; proof size is not priced separately).
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let p = FEE_PER_BASE_EXTRINSIC_WEIGHT;
		let q = Balance::from(FrameReferenceExtrinsicBaseWeight::get().ref_time());
		smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p % q, q),
			coeff_integer: p / q,
		}]
	}
}

/// Types the node needs without knowing the runtime's transaction format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a collator registers for a session.
	pub struct SessionKeys {
		/// Signs the blocks the collator authors.
		pub aura: Aura,
	}
}

/// Declares [`VERSION`] with the given `spec_version` (a literal, as `runtime_version` wants).
macro_rules! runtime_version {
	($spec_version:tt) => {
		/// The runtime version: bump `spec_version` on every runtime change that goes on chain.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: Cow::Borrowed("agora"),
			impl_name: Cow::Borrowed("agora"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 0,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "upgrade-test"))]
runtime_version!(1);
// The runtime the forkless-upgrade test upgrades to: one version above the real one.
#[cfg(feature = "upgrade-test")]
runtime_version!(2);

/// Block time targeted by collators; Aura's slot length. It cannot change once the chain runs.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// The Aura slot duration.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

include!("token.rs");
/// The SS58 address prefix: 42, the generic Substrate prefix (addresses start with `5`).
pub const SS58_PREFIX: u16 = 42;

/// One token.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a token.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a token.
pub const MICRO_UNIT: Balance = 1_000_000;

/// The smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// About 5% of a block is used by `on_initialize` hooks; it bounds a single extrinsic's weight.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(5);

/// Normal transactions may fill 75% of a block; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute per 6 s block, and the relay chain's proof-of-validity limit.
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(
	WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2),
	cumulus_primitives_core::relay_chain::MAX_POV_SIZE as u64,
);

/// Parachain blocks that may be built before the relay chain includes them.
const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
/// Parachain blocks per relay chain block.
const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// The relay chain's slot duration.
const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
/// How many blocks behind the relay chain tip collators build on (0: the tip).
const RELAY_PARENT_OFFSET: u32 = 0;

/// Decides whether a collator may extend the chain (async backing).
type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// System: 0–9.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type ParachainInfo = parachain_info;
	#[runtime::pallet_index(4)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;
	#[runtime::pallet_index(5)]
	pub type MultiBlockMigrations = pallet_migrations;

	// Money and governance: 10–19.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Sponsorship = pallet_sponsorship;
	#[runtime::pallet_index(15)]
	pub type Sudo = pallet_sudo;

	// Collators: 20–29. The order of these matters for session rotation; do not change it.
	#[runtime::pallet_index(20)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(21)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(22)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(23)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(24)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	// XCM: 30–39.
	#[runtime::pallet_index(30)]
	pub type XcmpQueue = cumulus_pallet_xcmp_queue;
	#[runtime::pallet_index(31)]
	pub type PolkadotXcm = pallet_xcm;
	#[runtime::pallet_index(32)]
	pub type CumulusXcm = cumulus_pallet_xcm;
	#[runtime::pallet_index(33)]
	pub type MessageQueue = pallet_message_queue;

	// Keys: app keys and social recovery, 40–49.
	#[runtime::pallet_index(40)]
	pub type Proxy = pallet_proxy;
	#[runtime::pallet_index(41)]
	pub type Recovery = pallet_recovery;

	// Social pallets: 50–69.
	#[runtime::pallet_index(50)]
	pub type Profiles = pallet_profiles;
	#[runtime::pallet_index(51)]
	pub type Posts = pallet_posts;
	#[runtime::pallet_index(52)]
	pub type Follows = pallet_follows;
	#[runtime::pallet_index(53)]
	pub type Reactions = pallet_reactions;
	#[runtime::pallet_index(54)]
	pub type Messages = pallet_messages;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
