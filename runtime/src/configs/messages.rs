//! Private messages (`pallet-messages`): keys, policies, blocks and inbox notices, priced like
//! every other stored item ([`super::social::StorageDeposit`]); a sponsored account's deposits
//! come from its sponsor. Contents never reach the chain: a notice names the CID of an envelope
//! the clients encrypt (see the pallet's README).

use frame_support::parameter_types;
use pallet_sponsorship::SponsoredHold;

use super::social::StorageDeposit;
use crate::{BlockNumber, Runtime, RuntimeHoldReason, DAYS};

parameter_types! {
	pub const MessagesHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Messages(pallet_messages::HoldReason::MessagesDeposit);
	/// A notice is the recipient's alone to remove for 30 days; then its sender may take its
	/// deposit back.
	pub const NoticeLifetime: BlockNumber = 30 * DAYS;
}

impl pallet_messages::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = crate::Balances;
	type Consideration = SponsoredHold<Runtime, MessagesHoldReason, StorageDeposit>;
	// The "only accounts I follow" policy asks the follows pallet, through `FollowsInspect`.
	type Follows = crate::Follows;
	// An envelope's largest size bucket is 128 KiB of plaintext (pallets/messages/README.md);
	// sealed and encoded it stays well under this.
	type MaxContentSize = frame_support::traits::ConstU32<{ 256 * 1024 }>;
	type MaxPendingPerSender = frame_support::traits::ConstU32<100>;
	type NoticeLifetime = NoticeLifetime;
	type WeightInfo = crate::weights::pallet_messages::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::FollowForBenchmarks;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers {
	use frame_support::traits::fungible::Mutate;

	use crate::{AccountId, Balances, RuntimeOrigin, UNIT};

	/// Makes a real follow for the messages benchmarks.
	pub struct FollowForBenchmarks;
	impl pallet_messages::BenchmarkHelper<AccountId> for FollowForBenchmarks {
		fn follow(follower: &AccountId, followee: &AccountId) {
			let _ = Balances::mint_into(follower, 1_000 * UNIT);
			let _ = pallet_follows::Pallet::<crate::Runtime>::follow(
				RuntimeOrigin::signed(follower.clone()),
				followee.clone(),
			);
		}
	}
}
