//! End-to-end: profiles and posts through signed extrinsics on the real dev chain, checked by
//! the events each extrinsic caused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::{Cid, CidInput};
use agora_runtime::{Runtime, RuntimeCall, RuntimeEvent};
use common::*;
use sp_keyring::Sr25519Keyring::{Alice, Bob};

const PROFILE_DOC: &str = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";
const BODY: &str = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
const REPLY_BODY: &str = "bafybeicg2rebjoofv4kbyovkw7af3rpiitvnl6i7ckcywaq6xjcxnc2mby";
const EDITED_BODY: &str = "bafyreihltcnuuyqp2jm24aqydpnlj7b6w3ogwrplomrjtg5rifv44mmjey";

fn cid_input(text: &str) -> CidInput {
	CidInput::try_from(text.as_bytes().to_vec()).expect("fits")
}

fn cid(text: &str) -> Cid {
	Cid::try_from(text).expect("valid CID")
}

fn posts_event(outcome: &Outcome) -> pallet_posts::Event<Runtime> {
	outcome
		.events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::Posts(event) => Some(event.clone()),
			_ => None,
		})
		.expect("a posts event")
}

#[tokio::test(flavor = "multi_thread")]
async fn profiles_and_posts_through_signed_extrinsics() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let mut node = DevNode::start_with(&dir.path().join("chain"), &["--dev-block-time", "500"]);
	let client = node.client().await;

	// A profile with a handle.
	let outcome = submit_and_watch(
		&client,
		Alice,
		RuntimeCall::Profiles(pallet_profiles::Call::set_profile {
			metadata: cid_input(PROFILE_DOC),
			size: 100,
		}),
	)
	.await
	.expect_success();
	assert!(outcome.events.contains(&RuntimeEvent::Profiles(
		pallet_profiles::Event::ProfileCreated {
			who: Alice.to_account_id(),
			metadata: cid(PROFILE_DOC),
			size: 100,
		}
	)));
	let handle = pallet_profiles::HandleInput::try_from(b"Alice".to_vec()).expect("fits");
	let outcome = submit_and_watch(
		&client,
		Alice,
		RuntimeCall::Profiles(pallet_profiles::Call::set_handle { handle }),
	)
	.await
	.expect_success();
	assert!(outcome.events.contains(&RuntimeEvent::Profiles(pallet_profiles::Event::HandleSet {
		who: Alice.to_account_id(),
		handle: pallet_profiles::normalize_handle(b"alice").expect("valid"),
		previous: None,
	})));

	// A post, a reply to it, an edit and a delete.
	let outcome = submit_and_watch(
		&client,
		Alice,
		RuntimeCall::Posts(pallet_posts::Call::create_post { content: cid_input(BODY), size: 100 }),
	)
	.await
	.expect_success();
	let pallet_posts::Event::PostCreated { post_id, author, content, kind, .. } =
		posts_event(&outcome)
	else {
		panic!("expected PostCreated")
	};
	assert_eq!(
		(author, content, kind),
		(Alice.to_account_id(), cid(BODY), pallet_posts::PostKind::Original)
	);

	let outcome = submit_and_watch(
		&client,
		Bob,
		RuntimeCall::Posts(pallet_posts::Call::reply {
			parent: post_id,
			content: cid_input(REPLY_BODY),
			size: 100,
		}),
	)
	.await
	.expect_success();
	let pallet_posts::Event::PostCreated { kind, author, .. } = posts_event(&outcome) else {
		panic!("expected PostCreated")
	};
	assert_eq!(author, Bob.to_account_id());
	assert_eq!(kind, pallet_posts::PostKind::Reply { parent: post_id, root: post_id });

	// Bob may not edit Alice's post: a typed error, and nothing changes.
	let outcome = submit_and_watch(
		&client,
		Bob,
		RuntimeCall::Posts(pallet_posts::Call::edit_post {
			post_id,
			content: cid_input(EDITED_BODY),
			size: 100,
		}),
	)
	.await;
	assert_eq!(outcome.error(), Some(pallet_posts::Error::<Runtime>::NotAuthor.into()));

	let outcome = submit_and_watch(
		&client,
		Alice,
		RuntimeCall::Posts(pallet_posts::Call::edit_post {
			post_id,
			content: cid_input(EDITED_BODY),
			size: 100,
		}),
	)
	.await
	.expect_success();
	assert_eq!(
		posts_event(&outcome),
		pallet_posts::Event::PostEdited {
			post_id,
			author: Alice.to_account_id(),
			content: cid(EDITED_BODY),
			size: 100,
			previous: cid(BODY),
			revision: 1,
		}
	);

	let outcome = submit_and_watch(
		&client,
		Alice,
		RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id }),
	)
	.await
	.expect_success();
	assert_eq!(
		posts_event(&outcome),
		pallet_posts::Event::PostDeleted {
			post_id,
			author: Alice.to_account_id(),
			content: Some(cid(EDITED_BODY)),
		}
	);

	// A malformed CID is refused with a typed error.
	let outcome = submit_and_watch(
		&client,
		Bob,
		RuntimeCall::Posts(pallet_posts::Call::create_post {
			content: cid_input("not-a-cid"),
			size: 100,
		}),
	)
	.await;
	assert_eq!(outcome.error(), Some(pallet_posts::Error::<Runtime>::InvalidCid.into()));

	node.stop();
}

