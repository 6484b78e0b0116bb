//! The content changes of a block, told by the runtime that produced its events.
//!
//! A pinning node must learn which CIDs each block started or stopped using. It cannot decode
//! `System::Events` with the runtime types compiled into its binary: after a runtime upgrade
//! that changes any event type those types no longer match, and content would be missed. So the
//! node hands the raw events of block `B` to [`ContentApi::content_changes`] called **at
//! `B`'s parent**, whose runtime is the one that executed `B` and wrote those events (a block
//! that enacts an upgrade is still executed by the old code, so the state of `B` itself may
//! already hold the new one).
//!
//! The social pallets name every CID they start or stop using in their events (an edit names
//! both the new body and the replaced one; a message's envelope is referenced while its inbox
//! notice exists), so events are all this needs.

use alloc::vec::Vec;

use agora_primitives::ContentChange;
use codec::DecodeAll;

use crate::{Hash, RuntimeEvent};

sp_api::decl_runtime_apis! {
	/// What a block did to the content the chain uses.
	pub trait ContentApi {
		/// The content changes that `events` (the SCALE-encoded `System::Events` of a block
		/// executed by this runtime) make, in order; `None` if they do not decode as this
		/// runtime's events.
		fn content_changes(events: Vec<u8>) -> Option<Vec<ContentChange>>;
	}
}

/// The decoded form of `System::Events`.
type EventRecords = Vec<frame_system::EventRecord<RuntimeEvent, Hash>>;

/// [`ContentApi::content_changes`]: decodes `events` and lists their content changes.
pub fn content_changes_of_encoded(events: &[u8]) -> Option<Vec<ContentChange>> {
	let records = EventRecords::decode_all(&mut &events[..]).ok()?;
	Some(content_changes(records.iter().map(|record| &record.event)))
}

/// The content changes `events` make, in order.
pub fn content_changes<'a>(
	events: impl IntoIterator<Item = &'a RuntimeEvent>,
) -> Vec<ContentChange> {
	use pallet_messages::Event as Messages;
	use pallet_posts::Event as Posts;
	use pallet_profiles::Event as Profiles;
	use ContentChange::{Referenced, Released};

	let mut changes = Vec::new();
	for event in events {
		match event {
			RuntimeEvent::Posts(Posts::PostCreated { content, .. })
			| RuntimeEvent::Profiles(Profiles::ProfileCreated { metadata: content, .. })
			| RuntimeEvent::Messages(Messages::MessageSent { envelope: content, .. }) => {
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
			| RuntimeEvent::Profiles(Profiles::ProfileRemoved { metadata: content, .. })
			| RuntimeEvent::Messages(Messages::NoticeRemoved { envelope: content, .. }) => {
				changes.push(Released(content.clone()))
			},
			_ => {},
		}
	}
	changes
}
