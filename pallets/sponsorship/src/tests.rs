//! Unit tests: the calls, every error with state unchanged, sponsorship by consent (offers),
//! and the allowance as the runtime spends it.

use crate::{mock::*, Error, Event, HoldReason, Offers, SponsoredBy, Sponsorships};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

fn held_for_records(who: AccountId) -> Balance {
	Balances::balance_on_hold(&SponsorshipHoldReason::get(), &who)
}

fn offer(sponsor: AccountId, account: AccountId, allowance: Balance) {
	assert_ok!(Sponsorship::sponsor(RuntimeOrigin::signed(sponsor), account, allowance));
}

/// `sponsor` offers and `account` accepts.
fn sponsor(sponsor: AccountId, account: AccountId, allowance: Balance) {
	offer(sponsor, account, allowance);
	assert_ok!(Sponsorship::accept(RuntimeOrigin::signed(account), sponsor));
}

#[test]
fn an_offer_changes_nothing_until_the_account_accepts_it() {
	build_and_execute(|| {
		assert!(!System::account_exists(&NEWCOMER));
		offer(ALICE, NEWCOMER, 1_000);
		System::assert_last_event(
			Event::Offered { sponsor: ALICE, account: NEWCOMER, allowance: 1_000 }.into(),
		);
		assert!(System::account_exists(&NEWCOMER), "it can sign its acceptance");
		assert!(held_for_records(ALICE) > 0, "the offer holds a deposit from its sponsor");
		assert_eq!(Sponsorship::sponsor_of(&NEWCOMER), None, "not sponsored yet");
		assert_eq!(Sponsorship::left(&NEWCOMER), None);
		assert_noop!(Sponsorship::spend_on_fee(&NEWCOMER, 1), Error::<Test>::NotSponsored);
		assert_noop!(Sponsorship::hold_for_deposit(&NEWCOMER, 1), Error::<Test>::NotSponsored);

		assert_ok!(Sponsorship::accept(RuntimeOrigin::signed(NEWCOMER), ALICE));
		assert_eq!(Sponsorship::sponsor_of(&NEWCOMER), Some(ALICE));
		assert!(!Offers::<Test>::contains_key(NEWCOMER, ALICE), "the offer became the record");
	});
}

#[test]
fn a_strangers_offer_blocks_nobody() {
	build_and_execute(|| {
		// A stranger offers first, with 1 unit; the real sponsor offers after it.
		offer(BOB, NEWCOMER, 1);
		offer(ALICE, NEWCOMER, 1_000);
		assert_ok!(Sponsorship::accept(RuntimeOrigin::signed(NEWCOMER), ALICE));
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(1_000));
		// The stranger's offer waits, harmless; it cannot be taken while Alice sponsors.
		assert!(Offers::<Test>::contains_key(NEWCOMER, BOB));
		assert_noop!(
			Sponsorship::accept(RuntimeOrigin::signed(NEWCOMER), BOB),
			Error::<Test>::AlreadySponsored
		);
		// Its sponsor takes it back, deposit and all.
		assert_ok!(Sponsorship::withdraw_offer(RuntimeOrigin::signed(BOB), NEWCOMER));
		System::assert_last_event(Event::OfferWithdrawn { sponsor: BOB, account: NEWCOMER }.into());
		assert_eq!(held_for_records(BOB), 0);
		assert_eq!(Sponsorship::sponsor_of(&NEWCOMER), Some(ALICE));
	});
}

#[test]
fn accept_and_withdraw_need_a_waiting_offer() {
	build_and_execute(|| {
		assert_noop!(
			Sponsorship::accept(RuntimeOrigin::signed(NEWCOMER), ALICE),
			Error::<Test>::NoOffer
		);
		assert_noop!(
			Sponsorship::withdraw_offer(RuntimeOrigin::signed(ALICE), NEWCOMER),
			Error::<Test>::NoOffer
		);
		offer(ALICE, NEWCOMER, 1_000);
		// Only its sponsor withdraws it; only the account it was made to accepts it.
		assert_noop!(
			Sponsorship::withdraw_offer(RuntimeOrigin::signed(BOB), NEWCOMER),
			Error::<Test>::NoOffer
		);
		assert_noop!(
			Sponsorship::accept(RuntimeOrigin::signed(POOR), ALICE),
			Error::<Test>::NoOffer
		);
		assert_ok!(Sponsorship::withdraw_offer(RuntimeOrigin::signed(ALICE), NEWCOMER));
		assert!(!System::account_exists(&NEWCOMER), "no offer, no balance: gone");
		assert_eq!(held_for_records(ALICE), 0);
	});
}

