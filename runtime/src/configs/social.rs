//! The social pallets: profiles, posts, follows and reactions, and what their storage costs.
//!
//! Every stored item is paid for by a deposit held from its owner (not burnt, not paid to
//! anyone) and released when the owner removes the item: one [`DEPOSIT_PER_ITEM`] per storage
//! item plus [`DEPOSIT_PER_BYTE`] per byte. A sponsored account's deposits are held from its
//! sponsor instead, within the allowance, and go back to the sponsor
//! (`pallet_sponsorship::SponsoredHold`, see [`super::sponsorship`]). A post (record plus
//! index entries, about 150 bytes) holds about 0.035 AGORA. On top, an item that names content
//! (a post's body, a profile document, a message's envelope) pays for what every pinning node
//! keeps: its declared size priced as 1 KiB of state per MiB (`agora_primitives::with_content`),
//! about 0.1 AGORA per MiB, up to each pallet's `MaxContentSize`.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Footprint},
};
use pallet_sponsorship::SponsoredHold;
use sp_runtime::traits::Convert;

use crate::{Balance, Balances, Runtime, RuntimeHoldReason, MICRO_UNIT, MILLI_UNIT};

/// Deposit per stored item: 0.01 AGORA.
pub const DEPOSIT_PER_ITEM: Balance = 10 * MILLI_UNIT;
/// Deposit per stored byte: 0.0001 AGORA.
pub const DEPOSIT_PER_BYTE: Balance = 100 * MICRO_UNIT;

/// The deposit for `items` storage items of `bytes` bytes in all: items × [`DEPOSIT_PER_ITEM`]
/// + bytes × [`DEPOSIT_PER_BYTE`].
pub const fn deposit(items: u64, bytes: u64) -> Balance {
	(items as Balance)
		.saturating_mul(DEPOSIT_PER_ITEM)
		.saturating_add((bytes as Balance).saturating_mul(DEPOSIT_PER_BYTE))
}

/// Prices a storage footprint with [`deposit`].
pub struct StorageDeposit;
impl Convert<Footprint, Balance> for StorageDeposit {
	fn convert(footprint: Footprint) -> Balance {
		deposit(footprint.count, footprint.size)
	}
}

parameter_types! {
	pub const ProfileHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Profiles(pallet_profiles::HoldReason::ProfileDeposit);
	pub const PostHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Posts(pallet_posts::HoldReason::PostDeposit);
}

impl pallet_profiles::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Consideration = SponsoredHold<Runtime, ProfileHoldReason, StorageDeposit>;
	// A profile document is a small JSON file (name, bio, the CIDs of pictures).
	type MaxContentSize = ConstU32<{ 64 * 1024 }>;
	type WeightInfo = crate::weights::pallet_profiles::WeightInfo<Runtime>;
}

impl pallet_posts::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Consideration = SponsoredHold<Runtime, PostHoldReason, StorageDeposit>;
	// What the node's content service takes in one upload (`--ipfs-max-body`'s default).
	type MaxContentSize = ConstU32<{ 4 * 1024 * 1024 }>;
	type WeightInfo = crate::weights::pallet_posts::WeightInfo<Runtime>;
}

parameter_types! {
	pub const FollowHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Follows(pallet_follows::HoldReason::FollowDeposit);
	pub const ReactionHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Reactions(pallet_reactions::HoldReason::ReactionDeposit);
}

impl pallet_follows::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Consideration = SponsoredHold<Runtime, FollowHoldReason, StorageDeposit>;
	type WeightInfo = crate::weights::pallet_follows::WeightInfo<Runtime>;
}

impl pallet_reactions::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Consideration = SponsoredHold<Runtime, ReactionHoldReason, StorageDeposit>;
	// Reactions learn about posts only through `PostsInspect`.
	type Posts = crate::Posts;
	type WeightInfo = crate::weights::pallet_reactions::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::PostForBenchmarks;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers {
	use agora_primitives::{CidInput, PostId};
	use frame_support::traits::fungible::Mutate;

	use crate::{AccountId, Balances, Runtime, RuntimeOrigin, UNIT};

	/// Publishes a real post for the reactions benchmarks.
	pub struct PostForBenchmarks;
	impl pallet_reactions::BenchmarkHelper for PostForBenchmarks {
		fn create_post() -> PostId {
			let author: AccountId = frame_benchmarking::account("post-author", 0, 0);
			let _ = Balances::set_balance(&author, 1_000 * UNIT);
			let id = pallet_posts::NextPostId::<Runtime>::get();
			let body = CidInput::truncate_from(
				b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4".to_vec(),
			);
			let _ = pallet_posts::Pallet::<Runtime>::create_post(
				RuntimeOrigin::signed(author),
				body,
				100,
			);
			id
		}
	}
}
