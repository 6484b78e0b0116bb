//! End-to-end: a forkless runtime upgrade of a running dev chain. The chain holds a profile
//! and handle, posts of every kind, a follow, a reaction and their deposits; it is upgraded
//! (`sudo.sudo(system.set_code(..))`, enacted through the mocked relay chain's go-ahead) to the
//! `upgrade-test` build of the runtime (`agora_runtime::upgrade_test_wasm`): a higher
//! `spec_version` and a `PostCreated` event this node binary's types cannot decode. The test
//! shows that the upgrade loses nothing (every key and value of the social pallets and of the
//! balance holds is unchanged), that a client connected before keeps working (its
//! subscription keeps delivering blocks), that the new code's `TryRuntime` checks pass on the
//! live state (its upgrade checks, and a block made after the upgrade re-executed with state
//! root, signatures and every `try_state` checked), and that the pinning follower, which asks each
//! block's own runtime what the block did to content, keeps pinning and unpinning on a node
//! that was not restarted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::CidInput;
use agora_runtime::{Header, RuntimeCall, RuntimeEvent};
use codec::Decode;
use common::{ipfs::IpfsDaemon, *};
use jsonrpsee::{
	core::client::{ClientT, SubscriptionClientT},
	rpc_params,
	ws_client::WsClient,
};
use serde_json::{json, Value};
use sp_core::{
	storage::{StorageData, StorageKey},
	Bytes, H256,
};
use sp_io::hashing::twox_128;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie};

fn cid(text: &str) -> CidInput {
	CidInput::try_from(text.as_bytes().to_vec()).expect("fits")
}

fn create_post(body: &str) -> RuntimeCall {
	RuntimeCall::Posts(pallet_posts::Call::create_post { content: cid(body), size: 100 })
}

async fn call(client: &WsClient, signer: Sr25519Keyring, call: RuntimeCall) -> Outcome {
	submit_and_watch(client, signer, call).await.expect_success()
}

async fn social_post(client: &WsClient, id: u64) -> Value {
	client.request("social_post", rpc_params![id]).await.expect("social_post")
}

async fn wait_pinned(daemon: &IpfsDaemon, cid: &str, pinned: bool) {
	wait_for(&format!("{cid} pinned = {pinned}"), || async {
		(daemon.is_pinned(cid).await == pinned).then_some(())
	})
	.await
}

