//! Unit tests: every call's success path and every error path (`assert_noop!`: nothing
//! changes), with the invariants checked after each test. Posts come from a mock provider.

use crate::{
	mock::*, Error, Event, HoldReason, ReactionCounts, ReactionKind, Reactions as ReactionRecords,
};
use agora_primitives::PageSize;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use ReactionKind::*;

const POST: u64 = 7;
const MISSING_POST: u64 = 500;

fn size(items: u32) -> PageSize {
	PageSize::new(Some(items)).unwrap()
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ReactionDeposit.into(), &who)
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

#[test]
fn react_records_the_reaction_counts_it_and_holds_a_deposit() {
	build_and_execute(|| {
		assert_ok!(Reactions::react(signed(ALICE), POST, Like));
		assert_eq!(ReactionRecords::<Test>::get(POST, ALICE).map(|r| r.kind), Some(Like));
		assert_eq!(ReactionCounts::<Test>::get(POST, Like), 1);
		assert!(held(ALICE) > 0);
		System::assert_last_event(Event::Reacted { who: ALICE, post_id: POST, kind: Like }.into());
		assert_ok!(Reactions::react(signed(BOB), POST, Like));
		assert_eq!(ReactionCounts::<Test>::get(POST, Like), 2);
	});
}

#[test]
fn every_kind_can_be_used() {
	build_and_execute(|| {
		let kinds = [Like, Upvote, Downvote, Love, Laugh, Wow, Sad, Angry, Celebrate];
		for (post, kind) in kinds.into_iter().enumerate() {
			assert_ok!(Reactions::react(signed(ALICE), post as u64, kind));
			assert_eq!(ReactionCounts::<Test>::get(post as u64, kind), 1);
		}
	});
}

#[test]
fn reacting_to_a_missing_post_fails() {
	build_and_execute(|| {
		assert_noop!(
			Reactions::react(signed(ALICE), MISSING_POST, Like),
			Error::<Test>::PostNotFound
		);
		MockPosts::delete(POST);
		assert_noop!(Reactions::react(signed(ALICE), POST, Like), Error::<Test>::PostNotFound);
	});
}

#[test]
fn changing_a_reaction_moves_the_count() {
	build_and_execute(|| {
		assert_ok!(Reactions::react(signed(ALICE), POST, Upvote));
		let deposit = held(ALICE);
		assert_ok!(Reactions::react(signed(ALICE), POST, Downvote));
		assert_eq!(ReactionCounts::<Test>::get(POST, Upvote), 0);
		assert!(!ReactionCounts::<Test>::contains_key(POST, Upvote), "zero counts are removed");
		assert_eq!(ReactionCounts::<Test>::get(POST, Downvote), 1);
		assert_eq!(held(ALICE), deposit, "changing costs no extra deposit");
		System::assert_last_event(
			Event::ReactionChanged { who: ALICE, post_id: POST, from: Upvote, to: Downvote }.into(),
		);
	});
}

#[test]
fn reacting_the_same_way_twice_fails() {
	build_and_execute(|| {
		assert_ok!(Reactions::react(signed(ALICE), POST, Love));
		assert_noop!(Reactions::react(signed(ALICE), POST, Love), Error::<Test>::SameReaction);
	});
}

#[test]
fn reacting_without_funds_for_the_deposit_fails() {
	build_and_execute(|| {
		assert!(Reactions::react(signed(POOR), POST, Like).is_err());
		assert!(ReactionRecords::<Test>::get(POST, POOR).is_none());
		assert_eq!(ReactionCounts::<Test>::get(POST, Like), 0);
	});
}

#[test]
fn unreact_removes_the_reaction_and_refunds() {
	build_and_execute(|| {
		assert_ok!(Reactions::react(signed(ALICE), POST, Wow));
		assert_ok!(Reactions::unreact(signed(ALICE), POST));
		assert!(ReactionRecords::<Test>::get(POST, ALICE).is_none());
		assert_eq!(ReactionCounts::<Test>::get(POST, Wow), 0);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT);
		System::assert_last_event(Event::Unreacted { who: ALICE, post_id: POST, kind: Wow }.into());
	});
}

