//! Where the follower learns what each finalized block did to the chain's content.
//!
//! The block's own runtime says it: the node reads the raw `System::Events` of block `B` and
//! hands them to the runtime's `ContentApi` at `B`'s parent, the runtime that executed `B` and
//! wrote those events (see `agora-content-runtime-api`). The node's compiled-in runtime types
//! are never used to decode events, so a runtime upgrade that changes event types does not make
//! the follower miss content, even on a node that was not upgraded itself.
//!
//! The runtime reports, for each CID referenced, the size its author declared and the author
//! (`ContentApi` version 2); a runtime of version 1 (blocks from before that upgrade) reports
//! the CIDs alone, and the follower records those with neither.
//!
//! The follower counts blocks in `u32`, Agora's block number type; a chain with wider block
//! numbers would be followed up to block `u32::MAX`.

use std::{marker::PhantomData, sync::Arc};

use agora_content_runtime_api::ContentApi;
use agora_primitives::{ContentChange, ContentChangeV1};
use codec::Codec;
use sc_client_api::{Backend, StorageProvider};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::storage::StorageKey;
use sp_io::hashing::twox_128;
use sp_runtime::traits::{Block as BlockT, Header as _, SaturatedConversion};

use crate::journal::{Change, Reference};

/// What the follower reads from the chain.
pub trait ContentSource {
	/// The number of the last finalized block.
	fn finalized_number(&self) -> u32;
	/// The content changes of block `number`, in order. An error means the block could not be
	/// read now; the follower stays at it and asks again later.
	fn content_changes(&self, number: u32) -> Result<Vec<Change>, String>;
}

/// The chain's types a [`ClientSource`] reads with, held only as types.
type ChainTypes<Block, AccountId, BE> = PhantomData<fn() -> (Block, AccountId, BE)>;

/// The node's own chain (of blocks `Block`, accounts `AccountId`, in a backend `BE`) as a
/// [`ContentSource`].
pub struct ClientSource<Block, AccountId, C, BE> {
	client: Arc<C>,
	_chain: ChainTypes<Block, AccountId, BE>,
}

impl<Block, AccountId, C, BE> ClientSource<Block, AccountId, C, BE> {
	/// Reads through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _chain: PhantomData }
	}
}

impl<Block, AccountId, C, BE> ContentSource for ClientSource<Block, AccountId, C, BE>
where
	Block: BlockT,
	AccountId: Codec,
	C: HeaderBackend<Block> + StorageProvider<Block, BE> + ProvideRuntimeApi<Block>,
	C::Api: ContentApi<Block, AccountId>,
	BE: Backend<Block>,
{
	fn finalized_number(&self) -> u32 {
		self.client.info().finalized_number.saturated_into::<u32>()
	}

	fn content_changes(&self, number: u32) -> Result<Vec<Change>, String> {
		let hash = self
			.client
			.hash(number.into())
			.map_err(|e| e.to_string())?
			.ok_or_else(|| format!("block #{number} is not in the database"))?;
		let header = self
			.client
			.header(hash)
			.map_err(|e| e.to_string())?
			.ok_or_else(|| format!("the header of #{number} is not in the database"))?;
		let Some(events) = self
			.client
			.storage(hash, &events_key())
			.map_err(|e| format!("the state of #{number} cannot be read: {e}"))?
		else {
			return Ok(Vec::new());
		};
		let cannot_ask = |e| format!("the runtime that executed #{number} cannot be asked: {e}");
		let api = self.client.runtime_api();
		let parent = *header.parent_hash();
		let version = api
			.api_version::<dyn ContentApi<Block, AccountId>>(parent)
			.map_err(cannot_ask)?
			.unwrap_or(1);
		let changes = if version >= 2 {
			api.content_changes(parent, events.0)
				.map_err(cannot_ask)?
				.map(|changes| changes.into_iter().map(from_current).collect())
		} else {
			#[allow(deprecated)]
			api.content_changes_before_version_2(parent, events.0)
				.map_err(cannot_ask)?
				.map(|changes| changes.into_iter().map(from_version_1).collect())
		};
		changes.ok_or_else(|| {
			format!("the events of #{number} do not decode with the runtime that executed it")
		})
	}
}

/// A change as `ContentApi` version 2 reports it: with the declared size and the author.
fn from_current<AccountId: Codec>(change: ContentChange<AccountId>) -> Change {
	match change {
		ContentChange::Referenced { cid, size, by } => {
			Change::Referenced(cid, Reference { declared: Some(size), by: Some(by.encode()) })
		},
		ContentChange::Released(cid) => Change::Released(cid),
	}
}

/// A change as `ContentApi` version 1 reports it: the CID alone.
fn from_version_1(change: ContentChangeV1) -> Change {
	match change {
		ContentChangeV1::Referenced(cid) => Change::Referenced(cid, Reference::default()),
		ContentChangeV1::Released(cid) => Change::Released(cid),
	}
}

/// The storage key of `System::Events`.
fn events_key() -> StorageKey {
	StorageKey([twox_128(b"System"), twox_128(b"Events")].concat())
}
