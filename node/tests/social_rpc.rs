//! End-to-end: the `social_*` query RPC on a real dev node, against state built by signed
//! extrinsics: profiles, feeds, threads, follows and reactions, paging with cursors, and the
//! typed errors of bad cursors, bad page sizes and bad accounts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::CidInput;
use agora_runtime::{RuntimeCall, RuntimeEvent};
use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve};

const BODY: &str = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn ss58(who: Sr25519Keyring) -> String {
	who.to_account_id().to_ss58check()
}

fn body() -> CidInput {
	CidInput::try_from(BODY.as_bytes().to_vec()).expect("fits")
}

async fn call(client: &WsClient, signer: Sr25519Keyring, call: RuntimeCall) -> Vec<RuntimeEvent> {
	submit_and_watch(client, signer, call).await.expect_success().events
}

async fn post(client: &WsClient, author: Sr25519Keyring) -> u64 {
	let events = call(
		client,
		author,
		RuntimeCall::Posts(pallet_posts::Call::create_post { content: body(), size: 100 }),
	)
	.await;
	created_id(&events)
}

fn created_id(events: &[RuntimeEvent]) -> u64 {
	events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::Posts(pallet_posts::Event::PostCreated { post_id, .. }) => Some(*post_id),
			_ => None,
		})
		.expect("a PostCreated event")
}

async fn query(client: &WsClient, method: &str, params: Vec<Value>) -> Value {
	let mut builder = jsonrpsee::core::params::ArrayParams::new();
	for param in params {
		builder.insert(param).expect("serializable");
	}
	client.request(method, builder).await.unwrap_or_else(|e| panic!("{method}: {e}"))
}

async fn query_error(client: &WsClient, method: &str, params: Vec<Value>) -> i32 {
	let mut builder = jsonrpsee::core::params::ArrayParams::new();
	for param in params {
		builder.insert(param).expect("serializable");
	}
	match client.request::<Value, _>(method, builder).await {
		Err(jsonrpsee::core::ClientError::Call(object)) => object.code(),
		other => panic!("{method}: expected a JSON-RPC error, got {other:?}"),
	}
}

fn ids(page: &Value) -> Vec<u64> {
	page["items"].as_array().expect("items").iter().map(|p| p["id"].as_u64().expect("id")).collect()
}