/// Every key and value of the social pallets and of the balance holds (the deposits), at the
/// best block.
async fn social_state(client: &WsClient) -> Vec<(StorageKey, StorageData)> {
	let mut state = Vec::new();
	let holds = [twox_128(b"Balances"), twox_128(b"Holds")].concat();
	let pallets = ["Profiles", "Posts", "Follows", "Reactions"].map(|p| twox_128(p.as_bytes()));
	for prefix in pallets.iter().map(|p| p.to_vec()).chain([holds]) {
		let pairs: Vec<(StorageKey, StorageData)> = client
			.request("state_getPairs", rpc_params![StorageKey(prefix), Option::<H256>::None])
			.await
			.expect("state_getPairs");
		state.extend(pairs);
	}
	state
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forkless_upgrade_keeps_everything_and_pinning_follows_the_new_runtime() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let daemon = IpfsDaemon::start(&dir.path().join("ipfs"));
	let api = daemon.api();
	let mut node = DevNode::start_with(
		&dir.path().join("chain"),
		&["--dev-block-time", "1000", "--ipfs-api", &api, "--ipfs-pin"],
	);
	let client = node.client().await;
	let code = agora_runtime::upgrade_test_wasm::WASM_BINARY
		.expect("the node's build makes the upgrade-test runtime")
		.to_vec();
	let spec_before = spec_version(&client).await;

	// Before the upgrade: a profile and handle, an original post whose body nobody pinned (the
	// follower pins it), a reply, a quote, a repost, a follow and a reaction.
	let before = daemon.add_unpinned(b"posted before the upgrade").await;
	let profile = daemon.add_unpinned(b"{\"name\":\"Alice\"}").await;
	call(
		&client,
		Alice,
		RuntimeCall::Profiles(pallet_profiles::Call::set_profile {
			metadata: cid(&profile),
			size: 100,
		}),
	)
	.await;
	let handle = pallet_profiles::HandleInput::try_from(b"alice".to_vec()).unwrap();
	call(&client, Alice, RuntimeCall::Profiles(pallet_profiles::Call::set_handle { handle })).await;
	let outcome = call(&client, Alice, create_post(&before)).await;
	let original = outcome
		.events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::Posts(pallet_posts::Event::PostCreated { post_id, .. }) => Some(*post_id),
			_ => None,
		})
		.expect("a PostCreated event");
	let other = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";
	call(
		&client,
		Bob,
		RuntimeCall::Posts(pallet_posts::Call::reply {
			parent: original,
			content: cid(other),
			size: 100,
		}),
	)
	.await;
	call(
		&client,
		Bob,
		RuntimeCall::Posts(pallet_posts::Call::quote {
			of: original,
			content: cid(other),
			size: 100,
		}),
	)
	.await;
	call(&client, Charlie, RuntimeCall::Posts(pallet_posts::Call::repost { of: original })).await;
	call(
		&client,
		Bob,
		RuntimeCall::Follows(pallet_follows::Call::follow { followee: Alice.to_account_id() }),
	)
	.await;
	call(
		&client,
		Charlie,
		RuntimeCall::Reactions(pallet_reactions::Call::react {
			post_id: original,
			kind: pallet_reactions::ReactionKind::Like,
		}),
	)
	.await;
	wait_pinned(&daemon, &before, true).await;
	wait_pinned(&daemon, &profile, true).await;
	let state_before = social_state(&client).await;
	let post_view_before = social_post(&client, original).await;
	assert_eq!(post_view_before["replies"], 1);
	assert_eq!(post_view_before["reactions"], json!({ "like": 1 }));

	// A client connected before the upgrade, following finalized blocks.
	let mut heads = client
		.subscribe::<Header, _>(
			"chain_subscribeFinalizedHeads",
			rpc_params![],
			"chain_unsubscribeFinalizedHeads",
		)
		.await
		.expect("a subscription");

	// The upgrade: Root sets the new code; the next block enacts it.
	let set_code = RuntimeCall::System(frame_system::Call::set_code { code });
	call(&client, Alice, RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: set_code.into() }))
		.await;
	wait_for("the upgraded runtime", || async {
		(spec_version(&client).await > spec_before).then_some(())
	})
	.await;
	let upgraded_at = best_number(&client).await;

	// Nothing was lost: every item and every deposit hold is as it was, and reads the same.
	assert_eq!(social_state(&client).await, state_before, "the upgrade changed social state");
	assert_eq!(social_post(&client, original).await, post_view_before);
	let canonical = agora_primitives::Cid::try_from(before.as_str()).unwrap().to_text();
	assert_eq!(post_view_before["content"], json!(canonical));
	// The upgraded code carries the `TryRuntime` API: its upgrade checks and every pallet's
	// `try_state` pass on the live chain's state (a failed check panics in the runtime and comes
	// back as an RPC error).
	let checks_all = 1u8; // `UpgradeCheckSelect::All`
	let weights: Bytes = client
		.request(
			"state_call",
			rpc_params!["TryRuntime_on_runtime_upgrade", Bytes(vec![checks_all])],
		)
		.await
		.expect("try-runtime upgrade checks and try_state pass on live state");
	assert!(!weights.0.is_empty());

	// Blocks keep coming, and the subscription opened before the upgrade keeps delivering.
	loop {
		let head = tokio::time::timeout(PATIENCE, heads.next())
			.await
			.expect("heads keep coming")
			.expect("the subscription stays open")
			.expect("a header decodes");
		if head.number > upgraded_at + 2 {
			break;
		}
	}

	// A block made under the new code re-executes under it, with its state root and every
	// signature checked and every pallet's `try_state` after it.
	let block = head_after_upgrade(&client, upgraded_at + 2).await;
	let execute = Bytes([block.0, vec![1, 1, 1 /* TryStateSelect::All */]].concat());
	let parent = block.1;
	let weight: Bytes = client
		.request("state_call", rpc_params!["TryRuntime_execute_block", execute, parent])
		.await
		.expect("try-runtime re-executes a block of the upgraded chain");
	assert!(!weight.0.is_empty());

	// After the upgrade, Bob posts. The block's events no longer decode with this binary's
	// types (what the follower used to read them with) ...
	let after = daemon.add_unpinned(b"posted after the upgrade").await;
	let (block, _) = submit_and_include(&client, Bob, create_post(&after)).await;
	let raw = raw_events(&client, block).await;
	assert!(
		Vec::<frame_system::EventRecord<RuntimeEvent, H256>>::decode(&mut &raw[..]).is_err(),
		"the upgraded runtime's events differ from this binary's"
	);
	// ... and the follower, asking the block's own runtime, pins the new post's body.
	wait_pinned(&daemon, &after, true).await;

	// Deleting the old post after the upgrade releases its body: the follower's pin goes.
	submit_and_include(
		&client,
		Alice,
		RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: original }),
	)
	.await;
	wait_pinned(&daemon, &before, false).await;
	assert!(daemon.is_pinned(&after).await);
	assert!(daemon.is_pinned(&profile).await);

	node.stop();
}

/// Block `number` SCALE-encoded as the runtime takes it, and its parent's hash.
async fn head_after_upgrade(client: &WsClient, number: u32) -> (Vec<u8>, H256) {
	use codec::{Compact, Encode};
	let hash: H256 =
		client.request("chain_getBlockHash", rpc_params![number]).await.expect("a block hash");
	let block: Value = client.request("chain_getBlock", rpc_params![hash]).await.expect("a block");
	let header: Header = serde_json::from_value(block["block"]["header"].clone()).unwrap();
	let extrinsics: Vec<Bytes> =
		serde_json::from_value(block["block"]["extrinsics"].clone()).unwrap();
	// Each extrinsic as RPC gives it is already its own encoding, length prefix included.
	let mut encoded = header.encode();
	Compact(extrinsics.len() as u32).encode_to(&mut encoded);
	for extrinsic in &extrinsics {
		encoded.extend_from_slice(&extrinsic.0);
	}
	(encoded, header.parent_hash)
}
