//! A test runtime: System, Balances and Posts, with a real hold-based deposit of
//! 10 + 1 per byte.

use crate as pallet_posts;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, ConstU32, LinearStoragePrice},
};
use sp_runtime::BuildStorage;

use agora_primitives::CidInput;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Posts: pallet_posts,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	// Real database weights, so that a migration's weight meter runs out as it would on chain.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const PostHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Posts(pallet_posts::HoldReason::PostDeposit);
}

/// The deposit: 10 per item plus 1 per byte.
pub type PostDeposit = LinearStoragePrice<ConstU128<10>, ConstU128<1>, Balance>;

impl pallet_posts::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Consideration = HoldConsideration<AccountId, Balances, PostHoldReason, PostDeposit>;
	type MaxContentSize = ConstU32<MAX_CONTENT_SIZE>;
	type WeightInfo = ();
}

/// The largest body a post may name here: 4 MiB.
pub const MAX_CONTENT_SIZE: u32 = 4 * 1024 * 1024;
/// The declared size of the bodies the tests post.
pub const SIZE: u32 = 300;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// An account with too little to pay any deposit.
pub const POOR: AccountId = 3;
pub const CHARLIE: AccountId = 4;
pub const ENDOWMENT: Balance = 1_000_000;

/// Test externalities with ALICE and BOB funded and POOR nearly empty.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT), (BOB, ENDOWMENT), (POOR, 20), (CHARLIE, ENDOWMENT)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		// As a chain's genesis does: the pallet starts at its current storage version.
		pallet_posts::STORAGE_VERSION.put::<Posts>();
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Posts::do_try_state().expect("pallet-posts invariants hold");
	});
}

/// The call argument for the CID `text` (test CIDs are valid by construction).
pub fn input(text: &str) -> CidInput {
	CidInput::try_from(text.as_bytes().to_vec()).expect("test CIDs fit the input bound")
}
