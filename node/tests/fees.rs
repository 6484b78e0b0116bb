//! End-to-end: the fee a wallet is quoted (`payment_queryInfo`, `payment_queryFeeDetails`)
//! for a signed post, against the fee the chain then takes for it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::CidInput;
use agora_runtime::{configs::monetary::TransactionByteFee, Balance, RuntimeCall, RuntimeEvent};
use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use sp_keyring::Sr25519Keyring::Alice;

const CID: &str = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

/// A balance as the RPC prints it: a JSON number, a decimal string or `0x…` hex.
fn balance(value: &Value) -> Balance {
	match value {
		Value::Number(number) => number.as_u64().expect("a whole number").into(),
		Value::String(text) => match text.strip_prefix("0x") {
			Some(hex) => Balance::from_str_radix(hex, 16).expect("hex"),
			None => text.parse().expect("decimal"),
		},
		other => panic!("not a balance: {other}"),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn the_quoted_fee_is_what_a_post_pays_at_most_and_its_parts_add_up() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let mut node = DevNode::start_with(&dir.path().join("chain"), &["--instant-seal"]);
	let client = node.client().await;
	let content = CidInput::try_from(CID.as_bytes().to_vec()).unwrap();
	let call = RuntimeCall::Posts(pallet_posts::Call::create_post { content, size: 100 });

	let extrinsic = sign(&client, Alice, call.clone()).await;
	let info: Value =
		client.request("payment_queryInfo", rpc_params![extrinsic.clone()]).await.unwrap();
	let details: Value =
		client.request("payment_queryFeeDetails", rpc_params![extrinsic.clone()]).await.unwrap();
	let quoted = balance(&info["partialFee"]);
	let inclusion = &details["inclusionFee"];
	let (base, length, weight) = (
		balance(&inclusion["baseFee"]),
		balance(&inclusion["lenFee"]),
		balance(&inclusion["adjustedWeightFee"]),
	);
	assert_eq!(info["class"], "normal");
	assert_eq!(length, TransactionByteFee::get() * extrinsic.0.len() as Balance, "per byte");
	assert_eq!(quoted, base + length + weight, "the parts add up to the quote");
	assert!(base > 0 && weight > 0);

	// The post pays the quote or less (unused weight is refunded), never more, and at least
	// the parts that do not depend on weight.
	let outcome = submit_and_watch(&client, Alice, call).await.expect_success();
	let paid = outcome
		.events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, tip, .. },
			) => Some(actual_fee + tip),
			_ => None,
		})
		.expect("a TransactionFeePaid event");
	assert!(paid <= quoted, "paid {paid}, quoted {quoted}");
	assert!(paid >= base + length, "paid {paid}, base + length {}", base + length);
	node.stop();
}
