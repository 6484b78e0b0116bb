//! Unit tests: every call's success path and every error path (`assert_noop!`: nothing
//! changes), with the invariants checked after each test.

use crate::{
	mock::*, newest_first, oldest_first, Error, Event, HoldReason, NextPostId, PostCountByAuthor,
	PostKind, Posts as PostRecords, PostsByAuthor, Quotes, Replies, RepostOf,
};
use agora_primitives::{Cid, PostId, PostsInspect};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

const BODY: &str = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
const OTHER_BODY: &str = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn cid(text: &str) -> Cid {
	Cid::try_from(text).unwrap()
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::PostDeposit.into(), &who)
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Publishes an original post as `who` and returns its id.
fn post(who: AccountId) -> PostId {
	let id = NextPostId::<Test>::get();
	assert_ok!(Posts::create_post(signed(who), input(BODY), SIZE));
	id
}

#[test]
fn create_post_stores_the_post_and_holds_a_deposit() {
	build_and_execute(|| {
		assert_ok!(Posts::create_post(signed(ALICE), input(BODY), SIZE));
		let post = PostRecords::<Test>::get(0).unwrap();
		assert_eq!(post.author, ALICE);
		assert_eq!(post.content, Some(cid(BODY)));
		assert_eq!(post.kind, PostKind::Original);
		assert_eq!(post.created_at, 1);
		assert_eq!(post.revision, 0);
		assert!(held(ALICE) > 0);
		assert!(PostsByAuthor::<Test>::contains_key(ALICE, newest_first(0)));
		assert_eq!(PostCountByAuthor::<Test>::get(ALICE), 1);
		assert_eq!(NextPostId::<Test>::get(), 1);
		System::assert_last_event(
			Event::PostCreated {
				post_id: 0,
				author: ALICE,
				content: cid(BODY),
				size: SIZE,
				kind: PostKind::Original,
			}
			.into(),
		);
		assert_eq!(<Posts as PostsInspect<AccountId>>::post_author(0), Some(ALICE));
		assert!(<Posts as PostsInspect<AccountId>>::post_exists(0));
		assert!(!<Posts as PostsInspect<AccountId>>::post_exists(1));
	});
}

#[test]
fn create_post_with_bad_cid_fails() {
	build_and_execute(|| {
		for bad in ["hello", "", "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5", "f01551220"] {
			assert_noop!(
				Posts::create_post(signed(ALICE), input(bad), SIZE),
				Error::<Test>::InvalidCid
			);
		}
	});
}

#[test]
fn create_post_without_funds_for_the_deposit_fails() {
	build_and_execute(|| {
		assert!(Posts::create_post(signed(POOR), input(BODY), SIZE).is_err());
		assert_eq!(NextPostId::<Test>::get(), 0);
		assert_eq!(held(POOR), 0);
	});
}

#[test]
fn author_index_lists_newest_first() {
	build_and_execute(|| {
		let ids: Vec<PostId> = (0..3).map(|_| post(ALICE)).collect();
		let listed: Vec<PostId> =
			PostsByAuthor::<Test>::iter_key_prefix(ALICE).map(crate::from_newest_first).collect();
		assert_eq!(listed, ids.into_iter().rev().collect::<Vec<_>>());
	});
}

#[test]
fn reply_records_parent_and_root_and_counts() {
	build_and_execute(|| {
		let root = post(ALICE);
		assert_ok!(Posts::reply(signed(BOB), root, input(OTHER_BODY), SIZE));
		let first_reply = 1;
		assert_ok!(Posts::reply(signed(ALICE), first_reply, input(BODY), SIZE));
		let nested = 2;
		assert_eq!(
			PostRecords::<Test>::get(first_reply).unwrap().kind,
			PostKind::Reply { parent: root, root }
		);
		assert_eq!(
			PostRecords::<Test>::get(nested).unwrap().kind,
			PostKind::Reply { parent: first_reply, root }
		);
		assert_eq!(PostRecords::<Test>::get(root).unwrap().replies, 1);
		assert_eq!(PostRecords::<Test>::get(first_reply).unwrap().replies, 1);
		assert!(Replies::<Test>::contains_key(root, oldest_first(first_reply)));
		System::assert_last_event(
			Event::PostCreated {
				post_id: nested,
				author: ALICE,
				content: cid(BODY),
				size: SIZE,
				kind: PostKind::Reply { parent: first_reply, root },
			}
			.into(),
		);
	});
}

#[test]
fn reply_to_a_missing_post_fails() {
	build_and_execute(|| {
		assert_noop!(Posts::reply(signed(BOB), 42, input(BODY), SIZE), Error::<Test>::PostNotFound);
		let id = post(ALICE);
		assert_noop!(Posts::reply(signed(BOB), id, input("junk"), SIZE), Error::<Test>::InvalidCid);
	});
}

