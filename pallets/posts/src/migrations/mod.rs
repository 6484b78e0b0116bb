//! Storage migrations of pallet-posts, one module per storage version.
//!
//! They are multi-block ([`frame_support::migrations::SteppedMigration`]): a chain with
//! millions of posts cannot be rewritten in one block, so the runtime hands them to
//! `pallet-migrations`, which runs a step per block until each is done (transactions wait
//! meanwhile).

pub mod v1;

/// The prefix of this pallet's migration identifiers (`pallet-migrations` keeps the ones it
/// ran, and never runs one twice).
pub const MIGRATIONS_ID: &[u8; 11] = b"agora-posts";
