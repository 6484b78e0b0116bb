//! Sponsorship: an account that holds AGORA pays the fees and deposits of the social actions
//! of accounts that accepted its offer, within an allowance (`pallet-sponsorship`).
//!
//! The pallet keeps the books and provides the pieces; this file plugs them in:
//! - fees: `pallet_sponsorship::SponsoredFees` is the transaction-payment adapter (see
//!   [`super::monetary`]), paying the calls [`SponsoredCalls`] names from the sponsor, the rest
//!   as [`OwnFees`] would;
//! - item deposits are held by `pallet_sponsorship::SponsoredHold` (see [`super::social`]);
//! - removals an account cannot pay for are paid out of the deposit they return
//!   ([`super::removals`]).
//!
//! The user signs ordinary signed transactions (no new extension, no new format): Polkadot.js
//! apps and `@polkadot/api` build them as for any account.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, Contains},
};
use pallet_transaction_payment::FungibleAdapter;

use super::social::StorageDeposit;
use crate::{AccountId, Balances, Runtime, RuntimeCall, RuntimeHoldReason};

parameter_types! {
	pub const SponsorshipHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Sponsorship(pallet_sponsorship::HoldReason::SponsorshipDeposit);
}

impl pallet_sponsorship::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	// The sponsor's own deposit for a record or an offer: never sponsored itself.
	type Consideration =
		HoldConsideration<AccountId, Balances, SponsorshipHoldReason, StorageDeposit>;
	type WeightInfo = crate::weights::pallet_sponsorship::WeightInfo<Runtime>;
}

/// The calls a sponsorship pays for: the social pallets' own calls, signed directly by the
/// sponsored account. Anything else (a transfer, a proxy or recovery call, sponsoring someone
/// else) the account pays for itself; accepting an offer and leaving a sponsorship the pallet's
/// adapter pays from the sponsor on its own.
pub struct SponsoredCalls;
impl Contains<RuntimeCall> for SponsoredCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::Profiles(..)
				| RuntimeCall::Posts(..)
				| RuntimeCall::Follows(..)
				| RuntimeCall::Reactions(..)
				| RuntimeCall::Messages(..)
		)
	}
}

/// How everyone else pays: from their own free balance, fees burnt (as before sponsorship).
pub type OwnFees = FungibleAdapter<Balances, ()>;

/// The runtime's transaction-payment adapter: sponsors pay for the accounts they sponsor, and
/// a removal an account cannot pay for is paid out of the deposit it returns
/// ([`super::removals`]).
pub type SponsoredFees = pallet_sponsorship::SponsoredFees<
	Runtime,
	OwnFees,
	SponsoredCalls,
	super::removals::RemovalDeposits,
>;

/// The weight of charging a fee: polkadot-sdk's measured `charge_transaction_payment` plus the
/// sponsorship record or offer the adapter reads and writes.
pub type SponsoredFeeWeight = pallet_sponsorship::SponsoredFeeWeight<
	Runtime,
	pallet_transaction_payment::weights::SubstrateWeight<Runtime>,
>;