/// Every id of a paged query, following `next` to the end.
async fn walk(client: &WsClient, method: &str, first: Value, limit: u32) -> Vec<u64> {
	let mut all = Vec::new();
	let mut cursor = Value::Null;
	loop {
		let page = query(client, method, vec![first.clone(), cursor, json!(limit)]).await;
		all.extend(ids(&page));
		match &page["next"] {
			Value::Null => return all,
			next => cursor = next.clone(),
		}
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn the_node_answers_social_queries_a_page_at_a_time() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let mut node = DevNode::start_with(&dir.path().join("chain"), &["--instant-seal"]);
	let client = node.client().await;

	// Profiles.
	call(
		&client,
		Alice,
		RuntimeCall::Profiles(pallet_profiles::Call::set_profile { metadata: body(), size: 100 }),
	)
	.await;
	let handle = pallet_profiles::HandleInput::try_from(b"Alice".to_vec()).expect("fits");
	call(&client, Alice, RuntimeCall::Profiles(pallet_profiles::Call::set_handle { handle })).await;
	let profile = query(&client, "social_profile", vec![json!(ss58(Alice))]).await;
	assert_eq!(profile["handle"], "alice");
	assert_eq!(profile["metadata"], BODY);
	assert_eq!(profile["account"], ss58(Alice));
	assert_eq!(query(&client, "social_profileByHandle", vec![json!("ALICE")]).await, profile);
	assert_eq!(query(&client, "social_profile", vec![json!(ss58(Eve))]).await, Value::Null);
	assert_eq!(query(&client, "social_profileByHandle", vec![json!("nobody")]).await, Value::Null);

	// Dave follows Alice, Bob and Charlie, who post in turns; Eve posts too but is not followed.
	for followee in [Alice, Bob, Charlie] {
		let followee = followee.to_account_id();
		call(&client, Dave, RuntimeCall::Follows(pallet_follows::Call::follow { followee })).await;
	}
	let mut followed_posts = Vec::new();
	let mut bobs = Vec::new();
	for round in 0..4 {
		for author in [Alice, Bob, Charlie] {
			let id = post(&client, author).await;
			followed_posts.push(id);
			if author == Bob {
				bobs.push(id);
			}
		}
		if round % 2 == 0 {
			post(&client, Eve).await;
		}
	}
	followed_posts.reverse();
	bobs.reverse();

	let feed = query(&client, "social_feed", vec![json!(ss58(Dave)), Value::Null, json!(5)]).await;
	assert_eq!(feed["sources"], 3);
	assert_eq!(feed["truncated"], false);
	assert_eq!(walk(&client, "social_feed", json!(ss58(Dave)), 5).await, followed_posts);
	let head: Value = client.request("chain_getBlockHash", rpc_params![]).await.expect("hash");
	assert_eq!(walk(&client, "social_authorPosts", json!(ss58(Bob)), 3).await, bobs);
	let empty = query(&client, "social_feed", vec![json!(ss58(Eve))]).await;
	assert_eq!(empty, json!({ "items": [], "next": null, "sources": 0, "truncated": false }));

	// Follow lists and counts.
	let mut following: Vec<String> = Vec::new();
	let mut cursor = Value::Null;
	loop {
		let page =
			query(&client, "social_following", vec![json!(ss58(Dave)), cursor, json!(2)]).await;
		following.extend(
			page["items"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_owned()),
		);
		match &page["next"] {
			Value::Null => break,
			next => cursor = next.clone(),
		}
	}
	following.sort();
	let mut expected: Vec<String> = [Alice, Bob, Charlie].into_iter().map(ss58).collect();
	expected.sort();
	assert_eq!(following, expected);
	let followers = query(&client, "social_followers", vec![json!(ss58(Bob))]).await;
	assert_eq!(followers, json!({ "items": [ss58(Dave)], "next": null }));
	let counts = query(&client, "social_followCounts", vec![json!(ss58(Dave))]).await;
	assert_eq!(counts, json!({ "following": 3, "followers": 0 }));

	// A thread with its replies, and reactions.
	let root = followed_posts[0];
	let mut replies = Vec::new();
	for author in [Bob, Charlie, Eve] {
		let events = call(
			&client,
			author,
			RuntimeCall::Posts(pallet_posts::Call::reply {
				parent: root,
				content: body(),
				size: 100,
			}),
		)
		.await;
		replies.push(created_id(&events));
	}
	assert_eq!(walk(&client, "social_thread", json!(root), 2).await, replies);
	// Its quotes, listed apart from the replies.
	let mut quotes = Vec::new();
	for author in [Charlie, Bob, Eve] {
		let events = call(
			&client,
			author,
			RuntimeCall::Posts(pallet_posts::Call::quote { of: root, content: body(), size: 100 }),
		)
		.await;
		quotes.push(created_id(&events));
	}
	assert_eq!(walk(&client, "social_quotes", json!(root), 2).await, quotes);
	assert_eq!(walk(&client, "social_quotes", json!(replies[0]), 2).await, Vec::<u64>::new());
	for (who, kind) in
		[(Bob, pallet_reactions::ReactionKind::Love), (Eve, pallet_reactions::ReactionKind::Love)]
	{
		call(
			&client,
			who,
			RuntimeCall::Reactions(pallet_reactions::Call::react { post_id: root, kind }),
		)
		.await;
	}
	let post = query(&client, "social_post", vec![json!(root)]).await;
	assert_eq!(post["replies"], 3);
	assert_eq!(post["quotes"], 3);
	assert_eq!(post["reactions"], json!({ "love": 2 }));
	assert_eq!(post["kind"], json!({ "type": "original" }));
	assert_eq!(query(&client, "social_reactions", vec![json!(root)]).await, json!({ "love": 2 }));
	assert_eq!(
		query(&client, "social_reactionOf", vec![json!(root), json!(ss58(Bob))]).await,
		"love"
	);
	assert_eq!(
		query(&client, "social_reactionOf", vec![json!(root), json!(ss58(Dave))]).await,
		Value::Null
	);
	// Who reacted, one per page: both reactors, each once, then no cursor.
	let first = query(&client, "social_reactors", vec![json!(root), Value::Null, json!(1)]).await;
	assert_eq!(first["items"].as_array().map(Vec::len), Some(1));
	let second =
		query(&client, "social_reactors", vec![json!(root), first["next"].clone(), json!(1)]).await;
	assert_eq!(second["next"], Value::Null);
	let mut reactors = vec![first["items"][0].clone(), second["items"][0].clone()];
	reactors.sort_by_key(|reactor| reactor["account"].as_str().map(str::to_owned));
	let mut expected = vec![
		json!({ "account": ss58(Bob), "kind": "love" }),
		json!({ "account": ss58(Eve), "kind": "love" }),
	];
	expected.sort_by_key(|reactor| reactor["account"].as_str().map(str::to_owned));
	assert_eq!(reactors, expected);
	assert_eq!(
		query_error(&client, "social_reactors", vec![json!(root), json!("0x01ff")]).await,
		7101
	);
	assert_eq!(query(&client, "social_post", vec![json!(999_999)]).await, Value::Null);

	// Answers are those of the block asked for: the replies since `head` are not in it.
	let then =
		query(&client, "social_feed", vec![json!(ss58(Dave)), Value::Null, json!(100), head]).await;
	assert_eq!(ids(&then), followed_posts);

	// Bad input: typed errors.
	let bob_cursor =
		query(&client, "social_following", vec![json!(ss58(Dave)), Value::Null, json!(1)]).await
			["next"]
			.clone();
	assert_eq!(
		query_error(&client, "social_feed", vec![json!(ss58(Dave)), bob_cursor]).await,
		7101
	);
	assert_eq!(
		query_error(&client, "social_feed", vec![json!(ss58(Dave)), json!("0xnope")]).await,
		7101
	);
	assert_eq!(
		query_error(&client, "social_thread", vec![json!(root), json!("garbage")]).await,
		7101
	);
	assert_eq!(
		query_error(&client, "social_quotes", vec![json!(root), Value::Null, json!(0)]).await,
		7102
	);
	assert_eq!(
		query_error(&client, "social_feed", vec![json!(ss58(Dave)), Value::Null, json!(101)]).await,
		7102
	);
	assert_eq!(
		query_error(&client, "social_followers", vec![json!(ss58(Dave)), Value::Null, json!(0)])
			.await,
		7102
	);
	assert_eq!(query_error(&client, "social_profile", vec![json!("not-an-account")]).await, -32602);

	node.stop();
}