#[test]
fn sponsoring_a_new_key_keeps_it_on_chain_and_holds_a_deposit_from_the_sponsor() {
	build_and_execute(|| {
		assert!(!System::account_exists(&NEWCOMER));
		sponsor(ALICE, NEWCOMER, 1_000);

		assert!(System::account_exists(&NEWCOMER), "a sponsored key exists with no balance");
		assert_eq!(Balances::balance(&NEWCOMER), 0);
		System::inc_account_nonce(NEWCOMER);
		assert_eq!(System::account_nonce(NEWCOMER), 1, "its nonce counts");
		assert!(held_for_records(ALICE) > 0);
		assert_eq!(Sponsorship::sponsor_of(&NEWCOMER), Some(ALICE));
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(1_000));
		assert!(SponsoredBy::<Test>::contains_key(ALICE, NEWCOMER));
		System::assert_last_event(
			Event::Sponsored { sponsor: ALICE, account: NEWCOMER, allowance: 1_000 }.into(),
		);
	});
}

#[test]
fn sponsor_refuses_self_zero_a_second_offer_and_a_sponsor_who_cannot_pay_the_deposit() {
	build_and_execute(|| {
		let call = |who, account, allowance| {
			Sponsorship::sponsor(RuntimeOrigin::signed(who), account, allowance)
		};
		assert_noop!(call(ALICE, ALICE, 1_000), Error::<Test>::CannotSponsorSelf);
		assert_noop!(call(ALICE, NEWCOMER, 0), Error::<Test>::ZeroAllowance);
		assert!(call(POOR, NEWCOMER, 1_000).is_err(), "the offer's deposit cannot be held");
		assert!(!Offers::<Test>::contains_key(NEWCOMER, POOR));
		assert!(!System::account_exists(&NEWCOMER));

		offer(ALICE, NEWCOMER, 1_000);
		assert_noop!(call(ALICE, NEWCOMER, 5_000), Error::<Test>::AlreadyOffered);
		assert_ok!(Sponsorship::accept(RuntimeOrigin::signed(NEWCOMER), ALICE));
		assert_noop!(call(ALICE, NEWCOMER, 5_000), Error::<Test>::AlreadyOffered);
		// Another sponsor may offer at any time: it waits until the account is free to take it.
		offer(BOB, NEWCOMER, 5_000);
	});
}

#[test]
fn only_the_sponsor_tops_up() {
	build_and_execute(|| {
		let top_up =
			|who, account, more| Sponsorship::top_up(RuntimeOrigin::signed(who), account, more);
		assert_noop!(top_up(ALICE, NEWCOMER, 10), Error::<Test>::NotSponsored);
		sponsor(ALICE, NEWCOMER, 1_000);
		assert_noop!(top_up(BOB, NEWCOMER, 10), Error::<Test>::NotSponsor);
		assert_noop!(top_up(NEWCOMER, NEWCOMER, 10), Error::<Test>::NotSponsor);
		assert_noop!(top_up(ALICE, NEWCOMER, 0), Error::<Test>::ZeroAllowance);
		assert_noop!(top_up(ALICE, NEWCOMER, Balance::MAX), Error::<Test>::Overflow);

		assert_ok!(top_up(ALICE, NEWCOMER, 500));
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(1_500));
		System::assert_last_event(
			Event::ToppedUp { sponsor: ALICE, account: NEWCOMER, allowance: 1_500 }.into(),
		);
	});
}

