//! Unit tests of [`crate::SponsoredFees`]: who pays each fee, and that what is paid and given
//! back is written to the right books. `System::remark` stands in for the social calls.

use frame_support::{
	assert_ok,
	dispatch::{DispatchInfo, PostDispatchInfo},
	traits::fungible::{Inspect, InspectHold},
};
use pallet_transaction_payment::OnChargeTransaction;
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

use crate::{mock::*, Offers};

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

fn accept(sponsor: AccountId) -> RuntimeCall {
	RuntimeCall::Sponsorship(crate::Call::accept { sponsor })
}

fn leave(account: AccountId) -> RuntimeCall {
	RuntimeCall::Sponsorship(crate::Call::revoke { account })
}

fn offer(sponsor: AccountId, account: AccountId, allowance: Balance) {
	assert_ok!(Sponsorship::sponsor(RuntimeOrigin::signed(sponsor), account, allowance));
}

fn sponsor(sponsor: AccountId, account: AccountId, allowance: Balance) {
	offer(sponsor, account, allowance);
	assert_ok!(Sponsorship::accept(RuntimeOrigin::signed(account), sponsor));
}

type Liquidity = <Fees as OnChargeTransaction<Test>>::LiquidityInfo;

/// Withdraws `fee` for `who`'s `call`, as the transaction-payment extension does before dispatch.
fn withdraw(
	who: AccountId,
	call: &RuntimeCall,
	fee: Balance,
) -> Result<Liquidity, TransactionValidityError> {
	let info = DispatchInfo::default();
	<Fees as OnChargeTransaction<Test>>::can_withdraw_fee(&who, call, &info, fee, 0)?;
	<Fees as OnChargeTransaction<Test>>::withdraw_fee(&who, call, &info, fee, 0)
}

/// Settles the fee at `used`, as the extension does after dispatch.
fn settle(who: AccountId, used: Balance, liquidity: Liquidity) {
	assert_ok!(<Fees as OnChargeTransaction<Test>>::correct_and_deposit_fee(
		&who,
		&DispatchInfo::default(),
		&PostDispatchInfo::default(),
		used,
		0,
		liquidity,
	));
}

fn payment_refused() -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Payment.into())
}

#[test]
fn a_sponsored_call_is_paid_by_the_sponsor_and_the_unused_part_comes_back() {
	build_and_execute(|| {
		sponsor(ALICE, NEWCOMER, 1_000);
		let before = Balances::balance(&ALICE);

		let liquidity = withdraw(NEWCOMER, &remark(), 100).unwrap();
		assert_eq!(Balances::balance(&ALICE), before - 100);
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(900));

		settle(NEWCOMER, 60, liquidity);
		assert_eq!(Balances::balance(&ALICE), before - 60, "40 unused, back to the sponsor");
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(940), "and to the allowance");
		assert_eq!(Balances::balance(&NEWCOMER), 0);
	});
}

#[test]
fn a_fee_past_the_allowance_or_any_other_call_is_the_accounts_own() {
	build_and_execute(|| {
		sponsor(ALICE, NEWCOMER, 100);
		let before = Balances::balance(&ALICE);
		assert_eq!(withdraw(NEWCOMER, &remark(), 101).map(|_| ()), payment_refused());
		// Leaving someone else's sponsorship, or accepting with no offer: not the sponsor's.
		assert_eq!(withdraw(NEWCOMER, &leave(POOR), 10).map(|_| ()), payment_refused());
		assert_eq!(withdraw(NEWCOMER, &accept(BOB), 10).map(|_| ()), payment_refused());
		assert_eq!(Balances::balance(&ALICE), before);
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(100));
	});
}

#[test]
fn accepting_an_offer_is_paid_by_that_offer_and_counted_against_its_allowance() {
	build_and_execute(|| {
		offer(ALICE, NEWCOMER, 1_000);
		let before = Balances::balance(&ALICE);
		// Before accepting, the offer pays for nothing else.
		assert_eq!(withdraw(NEWCOMER, &remark(), 10).map(|_| ()), payment_refused());

		let liquidity = withdraw(NEWCOMER, &accept(ALICE), 100).unwrap();
		assert_eq!(Balances::balance(&ALICE), before - 100);
		assert_eq!(Offers::<Test>::get(NEWCOMER, ALICE).unwrap().left(), 900);
		assert_ok!(Sponsorship::accept(RuntimeOrigin::signed(NEWCOMER), ALICE));
		settle(NEWCOMER, 70, liquidity);

		assert_eq!(Balances::balance(&ALICE), before - 70);
		assert_eq!(
			Sponsorship::left(&NEWCOMER),
			Some(930),
			"the offer's books became the record's"
		);
		assert_eq!(Balances::balance(&NEWCOMER), 0, "the newcomer never held a token");
	});
}