#[test]
fn unreact_works_after_the_post_was_deleted() {
	build_and_execute(|| {
		assert_ok!(Reactions::react(signed(ALICE), POST, Sad));
		MockPosts::delete(POST);
		assert_ok!(Reactions::unreact(signed(ALICE), POST));
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn unreact_without_a_reaction_fails() {
	build_and_execute(|| {
		assert_noop!(Reactions::unreact(signed(ALICE), POST), Error::<Test>::NoReaction);
		assert_ok!(Reactions::react(signed(BOB), POST, Like));
		assert_noop!(Reactions::unreact(signed(ALICE), POST), Error::<Test>::NoReaction);
	});
}

#[test]
fn no_privileged_origin_can_remove_a_reaction() {
	build_and_execute(|| {
		assert_ok!(Reactions::react(signed(ALICE), POST, Like));
		assert_noop!(
			Reactions::unreact(RuntimeOrigin::root(), POST),
			sp_runtime::DispatchError::BadOrigin
		);
		assert!(ReactionRecords::<Test>::get(POST, ALICE).is_some());
	});
}

#[test]
fn queries_count_by_kind_and_name_each_accounts_reaction() {
	build_and_execute(|| {
		assert_eq!(Reactions::reaction_counts(POST), vec![]);
		assert_ok!(Reactions::react(signed(ALICE), POST, Love));
		assert_ok!(Reactions::react(signed(BOB), POST, Like));
		assert_eq!(Reactions::reaction_counts(POST), vec![(Like, 1), (Love, 1)]);
		assert_eq!(Reactions::reaction_of(POST, &ALICE), Some(Love));
		assert_eq!(Reactions::reaction_of(POST, &POOR), None);
		// A changed reaction moves its count; a kind nobody uses any more is left out.
		assert_ok!(Reactions::react(signed(ALICE), POST, Like));
		assert_eq!(Reactions::reaction_counts(POST), vec![(Like, 2)]);
		assert_ok!(Reactions::unreact(signed(BOB), POST));
		assert_eq!(Reactions::reaction_counts(POST), vec![(Like, 1)]);
		assert_eq!(Reactions::reaction_of(POST, &BOB), None);
	});
}

#[test]
fn reactors_come_a_page_at_a_time_and_each_once() {
	build_and_execute(|| {
		use frame_support::traits::fungible::Mutate;
		assert_eq!(Reactions::reactors_page(POST, None, size(10)).items, vec![]);
		let reactors: Vec<AccountId> = (200..225).collect();
		for (i, who) in reactors.iter().enumerate() {
			Balances::set_balance(who, ENDOWMENT);
			let kind = if i % 2 == 0 { Like } else { Wow };
			assert_ok!(Reactions::react(signed(*who), POST, kind));
		}
		// Another post's reactions never show up.
		assert_ok!(Reactions::react(signed(ALICE), POST + 1, Sad));

		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Reactions::reactors_page(POST, after.as_ref(), size(10));
			assert!(page.items.len() <= 10);
			seen.extend(page.items);
			match page.next {
				Some(next) => after = Some(next),
				None => break,
			}
		}
		assert_eq!(seen.len(), reactors.len());
		for (who, kind) in &seen {
			assert_eq!(Reactions::reaction_of(POST, who), Some(*kind));
		}
		let mut accounts: Vec<_> = seen.iter().map(|(who, _)| *who).collect();
		accounts.sort();
		assert_eq!(accounts, reactors);

		// A page that ends exactly at the last reactor has no cursor; a larger one holds them all.
		assert_eq!(Reactions::reactors_page(POST, None, size(25)).next, None);
		assert_eq!(Reactions::reactors_page(POST, None, size(1)).items.len(), 1);
		assert_eq!(Reactions::reactors_page(POST, None, size(100)).items.len(), 25);
	});
}

#[test]
fn the_page_limit_is_in_the_metadata() {
	use codec::Encode;
	let constants: Vec<_> =
		Reactions::pallet_constants_metadata().into_iter().map(|c| (c.name, c.value)).collect();
	assert_eq!(constants, vec![("MaxPageSize", agora_primitives::MAX_PAGE_SIZE.encode())]);
}
