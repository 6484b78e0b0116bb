//! A test runtime: System, Balances and Messages, with a real hold-based deposit of 10 + 1 per
//! byte, a notice lifetime of 100 blocks, at most 3 pending notices per sender, and follows kept
//! in a thread-local set.

use crate as pallet_messages;
use agora_primitives::FollowsInspect;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, ConstU32, ConstU64, LinearStoragePrice},
};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Messages: pallet_messages,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const MessagesHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Messages(pallet_messages::HoldReason::MessagesDeposit);
}

/// The deposit: 10 per item plus 1 per byte.
pub type MessagesDeposit = LinearStoragePrice<ConstU128<10>, ConstU128<1>, Balance>;

/// Blocks a notice is the recipient's alone to remove.
pub const LIFETIME: u64 = 100;
/// Notices one sender may have waiting in one inbox.
pub const MAX_PENDING: u32 = 3;

/// The largest envelope a message may name here: 256 KiB.
pub const MAX_CONTENT_SIZE: u32 = 256 * 1024;
/// The declared size of the envelopes the tests send.
pub const SIZE: u32 = 600;

impl pallet_messages::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Consideration =
		HoldConsideration<AccountId, Balances, MessagesHoldReason, MessagesDeposit>;
	type Follows = MockFollows;
	type MaxContentSize = ConstU32<MAX_CONTENT_SIZE>;
	type MaxPendingPerSender = ConstU32<MAX_PENDING>;
	type NoticeLifetime = ConstU64<LIFETIME>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockFollows;
}

thread_local! {
	static FOLLOWS: core::cell::RefCell<Vec<(AccountId, AccountId)>> =
		const { core::cell::RefCell::new(Vec::new()) };
}

/// Follows in the mock: a list of (follower, followee).
pub struct MockFollows;
impl MockFollows {
	/// `follower` now follows `followee`.
	pub fn follow(follower: AccountId, followee: AccountId) {
		FOLLOWS.with(|follows| follows.borrow_mut().push((follower, followee)));
	}
}
impl FollowsInspect<AccountId> for MockFollows {
	fn is_following(follower: &AccountId, followee: &AccountId) -> bool {
		FOLLOWS.with(|follows| follows.borrow().contains(&(*follower, *followee)))
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockFollows {
	fn follow(follower: &AccountId, followee: &AccountId) {
		MockFollows::follow(*follower, *followee);
	}
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// An account with too little to pay any deposit.
pub const POOR: AccountId = 4;
pub const ENDOWMENT: Balance = 1_000_000;

/// Test externalities with ALICE, BOB and CHARLIE funded and POOR nearly empty.
pub fn new_test_ext() -> sp_io::TestExternalities {
	FOLLOWS.with(|follows| follows.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT), (BOB, ENDOWMENT), (CHARLIE, ENDOWMENT), (POOR, 20)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Messages::do_try_state().expect("pallet-messages invariants hold");
	});
}
