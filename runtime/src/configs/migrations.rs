//! Multi-block storage migrations: `pallet-migrations` runs the [`SteppedMigration`]s listed
//! here after a runtime upgrade, a step per block within [`MigrationServiceWeight`], until each
//! is done. Transactions wait while one runs (blocks carry inherents only), so a migration
//! never races the calls that write what it rewrites. A migration that fails freezes the chain
//! rather than run on half-migrated state: a fix comes as the next runtime upgrade.
//!
//! Each migration checks the pallet's storage version first, so on a chain already at the new
//! version (one started from a later genesis) it ends in its first step.
//!
//! [`SteppedMigration`]: frame_support::migrations::SteppedMigration

use frame_support::{parameter_types, weights::Weight};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{Runtime, RuntimeEvent};

parameter_types! {
	/// A migration step may use up to 80 % of a block, as the inherents need the rest.
	pub MigrationServiceWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

/// The runtime's multi-block migrations, oldest first. A migration stays listed until every
/// chain has run it; `pallet-migrations` remembers the ones run and never repeats them.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type Migrations = (pallet_posts::migrations::v1::PopulateQuotes<Runtime>,);

impl pallet_migrations::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Migrations = Migrations;
	// The pallet's own benchmarks run mocked migrations.
	#[cfg(feature = "runtime-benchmarks")]
	type Migrations = pallet_migrations::mock_helpers::MockedMigrations;
	/// A cursor is a post id today; room for larger ones later.
	type CursorMaxLen = frame_support::traits::ConstU32<256>;
	type IdentifierMaxLen = frame_support::traits::ConstU32<64>;
	type MigrationStatusHandler = ();
	type FailedMigrationHandler = frame_support::migrations::FreezeChainOnFailedMigration;
	type MaxServiceWeight = MigrationServiceWeight;
	// The pallet's reference weights: its per-block bookkeeping, a few reads and writes.
	type WeightInfo = pallet_migrations::weights::SubstrateWeight<Runtime>;
}
