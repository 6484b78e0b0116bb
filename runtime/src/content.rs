//! The runtime's side of [`ContentApi`]: the content changes a block's events make.
//!
//! The API is declared in `agora-content-runtime-api` (see its docs for why a pinning node asks
//! the runtime **at a block's parent** instead of decoding events itself); `apis.rs` implements
//! it with [`content_changes_of_encoded`].
//!
//! The social pallets name every CID they start or stop using in their events (an edit names
//! both the new body and the replaced one; a message's envelope is referenced while its inbox
//! notice exists), so events are all this needs.
//!
//! [`ContentApi`]: agora_content_runtime_api::ContentApi

use alloc::vec::Vec;

use agora_primitives::{Cid, ContentChange};
use codec::DecodeAll;

use crate::{AccountId, Hash, RuntimeEvent};

/// The decoded form of `System::Events`.
type EventRecords = Vec<frame_system::EventRecord<RuntimeEvent, Hash>>;

/// [`ContentApi::content_changes`]: decodes `events` and lists their content changes.
pub fn content_changes_of_encoded(events: &[u8]) -> Option<Vec<ContentChange<AccountId>>> {
	let records = EventRecords::decode_all(&mut &events[..]).ok()?;
	Some(content_changes(records.iter().map(|record| &record.event)))
}

/// The content changes `events` make, in order.
pub fn content_changes<'a>(
	events: impl IntoIterator<Item = &'a RuntimeEvent>,
) -> Vec<ContentChange<AccountId>> {
	use pallet_messages::Event as Messages;
	use pallet_posts::Event as Posts;
	use pallet_profiles::Event as Profiles;
	use ContentChange::Released;

	let referenced = |cid: &Cid, size: &u32, by: &AccountId| ContentChange::Referenced {
		cid: cid.clone(),
		size: *size,
		by: by.clone(),
	};
	let mut changes = Vec::new();
	for event in events {
		match event {
			RuntimeEvent::Posts(Posts::PostCreated { content, size, author: by, .. })
			| RuntimeEvent::Profiles(Profiles::ProfileCreated {
				metadata: content,
				size,
				who: by,
				..
			})
			| RuntimeEvent::Messages(Messages::MessageSent {
				envelope: content,
				size,
				from: by,
				..
			}) => changes.push(referenced(content, size, by)),
			RuntimeEvent::Posts(Posts::PostEdited {
				content, size, previous, author: by, ..
			})
			| RuntimeEvent::Profiles(Profiles::ProfileUpdated {
				metadata: content,
				size,
				previous,
				who: by,
				..
			}) => {
				changes.push(referenced(content, size, by));
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
