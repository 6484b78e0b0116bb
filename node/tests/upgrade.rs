//! End-to-end: a forkless runtime upgrade of a running dev chain. The chain is upgraded
//! (`sudo.sudo(system.set_code(..))`, enacted through the mocked relay chain's go-ahead) to the
//! `upgrade-test` build of the runtime (`agora_runtime::upgrade_test_wasm`): a higher
//! `spec_version` and a `PostCreated` event this node binary's types cannot decode. The test
//! shows that the upgrade loses nothing (posts, deposits) and that the pinning follower, which
//! asks each block's own runtime what the block did to content, keeps pinning and unpinning
//! on a node that was not restarted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::CidInput;
use agora_runtime::{RuntimeCall, RuntimeEvent};
use codec::Decode;
use common::{ipfs::IpfsDaemon, *};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::{json, Value};
use sp_core::{crypto::Ss58Codec, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob};

fn create_post(cid: &str) -> RuntimeCall {
	let content = CidInput::try_from(cid.as_bytes().to_vec()).expect("fits");
	RuntimeCall::Posts(pallet_posts::Call::create_post { content })
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

#[tokio::test(flavor = "multi_thread")]
async fn a_forkless_upgrade_keeps_every_post_and_pinning_follows_the_new_runtime() {
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

	// Before the upgrade: Alice posts a body nobody pinned; the follower pins it.
	let before = daemon.add_unpinned(b"posted before the upgrade").await;
	let outcome = submit_and_watch(&client, Alice, create_post(&before)).await.expect_success();
	let post_before = outcome
		.events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::Posts(pallet_posts::Event::PostCreated { post_id, .. }) => Some(*post_id),
			_ => None,
		})
		.expect("a PostCreated event");
	wait_pinned(&daemon, &before, true).await;
	let alice_before = account_data(&client, &Alice.to_account_id()).await;
	let post_view_before = social_post(&client, post_before).await;

	// The upgrade: Root sets the new code; the next block enacts it.
	let set_code = RuntimeCall::System(frame_system::Call::set_code { code });
	submit_and_watch(
		&client,
		Alice,
		RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(set_code) }),
	)
	.await
	.expect_success();
	wait_for("the upgraded runtime", || async {
		(spec_version(&client).await > spec_before).then_some(())
	})
	.await;

	// Nothing was lost: the post reads the same, Alice's deposit is still held.
	assert_eq!(social_post(&client, post_before).await, post_view_before);
	let canonical = agora_primitives::Cid::try_from(before.as_str()).unwrap().to_text();
	assert_eq!(post_view_before["content"], json!(canonical));
	assert_eq!(post_view_before["author"], json!(Alice.to_account_id().to_ss58check()));
	let alice_after = account_data(&client, &Alice.to_account_id()).await;
	assert_eq!(alice_after.reserved, alice_before.reserved, "deposits held across the upgrade");

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
		RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: post_before }),
	)
	.await;
	wait_pinned(&daemon, &before, false).await;
	assert!(daemon.is_pinned(&after).await);
	assert_eq!(social_post(&client, post_before).await["content"], Value::Null);

	node.stop();
}
