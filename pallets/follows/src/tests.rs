//! Unit tests: every call's success path and every error path (`assert_noop!`: nothing
//! changes), with the invariants checked after each test.

use crate::{
	mock::*, Error, Event, FollowerCount, Followers, Following, FollowingCount, HoldReason,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::FollowDeposit.into(), &who)
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

#[test]
fn follow_records_both_directions_and_holds_a_deposit() {
	build_and_execute(|| {
		assert_ok!(Follows::follow(signed(ALICE), BOB));
		assert!(Following::<Test>::contains_key(ALICE, BOB));
		assert!(Followers::<Test>::contains_key(BOB, ALICE));
		assert_eq!(FollowingCount::<Test>::get(ALICE), 1);
		assert_eq!(FollowerCount::<Test>::get(BOB), 1);
		assert_eq!(FollowingCount::<Test>::get(BOB), 0);
		assert!(held(ALICE) > 0);
		assert_eq!(held(BOB), 0, "the followed account pays nothing");
		assert!(!Following::<Test>::contains_key(BOB, ALICE), "a follow has one direction");
		System::assert_last_event(Event::Followed { follower: ALICE, followee: BOB }.into());
	});
}

#[test]
fn any_account_can_be_followed() {
	build_and_execute(|| {
		// Account 99 has no balance and no profile.
		assert_ok!(Follows::follow(signed(ALICE), 99));
		assert_ok!(Follows::follow(signed(BOB), 99));
		assert_eq!(FollowerCount::<Test>::get(99), 2);
		let followers: Vec<AccountId> = Followers::<Test>::iter_key_prefix(99).collect();
		assert_eq!(followers.len(), 2);
	});
}

#[test]
fn following_yourself_fails() {
	build_and_execute(|| {
		assert_noop!(Follows::follow(signed(ALICE), ALICE), Error::<Test>::CannotFollowSelf);
	});
}

#[test]
fn following_twice_fails() {
	build_and_execute(|| {
		assert_ok!(Follows::follow(signed(ALICE), BOB));
		assert_noop!(Follows::follow(signed(ALICE), BOB), Error::<Test>::AlreadyFollowing);
	});
}

#[test]
fn following_without_funds_for_the_deposit_fails() {
	build_and_execute(|| {
		assert!(Follows::follow(signed(POOR), ALICE).is_err());
		assert!(!Following::<Test>::contains_key(POOR, ALICE));
		assert_eq!(FollowerCount::<Test>::get(ALICE), 0);
	});
}

#[test]
fn unfollow_removes_both_directions_and_refunds() {
	build_and_execute(|| {
		assert_ok!(Follows::follow(signed(ALICE), BOB));
		assert_ok!(Follows::unfollow(signed(ALICE), BOB));
		assert!(!Following::<Test>::contains_key(ALICE, BOB));
		assert!(!Followers::<Test>::contains_key(BOB, ALICE));
		assert_eq!(FollowingCount::<Test>::get(ALICE), 0);
		assert_eq!(FollowerCount::<Test>::get(BOB), 0);
		assert!(!FollowingCount::<Test>::contains_key(ALICE), "zero counters are removed");
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT);
		System::assert_last_event(Event::Unfollowed { follower: ALICE, followee: BOB }.into());
		// Following again works.
		assert_ok!(Follows::follow(signed(ALICE), BOB));
	});
}

#[test]
fn unfollowing_someone_you_do_not_follow_fails() {
	build_and_execute(|| {
		assert_noop!(Follows::unfollow(signed(ALICE), BOB), Error::<Test>::NotFollowing);
		assert_ok!(Follows::follow(signed(BOB), ALICE));
		assert_noop!(Follows::unfollow(signed(ALICE), BOB), Error::<Test>::NotFollowing);
	});
}

#[test]
fn counters_track_many_follows() {
	build_and_execute(|| {
		for followee in 10..20 {
			assert_ok!(Follows::follow(signed(ALICE), followee));
		}
		assert_ok!(Follows::follow(signed(BOB), 10));
		assert_eq!(FollowingCount::<Test>::get(ALICE), 10);
		assert_eq!(FollowerCount::<Test>::get(10), 2);
		assert_eq!(Following::<Test>::iter_key_prefix(ALICE).count(), 10);
		assert_ok!(Follows::unfollow(signed(ALICE), 15));
		assert_eq!(FollowingCount::<Test>::get(ALICE), 9);
	});
}

#[test]
fn no_privileged_origin_can_remove_a_follow() {
	build_and_execute(|| {
		assert_ok!(Follows::follow(signed(ALICE), BOB));
		assert_noop!(
			Follows::unfollow(RuntimeOrigin::root(), BOB),
			sp_runtime::DispatchError::BadOrigin
		);
		assert!(Following::<Test>::contains_key(ALICE, BOB));
	});
}
