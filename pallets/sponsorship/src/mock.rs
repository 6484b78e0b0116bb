//! A test runtime: System, Balances, TransactionPayment and Sponsorship, with a real hold-based
//! deposit of 10 + 1 per byte for each sponsorship record or offer; a stand-in social pallet
//! (`items`) whose items are paid for by [`ItemDeposit`], the sponsored deposit the real runtime
//! uses; and fees charged by [`crate::SponsoredFees`], with `System::remark` standing in for
//! the social calls a sponsorship pays for.

use crate as pallet_sponsorship;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, Contains, LinearStoragePrice},
	weights::IdentityFee,
};
use pallet_transaction_payment::FungibleAdapter;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		TransactionPayment: pallet_transaction_payment,
		Sponsorship: pallet_sponsorship,
		Items: items,
	}
);

/// A stand-in for a social pallet: it only names the hold reason of its items' deposits.
#[frame_support::pallet]
pub mod items {
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// Why items hold funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An item's deposit.
		ItemDeposit,
	}
}

impl items::Config for Test {}

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

/// The calls a sponsorship pays for in this test runtime: `System::remark`.
pub struct Remarks;
impl Contains<RuntimeCall> for Remarks {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::remark { .. }))
	}
}

parameter_types! {
	/// What the stand-in removal call (`System::remark_with_event`) gives back, and to whom.
	pub storage Returned: Option<(AccountId, Balance)> = None;
}

/// The deposit the stand-in removal call returns: [`Returned`], as a test sets it.
pub struct Removals;
impl crate::ReturnedDeposit<AccountId, RuntimeCall, Balance> for Removals {
	fn returned_by(_: &AccountId, call: &RuntimeCall) -> Option<(AccountId, Balance)> {
		matches!(call, RuntimeCall::System(frame_system::Call::remark_with_event { .. }))
			.then(Returned::get)
			.flatten()
	}
}

/// Fees as the runtime charges them: from the sponsor where it pays, else from the signer,
/// else (for a removal) from the deposit it returns.
pub type Fees = crate::SponsoredFees<Test, FungibleAdapter<Balances, ()>, Remarks, Removals>;

#[derive_impl(pallet_transaction_payment::config_preludes::TestDefaultConfig)]
impl pallet_transaction_payment::Config for Test {
	type OnChargeTransaction = Fees;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
}

parameter_types! {
	pub const SponsorshipHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Sponsorship(pallet_sponsorship::HoldReason::SponsorshipDeposit);
}

parameter_types! {
	pub const ItemHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Items(items::HoldReason::ItemDeposit);
}

/// An item's deposit, held from the owner's sponsor when the allowance covers it.
pub type ItemDeposit = pallet_sponsorship::SponsoredHold<Test, ItemHoldReason, SponsorshipDeposit>;

/// The record's deposit: 10 per item plus 1 per byte.
pub type SponsorshipDeposit = LinearStoragePrice<ConstU128<10>, ConstU128<1>, Balance>;

impl pallet_sponsorship::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Consideration =
		HoldConsideration<AccountId, Balances, SponsorshipHoldReason, SponsorshipDeposit>;
	type WeightInfo = ();
}

/// A sponsor.
pub const ALICE: AccountId = 1;
/// Another sponsor.
pub const BOB: AccountId = 2;
/// An account with too little to pay a record's deposit.
pub const POOR: AccountId = 3;
/// A brand-new key: no balance, not on chain.
pub const NEWCOMER: AccountId = 10;
pub const ENDOWMENT: Balance = 1_000_000;

/// Test externalities with ALICE and BOB funded and POOR nearly empty.
pub fn new_test_ext() -> sp_io::TestExternalities {
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
		Sponsorship::do_try_state().expect("pallet-sponsorship invariants hold");
	});
}
