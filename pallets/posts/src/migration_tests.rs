//! The v0 → v1 migration, stepped as `pallet-migrations` steps it: on a state whose quotes
//! are counted but not listed, with a weight meter that holds a few posts per step.

use crate::{
	migrations::v1::PopulateQuotes, mock::*, oldest_first, NextPostId, Pallet, Quotes,
	STORAGE_VERSION,
};
use agora_primitives::PostId;
use frame_support::{
	assert_ok,
	migrations::{SteppedMigration, SteppedMigrationError},
	traits::{GetStorageVersion, StorageVersion},
	weights::{constants::RocksDbWeight, Weight, WeightMeter},
};

const BODY: &str = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

fn publish(call: impl FnOnce() -> frame_support::dispatch::DispatchResult) -> PostId {
	let id = NextPostId::<Test>::get();
	assert_ok!(call());
	id
}

/// Ten posts, five of them quotes of two targets, then the state as version 0 left it.
fn version_0_state() -> Vec<(PostId, PostId)> {
	let a = publish(|| Posts::create_post(RuntimeOrigin::signed(ALICE), input(BODY), SIZE));
	let b = publish(|| Posts::create_post(RuntimeOrigin::signed(BOB), input(BODY), SIZE));
	let mut quotes = Vec::new();
	for (who, of) in [(BOB, a), (CHARLIE, a), (ALICE, b), (BOB, b), (CHARLIE, a)] {
		let id = publish(|| Posts::quote(RuntimeOrigin::signed(who), of, input(BODY), SIZE));
		quotes.push((of, id));
		publish(|| Posts::reply(RuntimeOrigin::signed(who), of, input(BODY), SIZE));
	}
	assert_eq!(Quotes::<Test>::iter().count(), 5);
	let _ = Quotes::<Test>::clear(u32::MAX, None);
	StorageVersion::new(0).put::<Pallet<Test>>();
	quotes
}

/// Time for three posts (and the final version write) per step; proof size is not the bound.
fn small_meter() -> WeightMeter {
	WeightMeter::with_limit(RocksDbWeight::get().reads_writes(3, 4).set_proof_size(u64::MAX))
}

#[test]
fn lists_every_quote_over_several_steps_then_sets_version_1() {
	new_test_ext().execute_with(|| {
		let quotes = version_0_state();
		let (mut cursor, mut steps) = (None, 0);
		loop {
			steps += 1;
			assert!(steps < 100, "the migration makes progress");
			cursor = match PopulateQuotes::<Test>::step(cursor, &mut small_meter()) {
				Ok(Some(next)) => Some(next),
				Ok(None) => break,
				Err(e) => panic!("step failed: {e:?}"),
			};
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 0, "not done yet");
		}
		assert!(steps >= 4, "12 posts at 3 per step take at least 4 steps, took {steps}");
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), STORAGE_VERSION);
		let mut listed: Vec<_> = Quotes::<Test>::iter().map(|(of, key, ())| (of, key)).collect();
		let mut expected: Vec<_> = quotes.iter().map(|&(of, id)| (of, oldest_first(id))).collect();
		listed.sort();
		expected.sort();
		assert_eq!(listed, expected);
		Posts::do_try_state().expect("invariants hold after the migration");
	});
}

#[test]
fn does_nothing_on_a_chain_already_at_version_1() {
	build_and_execute(|| {
		let a = publish(|| Posts::create_post(RuntimeOrigin::signed(ALICE), input(BODY), SIZE));
		publish(|| Posts::quote(RuntimeOrigin::signed(BOB), a, input(BODY), SIZE));
		STORAGE_VERSION.put::<Pallet<Test>>();
		let before = Quotes::<Test>::iter().collect::<Vec<_>>();
		let mut meter = WeightMeter::new();
		assert_eq!(PopulateQuotes::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(Quotes::<Test>::iter().collect::<Vec<_>>(), before);
	});
}

#[test]
fn asks_for_more_weight_than_a_meter_without_room_for_one_post() {
	new_test_ext().execute_with(|| {
		version_0_state();
		let mut meter = WeightMeter::with_limit(Weight::zero());
		assert!(matches!(
			PopulateQuotes::<Test>::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { .. })
		));
		assert_eq!(Quotes::<Test>::iter().count(), 0, "nothing was written");
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 0);
	});
}