#[test]
fn a_strangers_small_offer_pays_for_nothing_but_does_not_stop_the_real_one() {
	build_and_execute(|| {
		offer(BOB, NEWCOMER, 1);
		offer(ALICE, NEWCOMER, 1_000);
		let bob = Balances::balance(&BOB);
		assert_eq!(withdraw(NEWCOMER, &accept(BOB), 100).map(|_| ()), payment_refused());
		assert_eq!(Balances::balance(&BOB), bob);

		let liquidity = withdraw(NEWCOMER, &accept(ALICE), 100).unwrap();
		assert_ok!(Sponsorship::accept(RuntimeOrigin::signed(NEWCOMER), ALICE));
		settle(NEWCOMER, 100, liquidity);
		assert_eq!(Sponsorship::sponsor_of(&NEWCOMER), Some(ALICE));
		assert_eq!(Offers::<Test>::get(NEWCOMER, BOB).unwrap().fees_paid, 0);
	});
}

#[test]
fn leaving_is_paid_by_the_sponsor_even_with_the_allowance_spent() {
	build_and_execute(|| {
		sponsor(ALICE, NEWCOMER, 100);
		assert_ok!(Sponsorship::spend_on_fee(&NEWCOMER, 100));
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(0));
		let before = Balances::balance(&ALICE);
		let record_deposit = Balances::balance_on_hold(&SponsorshipHoldReason::get(), &ALICE);

		let liquidity = withdraw(NEWCOMER, &leave(NEWCOMER), 50).unwrap();
		assert_ok!(Sponsorship::revoke(RuntimeOrigin::signed(NEWCOMER), NEWCOMER));
		settle(NEWCOMER, 30, liquidity);
		assert_eq!(Sponsorship::sponsor_of(&NEWCOMER), None);
		assert_eq!(
			Balances::balance(&ALICE),
			before - 30 + record_deposit,
			"the sponsor paid 30 and got its record's deposit back"
		);
	});
}

fn removal() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![] })
}

/// NEWCOMER's item, its deposit held from ALICE, who no longer sponsors NEWCOMER.
fn item_of_a_former_sponsorship() -> ItemDeposit {
	use frame_support::traits::{Consideration, Footprint};
	sponsor(ALICE, NEWCOMER, 1_000);
	let ticket = ItemDeposit::new(&NEWCOMER, Footprint::from_parts(1, 90)).unwrap();
	assert_ok!(Sponsorship::revoke(RuntimeOrigin::signed(ALICE), NEWCOMER));
	Returned::set(&Some((ALICE, 100)));
	ticket
}

#[test]
fn a_removal_by_an_account_with_nothing_is_paid_from_the_deposit_it_returns() {
	use frame_support::traits::Consideration;
	build_and_execute(|| {
		let ticket = item_of_a_former_sponsorship();
		let before = Balances::balance(&ALICE);

		// Nothing is withdrawn before the call...
		let liquidity = withdraw(NEWCOMER, &removal(), 40).unwrap();
		assert_eq!(Balances::balance(&ALICE), before);
		// ... the call gives the deposit back to Alice, and the fee comes out of it.
		assert_ok!(ticket.drop(&NEWCOMER));
		settle(NEWCOMER, 30, liquidity);
		assert_eq!(Balances::balance(&ALICE), before + 100 - 30);
		assert_eq!(Balances::balance(&NEWCOMER), 0);
	});
}

#[test]
fn a_removal_fee_past_the_returned_deposit_is_refused() {
	build_and_execute(|| {
		let _ticket = item_of_a_former_sponsorship();
		assert_eq!(withdraw(NEWCOMER, &removal(), 101).map(|_| ()), payment_refused());
		// Not a removal: nothing pays for it.
		assert_eq!(withdraw(NEWCOMER, &remark(), 10).map(|_| ()), payment_refused());
	});
}

#[test]
fn a_removal_fails_to_pay_after_the_call_when_the_deposit_did_not_come_back() {
	build_and_execute(|| {
		let _ticket = item_of_a_former_sponsorship();
		// Say the item was already gone: the deposit stays held and POOR, named as payer, has
		// too little; the extension then fails the transaction, which the author leaves out.
		Returned::set(&Some((POOR, 100)));
		let liquidity = withdraw(NEWCOMER, &removal(), 40).unwrap();
		let settled = <Fees as OnChargeTransaction<Test>>::correct_and_deposit_fee(
			&NEWCOMER,
			&DispatchInfo::default(),
			&PostDispatchInfo::default(),
			40,
			0,
			liquidity,
		);
		assert_eq!(settled, payment_refused());
	});
}

#[test]
fn an_account_that_can_pay_pays_its_removals_itself() {
	build_and_execute(|| {
		Returned::set(&Some((ALICE, 100)));
		let (alice, bob) = (Balances::balance(&ALICE), Balances::balance(&BOB));
		let liquidity = withdraw(BOB, &removal(), 40).unwrap();
		settle(BOB, 40, liquidity);
		assert_eq!((Balances::balance(&ALICE), Balances::balance(&BOB)), (alice, bob - 40));
	});
}
