//! Unit tests of the read queries (`queries.rs`) on many posts: ordering, page boundaries,
//! cursors, deleted posts, empty results and full-size pages. The page-size rule itself is
//! tested in `agora-primitives`.

use crate::{mock::*, NextPostId, PostKind, PostPage};
use agora_primitives::{PageSize, PostId, MAX_PAGE_SIZE};
use frame_support::assert_ok;

const BODY: &str = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

fn post(who: AccountId) -> PostId {
	let id = NextPostId::<Test>::get();
	assert_ok!(Posts::create_post(RuntimeOrigin::signed(who), input(BODY), SIZE));
	id
}

fn reply(who: AccountId, parent: PostId) -> PostId {
	let id = NextPostId::<Test>::get();
	assert_ok!(Posts::reply(RuntimeOrigin::signed(who), parent, input(BODY), SIZE));
	id
}

fn size(items: u32) -> PageSize {
	PageSize::new(Some(items)).unwrap()
}

fn ids(page: &PostPage<Test>) -> Vec<PostId> {
	page.items.iter().map(|post| post.id).collect()
}

/// Every page of a query, following the cursors to the end.
fn all_pages(
	limit: u32,
	query: impl Fn(Option<PostId>, PageSize) -> PostPage<Test>,
) -> Vec<Vec<PostId>> {
	let mut pages = Vec::new();
	let mut cursor = None;
	loop {
		let page = query(cursor, size(limit));
		pages.push(ids(&page));
		match page.next {
			Some(next) => cursor = Some(next),
			None => return pages,
		}
	}
}

#[test]
fn an_authors_posts_come_newest_first_in_full_pages_until_the_last() {
	build_and_execute(|| {
		let mut alices = Vec::new();
		for i in 0..250 {
			alices.push(post(ALICE));
			if i % 3 == 0 {
				post(BOB);
			}
		}
		let pages =
			all_pages(MAX_PAGE_SIZE, |before, size| Posts::author_page(&ALICE, before, size));
		assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![100, 100, 50]);
		let walked: Vec<PostId> = pages.concat();
		alices.reverse();
		assert_eq!(walked, alices, "every post once, newest first, no other author's");
	});
}

#[test]
fn a_page_that_ends_exactly_at_the_last_post_has_no_cursor() {
	build_and_execute(|| {
		for _ in 0..10 {
			post(ALICE);
		}
		let page = Posts::author_page(&ALICE, None, size(10));
		assert_eq!(page.items.len(), 10);
		assert_eq!(page.next, None);
		let page = Posts::author_page(&ALICE, None, size(9));
		assert_eq!(page.next, Some(1), "the cursor is the last post returned");
		assert_eq!(ids(&Posts::author_page(&ALICE, Some(1), size(9))), vec![0]);
	});
}

#[test]
fn a_page_of_one_and_a_page_of_the_maximum_size() {
	build_and_execute(|| {
		for _ in 0..(MAX_PAGE_SIZE + 20) {
			post(ALICE);
		}
		let newest = u64::from(MAX_PAGE_SIZE + 19);
		let one = Posts::author_page(&ALICE, None, size(1));
		assert_eq!((ids(&one), one.next), (vec![newest], Some(newest)));
		let full = Posts::author_page(&ALICE, None, size(MAX_PAGE_SIZE));
		assert_eq!(full.items.len(), MAX_PAGE_SIZE as usize);
		assert_eq!(full.next, Some(newest + 1 - u64::from(MAX_PAGE_SIZE)));
	});
}

#[test]
fn unknown_authors_posts_and_cursors_give_empty_pages() {
	build_and_execute(|| {
		post(ALICE);
		assert_eq!(Posts::author_page(&CHARLIE, None, size(10)), PostPage::<Test>::empty());
		assert_eq!(Posts::replies_page(0, None, size(10)), PostPage::<Test>::empty());
		assert_eq!(Posts::replies_page(999, None, size(10)), PostPage::<Test>::empty());
		assert_eq!(Posts::merged_page(&[], None, size(10)), PostPage::<Test>::empty());
		assert_eq!(Posts::post_view(999), None);
		// A cursor before the first post: nothing older.
		assert_eq!(Posts::author_page(&ALICE, Some(0), size(10)), PostPage::<Test>::empty());
	});
}

