//! What the common social calls cost, and that the fee follows its documented rate: FRAME's
//! reference base weight of an extrinsic (the yardstick of fees, not the chain's measured base
//! weight) costs `FEE_PER_BASE_EXTRINSIC_WEIGHT` (0.1 milli-AGORA), every byte
//! `TransactionByteFee` (10 micro-AGORA). Run with `--nocapture` for the README's fee table:
//! `cargo test --release -p agora-runtime --test fees -- --nocapture`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::CidInput;
use agora_runtime::{
	configs::monetary::TransactionByteFee, Balance, Runtime, RuntimeCall, WeightToFee,
	FEE_PER_BASE_EXTRINSIC_WEIGHT, MILLI_UNIT,
};
use codec::Encode;
use common::signed_extrinsic;
use frame_support::{
	dispatch::GetDispatchInfo,
	weights::{
		constants::ExtrinsicBaseWeight as FrameReferenceExtrinsicBaseWeight, WeightToFee as _,
	},
};
use pallet_reactions::ReactionKind;
use sp_keyring::Sr25519Keyring;

/// A CIDv1 as `ipfs add --cid-version 1` prints it for a small text body.
fn body() -> CidInput {
	CidInput::truncate_from(b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4".to_vec())
}

/// The fee of `call` sent as a wallet sends it, without a tip, split into its weight part and
/// its length part, at the genesis fee multiplier (1).
fn fee_of(call: RuntimeCall) -> (Balance, Balance, Balance) {
	let extrinsic = signed_extrinsic(call);
	let length = extrinsic.encoded_size() as u32;
	let info = extrinsic.get_dispatch_info();
	sp_io::TestExternalities::default().execute_with(|| {
		let details =
			pallet_transaction_payment::Pallet::<Runtime>::compute_fee_details(length, &info, 0);
		let fee = details.final_fee();
		let inclusion = details.inclusion_fee.expect("a signed call pays an inclusion fee");
		let weight = inclusion.base_fee.saturating_add(inclusion.adjusted_weight_fee);
		(fee, weight, inclusion.len_fee)
	})
}

/// Whether `fee` is `expected` up to the polynomial's Perbill rounding (one part in 10^6).
fn about(fee: Balance, expected: Balance) -> bool {
	fee.abs_diff(expected) <= expected / 1_000_000
}

#[test]
fn the_reference_base_extrinsic_weight_costs_a_tenth_of_a_milli_agora() {
	assert_eq!(FEE_PER_BASE_EXTRINSIC_WEIGHT, MILLI_UNIT / 10);
	let base = WeightToFee::weight_to_fee(&FrameReferenceExtrinsicBaseWeight::get());
	assert!(about(base, MILLI_UNIT / 10), "{base}");
	let ten =
		WeightToFee::weight_to_fee(&FrameReferenceExtrinsicBaseWeight::get().saturating_mul(10));
	assert!(about(ten, MILLI_UNIT), "{ten}");
}

#[test]
fn social_calls_cost_what_the_readme_says() {
	let bob = Sr25519Keyring::Bob.to_account_id();
	let calls = [
		(
			"post",
			RuntimeCall::Posts(pallet_posts::Call::create_post { content: body(), size: 100 }),
		),
		(
			"reply",
			RuntimeCall::Posts(pallet_posts::Call::reply { parent: 0, content: body(), size: 100 }),
		),
		(
			"react",
			RuntimeCall::Reactions(pallet_reactions::Call::react {
				post_id: 0,
				kind: ReactionKind::Like,
			}),
		),
		("follow", RuntimeCall::Follows(pallet_follows::Call::follow { followee: bob })),
	];
	println!("| call | fee | weight part | length part |");
	println!("| --- | --- | --- | --- |");
	let milli = |fee: Balance| fee as f64 / MILLI_UNIT as f64;
	for (name, call) in calls {
		let length = signed_extrinsic(call.clone()).encoded_size() as Balance;
		let (fee, weight, len) = fee_of(call);
		println!(
			"| {name} | {:.3} mAGORA | {:.3} | {:.3} ({length} B) |",
			milli(fee),
			milli(weight),
			milli(len)
		);
		assert_eq!(len, length * TransactionByteFee::get(), "{name}: length fee per byte");
		assert_eq!(fee, weight + len, "{name}: no tip, so weight and length make the fee");
		// Every social call weighs more than a bare extrinsic, and is priced at the same rate.
		assert!(weight > FEE_PER_BASE_EXTRINSIC_WEIGHT, "{name}: weight fee {weight}");
		assert!(weight < 100 * FEE_PER_BASE_EXTRINSIC_WEIGHT, "{name}: weight fee {weight}");
	}
}
