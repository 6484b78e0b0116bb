//! `ContentApi`: the runtime names the CIDs a block's events start and stop using, with the
//! declared size and the author of each one referenced, for pinning nodes, and refuses events
//! it did not write.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::{Cid, ContentChange, ContentChange::Released};
use agora_runtime::{content::content_changes_of_encoded, RuntimeCall, RuntimeOrigin, System};
use common::with_genesis_of;
use frame_support::assert_ok;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::Alice;
use sp_runtime::traits::Dispatchable;

const FIRST: &[u8] = b"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
const SECOND: &[u8] = b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn posts(call: pallet_posts::Call<agora_runtime::Runtime>) {
	assert_ok!(RuntimeCall::Posts(call).dispatch(RuntimeOrigin::signed(Alice.to_account_id())));
}

/// The raw `System::Events`, as a node reads them from a block's state.
fn raw_events() -> Vec<u8> {
	sp_io::storage::get(&frame_support::storage::storage_prefix(b"System", b"Events"))
		.map(|bytes| bytes.to_vec())
		.unwrap_or_default()
}

fn cid(text: &[u8]) -> Cid {
	Cid::parse(text).unwrap()
}

/// `text`'s CID, referenced by Alice with the declared `size`.
fn referenced(text: &[u8], size: u32) -> ContentChange<sp_runtime::AccountId32> {
	ContentChange::Referenced { cid: cid(text), size, by: Alice.to_account_id() }
}

#[test]
fn a_blocks_posts_edits_and_deletes_become_its_content_changes_in_order() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		System::set_block_number(1);
		posts(pallet_posts::Call::create_post {
			content: FIRST.to_vec().try_into().unwrap(),
			size: 100,
		});
		posts(pallet_posts::Call::edit_post {
			post_id: 0,
			content: SECOND.to_vec().try_into().unwrap(),
			size: 2_000,
		});
		posts(pallet_posts::Call::delete_post { post_id: 0 });

		assert_eq!(
			content_changes_of_encoded(&raw_events()),
			Some(vec![
				referenced(FIRST, 100),
				referenced(SECOND, 2_000),
				Released(cid(FIRST)),
				Released(cid(SECOND)),
			])
		);
	});
}

#[test]
fn events_the_runtime_did_not_write_are_refused_not_read_as_no_changes() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		System::set_block_number(1);
		posts(pallet_posts::Call::create_post {
			content: FIRST.to_vec().try_into().unwrap(),
			size: 100,
		});
		let mut events = raw_events();
		assert_eq!(content_changes_of_encoded(&events), Some(vec![referenced(FIRST, 100)]));

		// One byte more (as an event with an extra field would leave) or one less: refused.
		events.push(0);
		assert_eq!(content_changes_of_encoded(&events), None);
		events.truncate(events.len() - 2);
		assert_eq!(content_changes_of_encoded(&events), None);
		assert_eq!(content_changes_of_encoded(&[0xff; 7]), None);
		// No events at all: no changes.
		assert_eq!(content_changes_of_encoded(&[0]), Some(vec![]));
	});
}
