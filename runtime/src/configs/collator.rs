//! Who authors blocks: collator selection, sessions and Aura.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32},
	PalletId,
};
use frame_system::EnsureRoot;

use crate::{
	AccountId, Aura, AuraId, Balances, BlockNumber, CollatorSelection, Runtime, RuntimeEvent,
	Session, SessionKeys, HOURS, SLOT_DURATION,
};

parameter_types! {
	/// Sessions last six hours.
	pub const Period: BlockNumber = 6 * HOURS;
	pub const Offset: BlockNumber = 0;
	/// The account that collects transaction fees for collators.
	pub const PotId: PalletId = PalletId(*b"PotStake");
	pub const SlotDuration: u64 = SLOT_DURATION;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = (CollatorSelection,);
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	// Collators have no stash/controller split, so an account is its own validator id.
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ShouldEndSession = pallet_session::PeriodicSessions<Period, Offset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
	type SessionManager = CollatorSelection;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<100_000>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = SlotDuration;
}

impl cumulus_pallet_aura_ext::Config for Runtime {}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	// Only root (sudo on dev chains, governance later) changes the collator set.
	type UpdateOrigin = EnsureRoot<AccountId>;
	type PotId = PotId;
	type MaxCandidates = ConstU32<100>;
	type MinEligibleCollators = ConstU32<1>;
	type MaxInvulnerables = ConstU32<20>;
	// A multiple of the session length, or kicking gets inconsistent.
	type KickThreshold = Period;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = Session;
	type WeightInfo = ();
}
