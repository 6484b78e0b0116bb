//! Unit tests of [`crate::SponsoredHold`]: who an item's deposit is held from, and that it goes
//! back to whoever paid it.

use crate::{mock::*, Event, Sponsorships};
use agora_primitives::DepositTicket;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	assert_ok,
	traits::{
		fungible::{HoldConsideration, Inspect, InspectHold, Mutate},
		Consideration, Footprint,
	},
};
use sp_runtime::traits::Convert;

/// An item of 40 bytes: a deposit of 10 + 40 = 50.
fn item() -> Footprint {
	Footprint::from_parts(1, 40)
}
const ITEM_DEPOSIT: Balance = 50;

fn held_for_items(who: AccountId) -> Balance {
	Balances::balance_on_hold(&ItemHoldReason::get(), &who)
}

fn deposits_held(account: AccountId) -> Balance {
	Sponsorships::<Test>::get(account).map_or(0, |s| s.deposits_held)
}

/// `sponsor` offers and `account` accepts.
fn sponsor(sponsor: AccountId, account: AccountId, allowance: Balance) {
	assert_ok!(Sponsorship::sponsor(RuntimeOrigin::signed(sponsor), account, allowance));
	assert_ok!(Sponsorship::accept(RuntimeOrigin::signed(account), sponsor));
}

#[test]
fn a_sponsored_account_s_deposit_is_held_from_the_sponsor_and_goes_back_to_it() {
	build_and_execute(|| {
		sponsor(ALICE, NEWCOMER, 1_000);
		let alice_free = Balances::balance(&ALICE);

		let ticket = ItemDeposit::new(&NEWCOMER, item()).unwrap();
		assert_eq!(ticket.sponsor(), Some(&ALICE));
		assert_eq!(ticket.payer(&NEWCOMER), ALICE);
		assert_eq!(held_for_items(ALICE), ITEM_DEPOSIT);
		assert_eq!(Balances::balance(&ALICE), alice_free - ITEM_DEPOSIT);
		assert_eq!(held_for_items(NEWCOMER), 0);
		assert_eq!(deposits_held(NEWCOMER), ITEM_DEPOSIT);
		System::assert_last_event(
			Event::AllowanceSpent {
				sponsor: ALICE,
				account: NEWCOMER,
				amount: ITEM_DEPOSIT,
				left: 1_000 - ITEM_DEPOSIT,
			}
			.into(),
		);

		assert_ok!(ticket.drop(&NEWCOMER));
		assert_eq!(held_for_items(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), alice_free);
		assert_eq!(deposits_held(NEWCOMER), 0);
	});
}

#[test]
fn past_the_allowance_the_owner_pays_and_an_owner_with_nothing_is_refused() {
	build_and_execute(|| {
		// Room for two items' deposits, not three.
		sponsor(ALICE, NEWCOMER, 2 * ITEM_DEPOSIT + 1);
		let first = ItemDeposit::new(&NEWCOMER, item()).unwrap();
		let second = ItemDeposit::new(&NEWCOMER, item()).unwrap();
		assert_eq!((first.sponsor(), second.sponsor()), (Some(&ALICE), Some(&ALICE)));

		// The newcomer has no balance: the third is refused, nothing held, the books unchanged.
		assert!(ItemDeposit::new(&NEWCOMER, item()).is_err());
		assert_eq!(held_for_items(ALICE), 2 * ITEM_DEPOSIT);
		assert_eq!(deposits_held(NEWCOMER), 2 * ITEM_DEPOSIT);

		// A sponsored account with a balance of its own (POOR: 20) pays what the allowance
		// does not cover.
		sponsor(BOB, POOR, 49);
		let small = |bytes| Footprint::from_parts(1, bytes);
		assert_eq!(ItemDeposit::new(&POOR, small(5)).unwrap().sponsor(), Some(&BOB), "15 of 49");
		assert!(ItemDeposit::new(&POOR, item()).is_err(), "50 fits neither POOR nor what is left");
		assert_eq!((held_for_items(BOB), held_for_items(POOR)), (15, 0));
		assert_eq!(ItemDeposit::new(&POOR, small(15)).unwrap().sponsor(), Some(&BOB), "25 of 34");
		assert_eq!(ItemDeposit::new(&POOR, small(5)).unwrap().sponsor(), None, "15 > 9 left");
		assert_eq!((held_for_items(BOB), held_for_items(POOR)), (40, 15));
		assert_eq!(deposits_held(POOR), 40);
	});
}

#[test]
fn a_sponsor_who_cannot_hold_the_deposit_leaves_it_to_the_owner() {
	build_and_execute(|| {
		// A sponsor with just enough for the record's deposit, not for an item's.
		const SPARSE: AccountId = 4;
		let record = SponsorshipDeposit::convert(Sponsorship::footprint());
		Balances::set_balance(&SPARSE, record + ITEM_DEPOSIT / 2);
		sponsor(SPARSE, BOB, 1_000);
		let ticket = ItemDeposit::new(&BOB, item()).unwrap();
		assert_eq!(ticket.sponsor(), None);
		assert_eq!(held_for_items(BOB), ITEM_DEPOSIT);
		assert_eq!(deposits_held(BOB), 0, "the allowance is not spent on what BOB paid");
	});
}

#[test]
fn after_the_sponsorship_ends_the_deposit_still_goes_back_to_the_sponsor() {
	build_and_execute(|| {
		sponsor(ALICE, POOR, 1_000);
		let ticket = ItemDeposit::new(&POOR, item()).unwrap();
		assert_ok!(Sponsorship::revoke(RuntimeOrigin::signed(POOR), POOR));
		assert_eq!(held_for_items(ALICE), ITEM_DEPOSIT, "revoking does not free item deposits");

		// A new sponsor's books are not touched by Alice's deposit coming back.
		sponsor(BOB, POOR, 1_000);
		assert_ok!(ticket.drop(&POOR));
		assert_eq!(held_for_items(ALICE), 0);
		assert_eq!(held_for_items(POOR), 0);
		assert_eq!(Sponsorship::left(&POOR), Some(1_000));
	});
}

