//! Unit tests of the read queries (`queries.rs`): full walks over many follows, page
//! boundaries, unfollows, empty results, oversized page requests and the feed's source cap.

use crate::{mock::*, AccountPage};
use agora_primitives::MAX_PAGE_SIZE;
use frame_support::{assert_ok, traits::fungible::Mutate};

fn follow(follower: AccountId, followee: AccountId) {
	assert_ok!(Follows::follow(RuntimeOrigin::signed(follower), followee));
}

fn all_pages(
	limit: u32,
	query: impl Fn(Option<&AccountId>, u32) -> AccountPage<Test>,
) -> Vec<Vec<AccountId>> {
	let mut pages = Vec::new();
	let mut cursor: Option<AccountId> = None;
	loop {
		let page = query(cursor.as_ref(), limit);
		pages.push(page.items.clone());
		match page.next {
			Some(next) => cursor = Some(next),
			None => return pages,
		}
	}
}

fn sorted(mut accounts: Vec<AccountId>) -> Vec<AccountId> {
	accounts.sort_unstable();
	accounts
}

#[test]
fn following_pages_walk_every_followee_once() {
	build_and_execute(|| {
		let followees: Vec<AccountId> = (100..350).collect();
		for followee in &followees {
			follow(ALICE, *followee);
		}
		follow(BOB, 7);
		let pages =
			all_pages(MAX_PAGE_SIZE, |after, limit| Follows::following_page(&ALICE, after, limit));
		assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![100, 100, 50]);
		assert_eq!(sorted(pages.concat()), followees);
		// The order is the storage order: the same for every walk at the same block.
		let again =
			all_pages(MAX_PAGE_SIZE, |after, limit| Follows::following_page(&ALICE, after, limit));
		assert_eq!(again, pages);
	});
}

#[test]
fn followers_pages_walk_every_follower_once_and_drop_unfollowers() {
	build_and_execute(|| {
		let followers: Vec<AccountId> = (100..160).collect();
		for follower in &followers {
			Balances::set_balance(follower, ENDOWMENT);
			follow(*follower, BOB);
		}
		assert_ok!(Follows::unfollow(RuntimeOrigin::signed(120), BOB));
		let pages = all_pages(7, |after, limit| Follows::followers_page(&BOB, after, limit));
		assert!(pages.iter().rev().skip(1).all(|page| page.len() == 7));
		let expected: Vec<AccountId> = followers.into_iter().filter(|a| *a != 120).collect();
		assert_eq!(sorted(pages.concat()), expected);
	});
}

#[test]
fn pages_end_without_a_cursor_and_sizes_are_cut() {
	build_and_execute(|| {
		for followee in 10..15 {
			follow(ALICE, followee);
		}
		assert_eq!(Follows::following_page(&ALICE, None, 5).next, None);
		let first = Follows::following_page(&ALICE, None, 4);
		assert_eq!(first.next.as_ref(), first.items.last());
		assert_eq!(Follows::following_page(&ALICE, None, 0).items.len(), 1);
		assert_eq!(Follows::following_page(&ALICE, None, u32::MAX).items.len(), 5);
	});
}

#[test]
fn unknown_accounts_have_empty_pages() {
	build_and_execute(|| {
		follow(ALICE, BOB);
		assert_eq!(Follows::following_page(&POOR, None, 10), AccountPage::<Test>::empty());
		assert_eq!(Follows::followers_page(&ALICE, None, 10), AccountPage::<Test>::empty());
		assert_eq!(Follows::followed_up_to(&POOR, 10), (vec![], false));
	});
}

#[test]
fn the_feed_sources_are_capped_and_say_so() {
	build_and_execute(|| {
		for followee in 100..130 {
			follow(ALICE, followee);
		}
		let (some, more) = Follows::followed_up_to(&ALICE, 20);
		assert_eq!((some.len(), more), (20, true));
		let (all, more) = Follows::followed_up_to(&ALICE, 30);
		assert_eq!((sorted(all), more), ((100..130).collect(), false));
	});
}
