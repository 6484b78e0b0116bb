//! End-to-end: the real `agora-node --dev` produces and finalizes blocks, serves the chain
//! properties Polkadot.js apps reads, includes a signed transfer, and keeps its chain across a
//! restart on the same base path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_runtime::{RuntimeCall, UNIT};
use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use sp_keyring::Sr25519Keyring;

#[tokio::test(flavor = "multi_thread")]
async fn dev_chain_seals_finalizes_transfers_and_survives_a_restart() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let base_path = dir.path().join("chain");

	let mut node = DevNode::start(&base_path, 1000);
	let client = node.client().await;

	// Blocks are produced and finalized.
	wait_for("block 2 to be finalized", || async {
		(finalized_number(&client).await >= 2).then_some(())
	})
	.await;

	// Polkadot.js apps reads these to show balances and addresses.
	let properties: Value =
		client.request("system_properties", rpc_params![]).await.expect("system_properties");
	assert_eq!(properties["tokenSymbol"], "AGORA");
	assert_eq!(properties["tokenDecimals"], 12);
	assert_eq!(properties["ss58Format"], 42);

	// A signed transfer from a dev account is included and moves the balance.
	let receiver = Sr25519Keyring::Dave.to_account_id();
	let before = free_balance(&client, &receiver).await;
	assert!(before > 0, "Dave is endowed at genesis");
	let amount = 7 * UNIT;
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: receiver.clone().into(),
		value: amount,
	});
	let extrinsic = sign(&client, Sr25519Keyring::Alice, call).await;
	submit(&client, extrinsic).await;
	wait_for("the transfer to land", || async {
		(free_balance(&client, &receiver).await == before + amount).then_some(())
	})
	.await;
	let alice_nonce: u32 = client
		.request(
			"system_accountNextIndex",
			rpc_params![Sr25519Keyring::Alice.to_account_id().to_string()],
		)
		.await
		.expect("system_accountNextIndex");
	assert_eq!(alice_nonce, 1, "the transfer used Alice's first nonce");

	// Stop, restart on the same base path: the chain continues where it was.
	let height_before_restart = best_number(&client).await;
	drop(client);
	node.stop();

	let mut node = DevNode::start(&base_path, 1000);
	let client = node.client().await;
	let height_after_restart = best_number(&client).await;
	assert!(
		height_after_restart >= height_before_restart,
		"restarted at #{height_after_restart}, below #{height_before_restart}: chain was lost"
	);
	assert_eq!(free_balance(&client, &receiver).await, before + amount, "state survives");
	wait_for("new blocks after the restart", || async {
		(finalized_number(&client).await > height_before_restart).then_some(())
	})
	.await;
	node.stop();
}