/// A footprint priced at 100, larger than [`item`]'s 50.
fn larger_item() -> Footprint {
	Footprint::from_parts(1, 90)
}

#[test]
fn a_larger_item_returns_the_old_deposit_to_its_payer_and_is_priced_again() {
	build_and_execute(|| {
		sponsor(ALICE, BOB, 1_000);
		let ticket = ItemDeposit::new(&BOB, item()).unwrap();

		// Still sponsored: the sponsor holds the new amount, the books follow.
		let ticket = ticket.update(&BOB, larger_item()).unwrap();
		assert_eq!((ticket.sponsor(), ticket.amount()), (Some(&ALICE), 100));
		assert_eq!((held_for_items(ALICE), deposits_held(BOB)), (100, 100));
		assert_ok!(ticket.drop(&BOB));

		// Sponsorship over: the old deposit goes back to Alice, Bob pays the larger one.
		let ticket = ItemDeposit::new(&BOB, item()).unwrap();
		assert_ok!(Sponsorship::revoke(RuntimeOrigin::signed(ALICE), BOB));
		let ticket = ticket.update(&BOB, larger_item()).unwrap();
		assert_eq!(ticket.sponsor(), None);
		assert_eq!((held_for_items(ALICE), held_for_items(BOB)), (0, 100));
		assert_ok!(ticket.drop(&BOB));
		assert_eq!(held_for_items(BOB), 0);
	});
}

#[test]
fn an_owner_who_cannot_pay_a_larger_item_after_the_sponsorship_keeps_nothing_changed() {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		sponsor(ALICE, NEWCOMER, 1_000);
		let ticket = ItemDeposit::new(&NEWCOMER, item()).unwrap();
		assert_ok!(Sponsorship::revoke(RuntimeOrigin::signed(ALICE), NEWCOMER));
		// The social pallets call `update` inside a transactional call: a failure rolls back.
		let result = frame_support::storage::with_storage_layer(|| {
			ticket.clone().update(&NEWCOMER, larger_item()).map(|_| ())
		});
		assert!(result.is_err());
		assert_eq!(held_for_items(ALICE), ITEM_DEPOSIT, "still held from Alice");
	});
}

#[test]
fn a_smaller_or_equal_item_keeps_its_payer_and_gives_back_the_difference() {
	build_and_execute(|| {
		sponsor(ALICE, NEWCOMER, 1_000);
		let ticket = ItemDeposit::new(&NEWCOMER, larger_item()).unwrap();
		assert_ok!(Sponsorship::revoke(RuntimeOrigin::signed(ALICE), NEWCOMER));
		// The owner has nothing, and needs nothing: Alice keeps holding, less the difference.
		let ticket = ticket.update(&NEWCOMER, larger_item()).unwrap();
		assert_eq!((ticket.sponsor(), ticket.amount()), (Some(&ALICE), 100));
		let ticket = ticket.update(&NEWCOMER, item()).unwrap();
		assert_eq!((ticket.sponsor(), ticket.amount()), (Some(&ALICE), ITEM_DEPOSIT));
		assert_eq!(held_for_items(ALICE), ITEM_DEPOSIT);
		assert_ok!(ticket.drop(&NEWCOMER));
		assert_eq!(held_for_items(ALICE), 0);
	});
}

#[test]
fn a_ticket_stored_before_sponsorship_reads_back_as_paid_by_its_owner() {
	build_and_execute(|| {
		type Before = HoldConsideration<AccountId, Balances, ItemHoldReason, SponsorshipDeposit>;
		// An item stored by the runtime before sponsorship: the ticket is its record's last field.
		let before = Before::new(&BOB, item()).unwrap();
		let record = (7u32, before).encode();
		let (field, ticket) = <(u32, ItemDeposit)>::decode(&mut &record[..]).unwrap();
		assert_eq!((field, ticket.amount(), ticket.sponsor()), (7, ITEM_DEPOSIT, None));
		assert_eq!(ticket.payer(&BOB), BOB);
		assert_ok!(ticket.drop(&BOB));
		assert_eq!(held_for_items(BOB), 0, "it releases what the old ticket held");

		// Tickets of either kind written now read back as they were.
		sponsor(ALICE, NEWCOMER, 1_000);
		for owner in [NEWCOMER, BOB] {
			let ticket = ItemDeposit::new(&owner, item()).unwrap();
			let encoded = (1u8, ticket.clone()).encode();
			assert!(encoded.len() <= 1 + ItemDeposit::max_encoded_len());
			assert_eq!(<(u8, ItemDeposit)>::decode(&mut &encoded[..]).unwrap().1, ticket);
			assert_ok!(ticket.drop(&owner));
		}
	});
}

#[test]
fn an_item_a_sponsor_pays_for_keeps_its_owner_on_chain_until_it_goes() {
	build_and_execute(|| {
		sponsor(ALICE, NEWCOMER, 1_000);
		let ticket = ItemDeposit::new(&NEWCOMER, item()).unwrap();
		assert_ok!(Sponsorship::revoke(RuntimeOrigin::signed(ALICE), NEWCOMER));
		assert!(System::account_exists(&NEWCOMER), "it can still sign the item's removal");
		assert_ok!(ticket.drop(&NEWCOMER));
		assert!(!System::account_exists(&NEWCOMER), "nothing of it left: gone");
	});
}
