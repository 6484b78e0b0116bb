//! Where the follower learns what each finalized block did to the chain's content.
//!
//! The block's own runtime says it: the node reads the raw `System::Events` of block `B` and
//! hands them to the runtime's `ContentApi` at `B`'s parent, the runtime that executed `B` and
//! wrote those events (see `agora-content-runtime-api`). The node's compiled-in runtime types
//! are never used to decode events, so a runtime upgrade that changes event types does not make
//! the follower miss content, even on a node that was not upgraded itself.
//!
//! The follower counts blocks in `u32`, Agora's block number type; a chain with wider block
//! numbers would be followed up to block `u32::MAX`.

use std::{marker::PhantomData, sync::Arc};

use agora_content_runtime_api::ContentApi;
use agora_primitives::ContentChange;
use sc_client_api::{Backend, StorageProvider};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::storage::StorageKey;
use sp_io::hashing::twox_128;
use sp_runtime::traits::{Block as BlockT, Header as _, SaturatedConversion};

/// What the follower reads from the chain.
pub trait ContentSource {
	/// The number of the last finalized block.
	fn finalized_number(&self) -> u32;
	/// The content changes of block `number`, in order. An error means the block could not be
	/// read now; the follower stays at it and asks again later.
	fn content_changes(&self, number: u32) -> Result<Vec<ContentChange>, String>;
}

/// The node's own chain (of blocks `Block`, in a backend `BE`) as a [`ContentSource`].
pub struct ClientSource<Block, C, BE> {
	client: Arc<C>,
	_chain: PhantomData<fn() -> (Block, BE)>,
}

impl<Block, C, BE> ClientSource<Block, C, BE> {
	/// Reads through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _chain: PhantomData }
	}
}

impl<Block, C, BE> ContentSource for ClientSource<Block, C, BE>
where
	Block: BlockT,
	C: HeaderBackend<Block> + StorageProvider<Block, BE> + ProvideRuntimeApi<Block>,
	C::Api: ContentApi<Block>,
	BE: Backend<Block>,
{
	fn finalized_number(&self) -> u32 {
		self.client.info().finalized_number.saturated_into::<u32>()
	}

	fn content_changes(&self, number: u32) -> Result<Vec<ContentChange>, String> {
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
		self.client
			.runtime_api()
			.content_changes(*header.parent_hash(), events.0)
			.map_err(|e| format!("the runtime that executed #{number} cannot be asked: {e}"))?
			.ok_or_else(|| {
				format!("the events of #{number} do not decode with the runtime that executed it")
			})
	}
}

/// The storage key of `System::Events`.
fn events_key() -> StorageKey {
	StorageKey([twox_128(b"System"), twox_128(b"Events")].concat())
}
