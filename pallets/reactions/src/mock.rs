//! A test runtime: System, Balances and Reactions, with a real hold-based deposit of
//! 10 + 1 per byte.

use crate as pallet_reactions;
use agora_primitives::{PostId, PostsInspect};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, LinearStoragePrice},
};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Reactions: pallet_reactions,
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
	pub const ReactionHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Reactions(pallet_reactions::HoldReason::ReactionDeposit);
}

/// The deposit: 10 per item plus 1 per byte.
pub type ReactionDeposit = LinearStoragePrice<ConstU128<10>, ConstU128<1>, Balance>;

impl pallet_reactions::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Consideration =
		HoldConsideration<AccountId, Balances, ReactionHoldReason, ReactionDeposit>;
	type Posts = MockPosts;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockPosts;
}

thread_local! {
	/// Posts that exist in the mock: ids below 100, except those a test deleted.
	static DELETED_POSTS: core::cell::RefCell<Vec<PostId>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Posts below id 100 exist (written by account 100) until a test deletes them.
pub struct MockPosts;
impl MockPosts {
	/// Every post below 100 exists again.
	pub fn reset() {
		DELETED_POSTS.with(|deleted| deleted.borrow_mut().clear());
	}

	/// Makes post `id` disappear, as if its author deleted it.
	pub fn delete(id: PostId) {
		DELETED_POSTS.with(|deleted| deleted.borrow_mut().push(id));
	}
}
impl PostsInspect<AccountId> for MockPosts {
	fn post_author(id: PostId) -> Option<AccountId> {
		let deleted = DELETED_POSTS.with(|deleted| deleted.borrow().contains(&id));
		(id < 100 && !deleted).then_some(100)
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for MockPosts {
	fn create_post() -> PostId {
		7
	}
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// An account with too little to pay any deposit.
pub const POOR: AccountId = 3;
pub const ENDOWMENT: Balance = 1_000_000;

/// Test externalities with ALICE and BOB funded and POOR nearly empty.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MockPosts::reset();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT), (BOB, ENDOWMENT), (POOR, 20)],
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
		Reactions::do_try_state().expect("pallet-reactions invariants hold");
	});
}