fn follows_event(outcome: &Outcome) -> pallet_follows::Event<Runtime> {
	outcome
		.events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::Follows(event) => Some(event.clone()),
			_ => None,
		})
		.expect("a follows event")
}

fn reactions_event(outcome: &Outcome) -> pallet_reactions::Event<Runtime> {
	outcome
		.events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::Reactions(event) => Some(event.clone()),
			_ => None,
		})
		.expect("a reactions event")
}

#[tokio::test(flavor = "multi_thread")]
async fn follows_and_reactions_through_signed_extrinsics() {
	use pallet_reactions::ReactionKind::{Downvote, Upvote};
	use sp_keyring::Sr25519Keyring::{Charlie, Dave};

	let dir = tempfile::tempdir().expect("temporary directory");
	let mut node = DevNode::start_with(&dir.path().join("chain"), &["--dev-block-time", "500"]);
	let client = node.client().await;
	let (charlie, dave) = (Charlie.to_account_id(), Dave.to_account_id());
	let follower_count = |who: &agora_runtime::AccountId| {
		pallet_follows::FollowerCount::<Runtime>::hashed_key_for(who)
	};

	// Follow, with the counters and both indexes in step.
	let outcome = submit_and_watch(
		&client,
		Charlie,
		RuntimeCall::Follows(pallet_follows::Call::follow { followee: dave.clone() }),
	)
	.await
	.expect_success();
	assert_eq!(
		follows_event(&outcome),
		pallet_follows::Event::Followed { follower: charlie.clone(), followee: dave.clone() }
	);
	assert_eq!(read_storage::<u32>(&client, &follower_count(&dave)).await, Some(1));
	let following_key = pallet_follows::FollowingCount::<Runtime>::hashed_key_for(&charlie);
	assert_eq!(read_storage::<u32>(&client, &following_key).await, Some(1));

	// Following oneself is refused with a typed error.
	let outcome = submit_and_watch(
		&client,
		Dave,
		RuntimeCall::Follows(pallet_follows::Call::follow { followee: dave.clone() }),
	)
	.await;
	assert_eq!(outcome.error(), Some(pallet_follows::Error::<Runtime>::CannotFollowSelf.into()));

	let outcome = submit_and_watch(
		&client,
		Charlie,
		RuntimeCall::Follows(pallet_follows::Call::unfollow { followee: dave.clone() }),
	)
	.await
	.expect_success();
	assert_eq!(
		follows_event(&outcome),
		pallet_follows::Event::Unfollowed { follower: charlie.clone(), followee: dave.clone() }
	);
	assert_eq!(read_storage::<u32>(&client, &follower_count(&dave)).await, None);

	// A post to react to.
	let outcome = submit_and_watch(
		&client,
		Dave,
		RuntimeCall::Posts(pallet_posts::Call::create_post { content: cid_input(BODY), size: 100 }),
	)
	.await
	.expect_success();
	let pallet_posts::Event::PostCreated { post_id, .. } = posts_event(&outcome) else {
		panic!("expected PostCreated")
	};
	let count_of =
		|kind| pallet_reactions::ReactionCounts::<Runtime>::hashed_key_for(post_id, kind);

	// React, change the reaction, remove it.
	let outcome = submit_and_watch(
		&client,
		Charlie,
		RuntimeCall::Reactions(pallet_reactions::Call::react { post_id, kind: Upvote }),
	)
	.await
	.expect_success();
	assert_eq!(
		reactions_event(&outcome),
		pallet_reactions::Event::Reacted { who: charlie.clone(), post_id, kind: Upvote }
	);
	assert_eq!(read_storage::<u32>(&client, &count_of(Upvote)).await, Some(1));

	let outcome = submit_and_watch(
		&client,
		Charlie,
		RuntimeCall::Reactions(pallet_reactions::Call::react { post_id, kind: Downvote }),
	)
	.await
	.expect_success();
	assert_eq!(
		reactions_event(&outcome),
		pallet_reactions::Event::ReactionChanged {
			who: charlie.clone(),
			post_id,
			from: Upvote,
			to: Downvote,
		}
	);
	assert_eq!(read_storage::<u32>(&client, &count_of(Upvote)).await, None);
	assert_eq!(read_storage::<u32>(&client, &count_of(Downvote)).await, Some(1));

	let outcome = submit_and_watch(
		&client,
		Charlie,
		RuntimeCall::Reactions(pallet_reactions::Call::unreact { post_id }),
	)
	.await
	.expect_success();
	assert_eq!(
		reactions_event(&outcome),
		pallet_reactions::Event::Unreacted { who: charlie.clone(), post_id, kind: Downvote }
	);
	assert_eq!(read_storage::<u32>(&client, &count_of(Downvote)).await, None);

	// Reacting to a post that does not exist is refused.
	let outcome = submit_and_watch(
		&client,
		Charlie,
		RuntimeCall::Reactions(pallet_reactions::Call::react { post_id: 9_999, kind: Upvote }),
	)
	.await;
	assert_eq!(outcome.error(), Some(pallet_reactions::Error::<Runtime>::PostNotFound.into()));

	node.stop();
}
