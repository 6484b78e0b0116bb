//! How many `create_post` calls, and how many calls of Bluesky's mix, one block can carry,
//! from the runtime's block limits and the generated weights, and which limit binds. This is the bound `CheckWeight` enforces before
//! dispatch, with each post charged its benchmarked worst case; storage-weight reclaim gives
//! back the proof a post did not use after it ran, so live blocks can carry more. `benches/README.md` quotes the figures; run
//! `cargo test --release -p agora-runtime --test block_capacity -- --nocapture` to see them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::{CidInput, ReactionKind};
use agora_runtime::{
	configs::{RuntimeBlockLength, RuntimeBlockWeights},
	RuntimeCall, UncheckedExtrinsic,
};
use codec::Encode;
use common::signed_extrinsic;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	weights::Weight,
};
use sp_runtime::AccountId32;

/// A signed `create_post` as a wallet would send it (a mortal era, the longest accepted CID).
fn create_post_extrinsic() -> UncheckedExtrinsic {
	let content = CidInput::truncate_from(
		b"bafk2bzaceddrwbp5duohx57jfd7rrzmnwumt5eywifwme25jzsijjwua24ar4".to_vec(),
	);
	signed_extrinsic(RuntimeCall::Posts(pallet_posts::Call::create_post { content, size: 100 }))
}

#[test]
fn a_block_carries_at_least_500_posts_before_reclaim() {
	let extrinsic = create_post_extrinsic();
	assert_eq!(extrinsic.get_dispatch_info().class, DispatchClass::Normal);

	let per_post = block_weight_of(&extrinsic);
	let limit = RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.expect("the normal class has a limit");
	let by_ref_time = limit.ref_time() / per_post.ref_time();
	let by_proof_size = limit.proof_size() / per_post.proof_size().max(1);

	let length = extrinsic.encoded_size() as u64;
	let max_length = u64::from(*RuntimeBlockLength::get().max.get(DispatchClass::Normal));
	let by_length = max_length / length;

	let posts = by_ref_time.min(by_proof_size).min(by_length);
	let binding = if posts == by_ref_time {
		"ref_time"
	} else if posts == by_proof_size {
		"proof_size"
	} else {
		"block length"
	};
	println!(
		"create_post: {} ps ref_time, {} B proof (call + extensions + base extrinsic), {length} B \
		 encoded\nnormal-class limits: {} ps, {} B proof, {max_length} B\nposts per block: \
		 {by_ref_time} by ref_time, {by_proof_size} by proof size, {by_length} by length → \
		 {posts}, bound by {binding}",
		per_post.ref_time(),
		per_post.proof_size(),
		limit.ref_time(),
		limit.proof_size(),
	);
	assert!(posts >= 500, "a 6 s block should carry at least 500 posts, carries {posts}");
}

/// What a signed call costs a block of the normal class: the call, its transaction extensions
/// and the base extrinsic weight.
fn block_weight_of(extrinsic: &UncheckedExtrinsic) -> Weight {
	let normal_base = RuntimeBlockWeights::get().get(DispatchClass::Normal).base_extrinsic;
	extrinsic.get_dispatch_info().total_weight().saturating_add(normal_base)
}

/// Bluesky's November 2024 day (3 M posts, 18 M likes, 10 M follows) as calls per 360: the mix
/// `benches/live.sh mix` sends. 2,160 of them per 6 s block is that day's average rate.
#[test]
fn the_bluesky_mix_fits_2160_calls_per_block_by_weight() {
	let post = block_weight_of(&create_post_extrinsic());
	let react =
		block_weight_of(&signed_extrinsic(RuntimeCall::Reactions(pallet_reactions::Call::react {
			post_id: 1,
			kind: ReactionKind::Like,
		})));
	let follow =
		block_weight_of(&signed_extrinsic(RuntimeCall::Follows(pallet_follows::Call::follow {
			followee: AccountId32::new([7; 32]),
		})));
	let mix = [(post, 35u64), (react, 210), (follow, 115)];
	let calls: u64 = mix.iter().map(|(_, n)| n).sum();
	let total = mix
		.iter()
		.fold(Weight::zero(), |sum, (weight, n)| sum.saturating_add(weight.saturating_mul(*n)));
	let average = Weight::from_parts(total.ref_time() / calls, total.proof_size() / calls);

	let limit = RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.expect("the normal class has a limit");
	let by_ref_time = limit.ref_time() / average.ref_time();
	let by_proof_size = limit.proof_size() / average.proof_size().max(1);
	println!(
		"charged per call (call + extensions + base extrinsic), ref_time ps / proof B:\n  \
		 create_post {} / {}\n  react (new) {} / {}\n  follow {} / {}\n  mix 35:210:115 \
		 average {} / {}\nmixed calls per block: {by_ref_time} by ref_time, {by_proof_size} by \
		 proof size before reclaim",
		post.ref_time(),
		post.proof_size(),
		react.ref_time(),
		react.proof_size(),
		follow.ref_time(),
		follow.proof_size(),
		average.ref_time(),
		average.proof_size(),
	);
	assert!(
		by_ref_time >= 2_160,
		"a 6 s block should have room for 2,160 mixed calls by weight, has {by_ref_time}"
	);
}