#[test]
fn repost_counts_once_per_account() {
	build_and_execute(|| {
		let original = post(ALICE);
		assert_ok!(Posts::repost(signed(BOB), original));
		let repost = 1;
		assert_eq!(
			PostRecords::<Test>::get(repost).unwrap().kind,
			PostKind::Repost { of: original }
		);
		assert_eq!(PostRecords::<Test>::get(repost).unwrap().content, None);
		assert_eq!(PostRecords::<Test>::get(original).unwrap().reposts, 1);
		assert_eq!(RepostOf::<Test>::get(original, BOB), Some(repost));
		System::assert_last_event(
			Event::Reposted { post_id: repost, author: BOB, of: original }.into(),
		);
		assert_noop!(Posts::repost(signed(BOB), original), Error::<Test>::AlreadyReposted);
		// Reposting the repost is reposting the original: still only once.
		assert_noop!(Posts::repost(signed(BOB), repost), Error::<Test>::AlreadyReposted);
	});
}

#[test]
fn reposting_a_repost_reposts_the_original() {
	build_and_execute(|| {
		let original = post(ALICE);
		assert_ok!(Posts::repost(signed(BOB), original));
		assert_ok!(Posts::repost(signed(CHARLIE), 1));
		assert_eq!(PostRecords::<Test>::get(2).unwrap().kind, PostKind::Repost { of: original });
		assert_eq!(PostRecords::<Test>::get(original).unwrap().reposts, 2);
		// Replying to or quoting a repost targets the original too.
		assert_ok!(Posts::reply(signed(CHARLIE), 1, input(BODY), SIZE));
		assert_eq!(
			PostRecords::<Test>::get(3).unwrap().kind,
			PostKind::Reply { parent: original, root: original }
		);
		assert_ok!(Posts::quote(signed(CHARLIE), 1, input(BODY), SIZE));
		assert_eq!(PostRecords::<Test>::get(4).unwrap().kind, PostKind::Quote { of: original });
	});
}

#[test]
fn quote_has_content_and_counts() {
	build_and_execute(|| {
		let original = post(ALICE);
		assert_ok!(Posts::quote(signed(BOB), original, input(OTHER_BODY), SIZE));
		assert_eq!(PostRecords::<Test>::get(1).unwrap().content, Some(cid(OTHER_BODY)));
		assert_eq!(PostRecords::<Test>::get(original).unwrap().quotes, 1);
		// Quoting twice is allowed: each quote says something new.
		assert_ok!(Posts::quote(signed(BOB), original, input(BODY), SIZE));
		assert_eq!(PostRecords::<Test>::get(original).unwrap().quotes, 2);
		assert!(Quotes::<Test>::contains_key(original, oldest_first(1)));
		assert!(Quotes::<Test>::contains_key(original, oldest_first(2)));
		assert_noop!(Posts::quote(signed(BOB), 99, input(BODY), SIZE), Error::<Test>::PostNotFound);
	});
}

#[test]
fn edit_post_bumps_the_revision_and_reports_the_previous_cid() {
	build_and_execute(|| {
		let id = post(ALICE);
		assert_ok!(Posts::edit_post(signed(ALICE), id, input(OTHER_BODY), SIZE));
		let post = PostRecords::<Test>::get(id).unwrap();
		assert_eq!(post.content, Some(cid(OTHER_BODY)));
		assert_eq!(post.revision, 1);
		System::assert_last_event(
			Event::PostEdited {
				post_id: id,
				author: ALICE,
				content: cid(OTHER_BODY),
				size: SIZE,
				previous: cid(BODY),
				revision: 1,
			}
			.into(),
		);
	});
}

#[test]
fn edit_post_errors() {
	build_and_execute(|| {
		let id = post(ALICE);
		assert_noop!(
			Posts::edit_post(signed(BOB), id, input(OTHER_BODY), SIZE),
			Error::<Test>::NotAuthor
		);
		assert_noop!(
			Posts::edit_post(signed(ALICE), id, input(BODY), SIZE),
			Error::<Test>::ContentUnchanged
		);
		assert_noop!(
			Posts::edit_post(signed(ALICE), id, input("x"), SIZE),
			Error::<Test>::InvalidCid
		);
		assert_noop!(
			Posts::edit_post(signed(ALICE), 77, input(OTHER_BODY), SIZE),
			Error::<Test>::PostNotFound
		);
		assert_ok!(Posts::repost(signed(BOB), id));
		assert_noop!(
			Posts::edit_post(signed(BOB), 1, input(OTHER_BODY), SIZE),
			Error::<Test>::NotEditable
		);
	});
}

#[test]
fn delete_post_removes_it_refunds_and_reports_the_cid() {
	build_and_execute(|| {
		let id = post(ALICE);
		assert_ok!(Posts::delete_post(signed(ALICE), id));
		assert!(PostRecords::<Test>::get(id).is_none());
		assert!(!PostsByAuthor::<Test>::contains_key(ALICE, newest_first(id)));
		assert_eq!(PostCountByAuthor::<Test>::get(ALICE), 0);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT);
		System::assert_last_event(
			Event::PostDeleted { post_id: id, author: ALICE, content: Some(cid(BODY)) }.into(),
		);
		// Ids are never reused.
		assert_eq!(post(ALICE), 1);
	});
}