#[test]
fn the_sponsor_or_the_account_revokes_and_a_new_key_then_leaves_the_chain() {
	build_and_execute(|| {
		let revoke = |who, account| Sponsorship::revoke(RuntimeOrigin::signed(who), account);
		assert_noop!(revoke(ALICE, NEWCOMER), Error::<Test>::NotSponsored);
		sponsor(ALICE, NEWCOMER, 1_000);
		assert_noop!(revoke(BOB, NEWCOMER), Error::<Test>::NotSponsor);

		assert_ok!(revoke(ALICE, NEWCOMER));
		assert!(!Sponsorships::<Test>::contains_key(NEWCOMER));
		assert!(!SponsoredBy::<Test>::contains_key(ALICE, NEWCOMER));
		assert_eq!(held_for_records(ALICE), 0, "the record's deposit is back");
		assert!(!System::account_exists(&NEWCOMER), "no balance, no sponsor: gone");
		System::assert_last_event(
			Event::Revoked { sponsor: ALICE, account: NEWCOMER, by: ALICE }.into(),
		);

		// The account itself may end it too; one with its own balance stays on chain.
		sponsor(BOB, POOR, 1_000);
		assert_ok!(revoke(POOR, POOR));
		assert!(System::account_exists(&POOR));
		System::assert_last_event(Event::Revoked { sponsor: BOB, account: POOR, by: POOR }.into());
		// And another sponsor may then step in.
		sponsor(ALICE, POOR, 1_000);
	});
}

#[test]
fn fees_and_deposits_are_spent_only_within_the_allowance() {
	build_and_execute(|| {
		assert_noop!(Sponsorship::spend_on_fee(&NEWCOMER, 1), Error::<Test>::NotSponsored);
		sponsor(ALICE, NEWCOMER, 1_000);

		assert_eq!(Sponsorship::spend_on_fee(&NEWCOMER, 300), Ok(ALICE));
		System::assert_last_event(
			Event::AllowanceSpent { sponsor: ALICE, account: NEWCOMER, amount: 300, left: 700 }
				.into(),
		);
		assert_eq!(Sponsorship::hold_for_deposit(&NEWCOMER, 600), Ok(ALICE));
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(100));

		// Past the allowance: refused, the books unchanged.
		assert_noop!(Sponsorship::spend_on_fee(&NEWCOMER, 101), Error::<Test>::AllowanceExceeded);
		assert_noop!(
			Sponsorship::hold_for_deposit(&NEWCOMER, 101),
			Error::<Test>::AllowanceExceeded
		);
		assert_eq!(Sponsorship::spend_on_fee(&NEWCOMER, 100), Ok(ALICE), "exactly what is left");
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(0));

		// A deposit back, and the unused part of a fee, make room again.
		Sponsorship::release_deposit(&NEWCOMER, &ALICE, 600);
		Sponsorship::refund_fee(&NEWCOMER, &ALICE, 50);
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(650));
		// ... but only for the sponsor who paid.
		Sponsorship::release_deposit(&NEWCOMER, &BOB, 600);
		Sponsorship::refund_fee(&NEWCOMER, &BOB, 50);
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(650));
	});
}

#[test]
fn many_spends_in_one_block_never_pass_the_allowance() {
	build_and_execute(|| {
		sponsor(ALICE, NEWCOMER, 1_000);
		let accepted = (0..100)
			.filter(|i| match i % 2 {
				0 => Sponsorship::spend_on_fee(&NEWCOMER, 33).is_ok(),
				_ => Sponsorship::hold_for_deposit(&NEWCOMER, 33).is_ok(),
			})
			.count();
		assert_eq!(accepted, 1_000 / 33);
		let sponsorship = Sponsorships::<Test>::get(NEWCOMER).unwrap();
		assert!(sponsorship.fees_paid + sponsorship.deposits_held <= sponsorship.allowance);
	});
}

#[test]
fn books_of_an_ended_sponsorship_are_left_alone() {
	build_and_execute(|| {
		sponsor(ALICE, NEWCOMER, 1_000);
		assert_ok!(Sponsorship::hold_for_deposit(&NEWCOMER, 400));
		assert_ok!(Sponsorship::revoke(RuntimeOrigin::signed(NEWCOMER), NEWCOMER));
		// Bob sponsors the account now; Alice's deposit coming back does not touch his books.
		sponsor(BOB, NEWCOMER, 1_000);
		Sponsorship::release_deposit(&NEWCOMER, &ALICE, 400);
		assert_eq!(Sponsorship::left(&NEWCOMER), Some(1_000));
		assert_eq!(Sponsorship::sponsor_of(&NEWCOMER), Some(BOB));
		assert_eq!(
			Balances::balance_on_hold(
				&RuntimeHoldReason::Sponsorship(HoldReason::SponsorshipDeposit),
				&ALICE
			),
			0
		);
	});
}
