//! Unit tests of the read queries (`queries.rs`): full walks over many follows, page
//! boundaries, unfollows, empty results and the feed's source cap. The page-size rule itself is
//! tested in `agora-primitives`.

use crate::{mock::*, AccountPage};
use agora_primitives::{PageSize, MAX_PAGE_SIZE};
use frame_support::{assert_ok, traits::fungible::Mutate};

fn follow(follower: AccountId, followee: AccountId) {
	assert_ok!(Follows::follow(RuntimeOrigin::signed(follower), followee));
}

fn size(items: u32) -> PageSize {
	PageSize::new(Some(items)).unwrap()
}

fn all_pages(
	limit: u32,
	query: impl Fn(Option<&AccountId>, PageSize) -> AccountPage<Test>,
) -> Vec<Vec<AccountId>> {
	let mut pages = Vec::new();
	let mut cursor: Option<AccountId> = None;
	loop {
		let page = query(cursor.as_ref(), size(limit));
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
			all_pages(MAX_PAGE_SIZE, |after, size| Follows::following_page(&ALICE, after, size));
		assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![100, 100, 50]);
		assert_eq!(sorted(pages.concat()), followees);
		// The order is the storage order: the same for every walk at the same block.
		let again =
			all_pages(MAX_PAGE_SIZE, |after, size| Follows::following_page(&ALICE, after, size));
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
		let pages = all_pages(7, |after, size| Follows::followers_page(&BOB, after, size));
		assert!(pages.iter().rev().skip(1).all(|page| page.len() == 7));
		let expected: Vec<AccountId> = followers.into_iter().filter(|a| *a != 120).collect();
		assert_eq!(sorted(pages.concat()), expected);
	});
}

#[test]
fn pages_end_without_a_cursor() {
	build_and_execute(|| {
		for followee in 10..15 {
			follow(ALICE, followee);
		}
		assert_eq!(Follows::following_page(&ALICE, None, size(5)).next, None);
		let first = Follows::following_page(&ALICE, None, size(4));
		assert_eq!(first.next.as_ref(), first.items.last());
		assert_eq!(Follows::following_page(&ALICE, None, size(1)).items.len(), 1);
		let all = Follows::following_page(&ALICE, None, size(MAX_PAGE_SIZE));
		assert_eq!((all.items.len(), all.next), (5, None));
	});
}

#[test]
fn unknown_accounts_have_empty_pages() {
	build_and_execute(|| {
		follow(ALICE, BOB);
		assert_eq!(Follows::following_page(&POOR, None, size(10)), AccountPage::<Test>::empty());
		assert_eq!(Follows::followers_page(&ALICE, None, size(10)), AccountPage::<Test>::empty());
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

#[test]
fn the_page_limit_is_in_the_metadata() {
	use codec::Encode;
	let constants: Vec<_> =
		Follows::pallet_constants_metadata().into_iter().map(|c| (c.name, c.value)).collect();
	assert_eq!(constants, vec![("MaxPageSize", MAX_PAGE_SIZE.encode())]);
}