#[test]
fn deleted_posts_leave_the_pages_and_a_deleted_cursor_still_works() {
	build_and_execute(|| {
		let ids_made: Vec<PostId> = (0..6).map(|_| post(ALICE)).collect();
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), ids_made[4]));
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), ids_made[1]));
		assert_eq!(ids(&Posts::author_page(&ALICE, None, size(10))), vec![5, 3, 2, 0]);
		assert_eq!(ids(&Posts::author_page(&ALICE, Some(4), size(10))), vec![3, 2, 0]);
		assert_eq!(Posts::post_view(4), None);
	});
}

#[test]
fn a_thread_lists_direct_replies_oldest_first_with_counters() {
	build_and_execute(|| {
		let root = post(ALICE);
		let mut replies = Vec::new();
		for i in 0..130 {
			replies.push(reply(if i % 2 == 0 { BOB } else { CHARLIE }, root));
			if i % 10 == 0 {
				post(ALICE); // unrelated posts in between
			}
		}
		let nested = reply(ALICE, replies[0]);
		let pages = all_pages(50, |after, size| Posts::replies_page(root, after, size));
		assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![50, 50, 30]);
		assert_eq!(pages.concat(), replies, "direct replies only, oldest first");

		let first = Posts::post_view(replies[0]).map(|view| (view.kind, view.replies));
		assert_eq!(first, Some((PostKind::Reply { parent: root, root }, 1)));
		assert_eq!(Posts::post_view(root).map(|view| view.replies), Some(130));
		assert_eq!(ids(&Posts::replies_page(replies[0], None, size(10))), vec![nested]);
	});
}

#[test]
fn a_posts_quotes_are_listed_oldest_first_and_a_deleted_quote_leaves_the_list() {
	build_and_execute(|| {
		let quoted = post(ALICE);
		let other = post(BOB);
		let mut quotes = Vec::new();
		for i in 0..60 {
			let who = if i % 2 == 0 { BOB } else { CHARLIE };
			let id = NextPostId::<Test>::get();
			assert_ok!(Posts::quote(RuntimeOrigin::signed(who), quoted, input(BODY), SIZE));
			quotes.push(id);
			reply(who, quoted); // replies are not quotes
			if i % 7 == 0 {
				assert_ok!(Posts::quote(RuntimeOrigin::signed(ALICE), other, input(BODY), SIZE));
			}
		}
		let pages = all_pages(25, |after, size| Posts::quotes_page(quoted, after, size));
		assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![25, 25, 10]);
		assert_eq!(pages.concat(), quotes, "quotes of this post only, oldest first");

		let gone = quotes.remove(3);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(CHARLIE), gone));
		assert_eq!(ids(&Posts::quotes_page(quoted, None, size(100))), quotes);
		assert_eq!(Posts::post_view(quoted).map(|view| view.quotes), Some(59));
		// The cursor of a deleted quote still works.
		assert_eq!(ids(&Posts::quotes_page(quoted, Some(gone), size(2))), quotes[3..5].to_vec());
		assert_eq!(Posts::quotes_page(999, None, size(10)), PostPage::<Test>::empty());
	});
}

#[test]
fn a_merged_page_interleaves_authors_newest_first_and_leaves_others_out() {
	build_and_execute(|| {
		let mut followed = Vec::new();
		for i in 0..120u64 {
			match i % 5 {
				0 | 3 => followed.push(post(ALICE)),
				1 => followed.push(post(BOB)),
				_ => {
					post(CHARLIE);
				},
			}
		}
		followed.reverse();
		let pages = all_pages(25, |before, size| Posts::merged_page(&[ALICE, BOB], before, size));
		assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![25, 25, 22]);
		assert_eq!(pages.concat(), followed, "newest first, Charlie's posts left out");

		let only_bob = Posts::merged_page(&[BOB], None, size(100));
		assert_eq!(ids(&only_bob), ids(&Posts::author_page(&BOB, None, size(100))));
	});
}

#[test]
fn the_query_limits_are_in_the_metadata() {
	use codec::Encode;
	let constants: Vec<_> =
		Posts::pallet_constants_metadata().into_iter().map(|c| (c.name, c.value)).collect();
	assert_eq!(
		constants,
		vec![
			("MaxContentSize", MAX_CONTENT_SIZE.encode()),
			("MaxPageSize", MAX_PAGE_SIZE.encode()),
			("MaxFeedSources", agora_primitives::MAX_FEED_SOURCES.encode()),
		]
	);
}
