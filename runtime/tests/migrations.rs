//! The runtime's multi-block migrations, run the way a forkless upgrade runs them: the
//! upgrade onboards them in `pallet-migrations`, which steps them a block at a time within the
//! migration service weight, while transactions wait.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_runtime::{
	configs::migrations::MigrationServiceWeight, Executive, MultiBlockMigrations, Runtime,
	RuntimeCall, RuntimeOrigin,
};
use common::with_genesis_of;
use frame_support::{
	assert_ok,
	migrations::MultiStepMigrator,
	traits::{GetStorageVersion, StorageVersion},
};
use pallet_posts::{oldest_first, NextPostId, Pallet as Posts, Quotes};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};
use sp_runtime::traits::Dispatchable;

const CID: &[u8] = b"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";

fn publish(who: Sr25519Keyring, call: pallet_posts::Call<Runtime>) -> u64 {
	let id = NextPostId::<Runtime>::get();
	assert_ok!(RuntimeCall::Posts(call).dispatch(RuntimeOrigin::signed(who.to_account_id())));
	id
}

fn body() -> agora_primitives::CidInput {
	CID.to_vec().try_into().unwrap()
}

/// Posts::Quotes as (quoted post, index key) pairs, sorted.
fn quote_entries() -> Vec<(u64, [u8; 8])> {
	let mut entries: Vec<_> = Quotes::<Runtime>::iter().map(|(of, key, ())| (of, key)).collect();
	entries.sort();
	entries
}

#[test]
fn a_chain_starts_at_the_current_posts_storage_version() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		assert_eq!(Posts::<Runtime>::on_chain_storage_version(), pallet_posts::STORAGE_VERSION);
	});
}

#[test]
fn the_upgrade_lists_the_quotes_of_a_version_0_chain_over_several_blocks() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		// 7,000 posts: four originals, then quotes of them between other originals.
		let quoted: Vec<u64> = [Alice, Bob, Charlie, Dave]
			.into_iter()
			.map(|who| publish(who, pallet_posts::Call::create_post { content: body(), size: 100 }))
			.collect();
		let mut expected = Vec::new();
		for i in 0..3_498usize {
			let who = [Alice, Bob, Charlie, Dave][i % 4];
			let of = quoted[i % 3];
			let id = publish(who, pallet_posts::Call::quote { of, content: body(), size: 100 });
			expected.push((of, oldest_first(id)));
			publish(who, pallet_posts::Call::create_post { content: body(), size: 100 });
		}
		expected.sort();
		assert_eq!(pallet_posts::Posts::<Runtime>::count(), 7_000);
		assert_eq!(quote_entries(), expected, "new quotes are listed as they are made");

		// The state a chain at storage version 0 has: quotes counted, not listed.
		let _ = Quotes::<Runtime>::clear(u32::MAX, None);
		StorageVersion::new(0).put::<Posts<Runtime>>();

		Executive::execute_on_runtime_upgrade();
		assert!(MultiBlockMigrations::ongoing(), "the upgrade starts the migration");
		let mut blocks = 0;
		while MultiBlockMigrations::ongoing() {
			blocks += 1;
			assert!(blocks <= 10, "the migration ends");
			frame_system::Pallet::<Runtime>::set_block_number(1 + blocks);
			let used = MultiBlockMigrations::step();
			assert!(used.all_lte(MigrationServiceWeight::get()), "a step fits its budget");
		}
		// About 3,100 posts per block (by proof size): 7,000 posts take three blocks.
		assert_eq!(blocks, 3, "took {blocks} blocks");
		assert_eq!(Posts::<Runtime>::on_chain_storage_version(), pallet_posts::STORAGE_VERSION);
		assert_eq!(quote_entries(), expected);
		for of in &quoted[..3] {
			let listed = Quotes::<Runtime>::iter_prefix(of).count() as u32;
			let counted = pallet_posts::Posts::<Runtime>::get(of).unwrap().quotes;
			assert_eq!(listed, counted, "post {of}: the list agrees with the counter");
		}

		// A later upgrade does not run it again.
		Executive::execute_on_runtime_upgrade();
		while MultiBlockMigrations::ongoing() {
			MultiBlockMigrations::step();
		}
		assert_eq!(quote_entries(), expected);
	});
}
