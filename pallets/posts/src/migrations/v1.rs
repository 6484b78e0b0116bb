//! Version 0 → 1: the [`Quotes`] index.
//!
//! Version 0 counted the quotes of each post but did not list them, so a thread could not show
//! who quoted it. Version 1 lists them in [`Quotes`], written by every new quote and removed
//! with it; this migration lists the quotes published before, walking [`Posts`] in key order
//! a bounded number of posts per block. Nothing else changes: a quote published before keeps
//! the deposit it paid (16 bytes short of the index entry, made good when its author edits
//! it, as an edit reprices the deposit).

use super::MIGRATIONS_ID;
use crate::{oldest_first, Config, Pallet, PostKind, PostOf, Posts, Quotes};
use agora_primitives::PostId;
use codec::MaxEncodedLen;
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	pallet_prelude::PhantomData,
	traits::{Get, GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};

/// Lists every existing quote in [`Quotes`], then sets the storage version to 1. Its cursor
/// is the last post visited.
pub struct PopulateQuotes<T>(PhantomData<T>);

/// The proof FRAME's benchmarks count for reading one entry of a map (the trie nodes above
/// it), next to the entry itself.
const TRIE_NODES_PER_ENTRY: u64 = 2_475;

impl<T: Config> PopulateQuotes<T> {
	/// The most one post costs: reading it, and writing its quote entry. The proof size is what
	/// bounds a step on a parachain (a step may fill 80 % of a block, and a block's proof is
	/// at most 10 MiB): about 3,100 posts per block.
	fn per_post() -> Weight {
		let proof = PostOf::<T>::max_encoded_len() as u64 + TRIE_NODES_PER_ENTRY;
		T::DbWeight::get().reads_writes(1, 1).saturating_add(Weight::from_parts(0, proof))
	}
}

impl<T: Config> SteppedMigration for PopulateQuotes<T> {
	type Cursor = PostId;
	type Identifier = MigrationId<11>;

	fn id() -> Self::Identifier {
		MigrationId { pallet_id: *MIGRATIONS_ID, version_from: 0, version_to: 1 }
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		// A chain that started at version 1 (or already ran this) has nothing to do.
		if Pallet::<T>::on_chain_storage_version() != Self::id().version_from as u16 {
			return Ok(None);
		}
		let required = Self::per_post().saturating_add(T::DbWeight::get().writes(1));
		if meter.remaining().any_lt(required) {
			return Err(SteppedMigrationError::InsufficientWeight { required });
		}

		let mut posts = match cursor {
			Some(last) => Posts::<T>::iter_from(Posts::<T>::hashed_key_for(last)),
			None => Posts::<T>::iter(),
		};
		let mut last = cursor;
		// Keeps room for the version write that ends the migration.
		while meter.can_consume(required) {
			let Some((id, post)) = posts.next() else {
				StorageVersion::new(Self::id().version_to as u16).put::<Pallet<T>>();
				meter.consume(T::DbWeight::get().writes(1));
				return Ok(None);
			};
			meter.consume(Self::per_post());
			if let PostKind::Quote { of } = post.kind {
				Quotes::<T>::insert(of, oldest_first(id), ());
			}
			last = Some(id);
		}
		Ok(last)
	}

	/// The number of quotes that exist, which the index must list when the migration is done.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		let quotes = Posts::<T>::iter_values()
			.filter(|post| matches!(post.kind, PostKind::Quote { .. }))
			.count() as u64;
		Ok(quotes.encode())
	}

	/// Every quote is listed, and nothing else is.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let quotes = u64::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state does not decode"))?;
		frame_support::ensure!(
			Quotes::<T>::iter_keys().count() as u64 == quotes,
			"the quotes index does not list every quote"
		);
		frame_support::ensure!(
			Pallet::<T>::on_chain_storage_version() == Self::id().version_to as u16,
			"the storage version was not set"
		);
		Ok(())
	}
}
