//! Which CIDs a block references or releases, read from its events.
//!
//! The social pallets name every CID they start or stop using in their events (an edit names
//! both the new body and the replaced one), so the follower needs nothing but events.

use agora_primitives::Cid;
use agora_runtime::{opaque::Block, Hash, RuntimeEvent};
use codec::Decode;
use sc_client_api::{Backend, StorageProvider};
use sp_core::storage::StorageKey;
use sp_io::hashing::twox_128;

/// One CID gaining or losing an on-chain reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
	/// A post, edit or profile started using the CID.
	Referenced(Cid),
	/// An edit, delete or profile removal stopped using it.
	Released(Cid),
}

/// The changes `events` make, in order.
pub fn content_changes<'a>(events: impl IntoIterator<Item = &'a RuntimeEvent>) -> Vec<Change> {
	use pallet_posts::Event as Posts;
	use pallet_profiles::Event as Profiles;
	use Change::{Referenced, Released};

	let mut changes = Vec::new();
	for event in events {
		match event {
			RuntimeEvent::Posts(Posts::PostCreated { content, .. })
			| RuntimeEvent::Profiles(Profiles::ProfileCreated { metadata: content, .. }) => {
				changes.push(Referenced(content.clone()))
			},
			RuntimeEvent::Posts(Posts::PostEdited { content, previous, .. })
			| RuntimeEvent::Profiles(Profiles::ProfileUpdated {
				metadata: content,
				previous,
				..
			}) => {
				changes.push(Referenced(content.clone()));
				changes.push(Released(previous.clone()));
			},
			RuntimeEvent::Posts(Posts::PostDeleted { content: Some(content), .. })
			| RuntimeEvent::Profiles(Profiles::ProfileRemoved { metadata: content, .. }) => {
				changes.push(Released(content.clone()))
			},
			_ => {},
		}
	}
	changes
}

/// The events of the block `hash`, from its state (`System::Events`).
pub fn block_events<C, BE>(client: &C, hash: Hash) -> Result<Vec<RuntimeEvent>, String>
where
	C: StorageProvider<Block, BE>,
	BE: Backend<Block>,
{
	type Records = Vec<frame_system::EventRecord<RuntimeEvent, Hash>>;
	let stored = StorageProvider::<Block, BE>::storage(client, hash, &events_key())
		.map_err(|e| e.to_string())?;
	let Some(stored) = stored else { return Ok(Vec::new()) };
	let records = Records::decode(&mut &stored.0[..])
		.map_err(|e| format!("events do not decode with this node's runtime types: {e}"))?;
	Ok(records.into_iter().map(|record| record.event).collect())
}

/// The storage key of `System::Events`.
pub fn events_key() -> StorageKey {
	StorageKey([twox_128(b"System"), twox_128(b"Events")].concat())
}
