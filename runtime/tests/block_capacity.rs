//! How many `create_post` calls one block can carry, from the runtime's block limits and the
//! generated weights, and which limit binds. This is the bound `CheckWeight` enforces before
//! dispatch, with each post charged its benchmarked worst case; storage-weight reclaim gives
//! back the proof a post did not use after it ran, so live blocks can carry more. `benches/README.md` quotes the figures; run
//! `cargo test --release -p agora-runtime --test block_capacity -- --nocapture` to see them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::CidInput;
use agora_runtime::{
	configs::{RuntimeBlockLength, RuntimeBlockWeights},
	RuntimeCall, UncheckedExtrinsic,
};
use codec::Encode;
use common::signed_extrinsic;
use frame_support::dispatch::{DispatchClass, GetDispatchInfo};

/// A signed `create_post` as a wallet would send it (a mortal era, the longest accepted CID).
fn create_post_extrinsic() -> UncheckedExtrinsic {
	let content = CidInput::truncate_from(
		b"bafk2bzaceddrwbp5duohx57jfd7rrzmnwumt5eywifwme25jzsijjwua24ar4".to_vec(),
	);
	signed_extrinsic(RuntimeCall::Posts(pallet_posts::Call::create_post { content }))
}

#[test]
fn a_block_carries_at_least_500_posts_before_reclaim() {
	let extrinsic = create_post_extrinsic();
	let info = extrinsic.get_dispatch_info();
	assert_eq!(info.class, DispatchClass::Normal);

	let weights = RuntimeBlockWeights::get();
	let normal = weights.get(DispatchClass::Normal);
	let per_post = info.total_weight().saturating_add(normal.base_extrinsic);
	let limit = normal.max_total.expect("the normal class has a limit");
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