#[test]
fn deleting_a_parent_keeps_its_replies() {
	build_and_execute(|| {
		let parent = post(ALICE);
		assert_ok!(Posts::reply(signed(BOB), parent, input(OTHER_BODY), SIZE));
		assert_ok!(Posts::delete_post(signed(ALICE), parent));
		let reply = PostRecords::<Test>::get(1).unwrap();
		assert_eq!(reply.kind, PostKind::Reply { parent, root: parent });
		assert!(
			Replies::<Test>::contains_key(parent, oldest_first(1)),
			"the thread stays listable"
		);
		// Replying to the deleted parent is not possible any more.
		assert_noop!(
			Posts::reply(signed(BOB), parent, input(BODY), SIZE),
			Error::<Test>::PostNotFound
		);
		// The orphaned reply can still be deleted.
		assert_ok!(Posts::delete_post(signed(BOB), 1));
	});
}

#[test]
fn deleting_replies_reposts_and_quotes_updates_counters() {
	build_and_execute(|| {
		let original = post(ALICE);
		assert_ok!(Posts::reply(signed(BOB), original, input(OTHER_BODY), SIZE));
		assert_ok!(Posts::repost(signed(BOB), original));
		assert_ok!(Posts::quote(signed(BOB), original, input(OTHER_BODY), SIZE));
		assert_ok!(Posts::delete_post(signed(BOB), 1));
		assert_ok!(Posts::delete_post(signed(BOB), 2));
		assert_ok!(Posts::delete_post(signed(BOB), 3));
		let counters = PostRecords::<Test>::get(original).unwrap();
		assert_eq!((counters.replies, counters.reposts, counters.quotes), (0, 0, 0));
		assert!(RepostOf::<Test>::get(original, BOB).is_none());
		assert_eq!(Quotes::<Test>::iter_prefix(original).count(), 0);
		// Reposting again after deleting the repost is allowed.
		assert_ok!(Posts::repost(signed(BOB), original));
	});
}

#[test]
fn delete_post_errors() {
	build_and_execute(|| {
		let id = post(ALICE);
		assert_noop!(Posts::delete_post(signed(BOB), id), Error::<Test>::NotAuthor);
		assert_noop!(Posts::delete_post(signed(ALICE), 9), Error::<Test>::PostNotFound);
	});
}

#[test]
fn no_privileged_origin_can_delete_a_post() {
	build_and_execute(|| {
		let id = post(ALICE);
		assert_noop!(
			Posts::delete_post(RuntimeOrigin::root(), id),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Posts::edit_post(RuntimeOrigin::root(), id, input(OTHER_BODY), SIZE),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn deposits_follow_the_footprint() {
	build_and_execute(|| {
		let id = post(ALICE);
		let original_deposit = held(ALICE);
		// A CIDv1 raw body is a few bytes longer than a CIDv0 one: the deposit follows.
		assert_ok!(Posts::edit_post(signed(ALICE), id, input(OTHER_BODY), SIZE));
		assert!(held(ALICE) > original_deposit);
		assert_ok!(Posts::edit_post(signed(ALICE), id, input(BODY), SIZE));
		assert_eq!(held(ALICE), original_deposit);
	});
}

#[test]
fn a_declared_size_over_the_largest_is_refused_and_larger_bodies_hold_more() {
	build_and_execute(|| {
		assert_noop!(
			Posts::create_post(signed(ALICE), input(BODY), MAX_CONTENT_SIZE + 1),
			Error::<Test>::ContentTooLarge
		);
		assert_ok!(Posts::create_post(signed(ALICE), input(BODY), MAX_CONTENT_SIZE));
		let largest = held(ALICE);
		assert_ok!(Posts::create_post(signed(BOB), input(BODY), SIZE));
		let small = held(BOB);
		// 4 MiB of content is priced as 4 KiB of state; this mock's price is items × bytes
		// (`LinearStoragePrice`), and an original post is 2 items.
		assert_eq!(largest - small, 2 * (4 * 1024 - 1));
		let id = NextPostId::<Test>::get() - 1;
		assert_noop!(
			Posts::edit_post(signed(BOB), id, input(OTHER_BODY), MAX_CONTENT_SIZE + 1),
			Error::<Test>::ContentTooLarge
		);
		// An edit to a larger body holds more; back to a small one, less again.
		assert_ok!(Posts::edit_post(signed(BOB), id, input(OTHER_BODY), 2 * 1024 * 1024));
		assert!(held(BOB) > small + 2000);
		System::assert_last_event(
			Event::PostEdited {
				post_id: id,
				author: BOB,
				content: Cid::parse(OTHER_BODY.as_bytes()).unwrap(),
				size: 2 * 1024 * 1024,
				previous: Cid::parse(BODY.as_bytes()).unwrap(),
				revision: 1,
			}
			.into(),
		);
	});
}
