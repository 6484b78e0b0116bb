//! Sponsorship: an account that holds AGORA pays the fees and deposits of the social actions
//! of accounts it sponsors, within an allowance (`pallet-sponsorship`).
//!
//! The pallet keeps the books; this file composes it with the rest of the runtime:
//! - [`SponsoredFees`], the transaction-payment adapter: the fee of a sponsored account's
//!   social call ([`SponsoredCalls`]) is withdrawn from its sponsor while what is left of the
//!   allowance covers it and the sponsor can pay; otherwise from the account itself, as for
//!   everyone else. A call nobody can pay for is invalid at the pool and takes no fee;
//! - item deposits are held by `pallet_sponsorship::SponsoredHold` (see [`super::social`]);
//! - [`SponsoredFeeWeight`]: the fee check reads and may write the sponsorship record, on top
//!   of what charging a fee weighs anyway.
//!
//! The user signs ordinary signed transactions (no new extension, no new format): Polkadot.js
//! apps and `@polkadot/api` build them as for any account.

use core::marker::PhantomData;

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, Contains, Get},
	weights::Weight,
};
use pallet_transaction_payment::{FungibleAdapter, OnChargeTransaction, TxCreditHold};
use sp_runtime::{
	traits::{DispatchInfoOf, PostDispatchInfoOf, Zero},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

use super::social::StorageDeposit;
use crate::{AccountId, Balance, Balances, Runtime, RuntimeCall, RuntimeHoldReason, Sponsorship};

parameter_types! {
	pub const SponsorshipHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Sponsorship(pallet_sponsorship::HoldReason::SponsorshipDeposit);
}

impl pallet_sponsorship::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	// The sponsor's own deposit for the record: never sponsored itself.
	type Consideration =
		HoldConsideration<AccountId, Balances, SponsorshipHoldReason, StorageDeposit>;
	type WeightInfo = crate::weights::pallet_sponsorship::WeightInfo<Runtime>;
}

/// The calls a sponsorship pays for: the social pallets' own calls, signed directly by the
/// sponsored account. Anything else (a transfer, a proxy or recovery call, sponsoring someone
/// else) the account pays for itself.
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
type OwnFees = FungibleAdapter<Balances, ()>;

/// Pays a sponsored account's social calls from its sponsor, everything else as [`OwnFees`].
pub struct SponsoredFees;

/// What [`SponsoredFees`] carries from withdrawing a fee to correcting it: the sponsor and the
/// amount withdrawn from it, if a sponsor paid, and what [`OwnFees`] carries.
pub type SponsoredLiquidity =
	(Option<(AccountId, Balance)>, <OwnFees as OnChargeTransaction<Runtime>>::LiquidityInfo);

impl SponsoredFees {
	/// The sponsor that pays `fee` for `who`'s `call`: `who` is sponsored, `call` is one of
	/// [`SponsoredCalls`], what is left of the allowance covers the fee, and the sponsor's free
	/// balance does. `None`: `who` pays itself.
	fn sponsor_paying(
		who: &AccountId,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		fee: Balance,
		tip: Balance,
	) -> Option<AccountId> {
		if fee.is_zero() || !SponsoredCalls::contains(call) {
			return None;
		}
		let sponsorship = pallet_sponsorship::Sponsorships::<Runtime>::get(who)?;
		if fee > sponsorship.left() {
			return None;
		}
		<OwnFees as OnChargeTransaction<Runtime>>::can_withdraw_fee(
			&sponsorship.sponsor,
			call,
			info,
			fee,
			tip,
		)
		.ok()?;
		Some(sponsorship.sponsor)
	}
}

impl TxCreditHold<Runtime> for SponsoredFees {
	type Credit = <OwnFees as TxCreditHold<Runtime>>::Credit;
}

impl OnChargeTransaction<Runtime> for SponsoredFees {
	type Balance = Balance;
	type LiquidityInfo = SponsoredLiquidity;

	fn withdraw_fee(
		who: &AccountId,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		fee_with_tip: Balance,
		tip: Balance,
	) -> Result<Self::LiquidityInfo, TransactionValidityError> {
		match Self::sponsor_paying(who, call, info, fee_with_tip, tip) {
			Some(sponsor) => {
				// Checked against the books as this block has left them, not as the pool saw
				// them: two transactions validated together cannot both spend the last of it.
				Sponsorship::spend_on_fee(who, fee_with_tip)
					.map_err(|_| InvalidTransaction::Payment)?;
				let own = <OwnFees as OnChargeTransaction<Runtime>>::withdraw_fee(
					&sponsor,
					call,
					info,
					fee_with_tip,
					tip,
				)?;
				Ok((Some((sponsor, fee_with_tip)), own))
			},
			None => Ok((
				None,
				<OwnFees as OnChargeTransaction<Runtime>>::withdraw_fee(
					who,
					call,
					info,
					fee_with_tip,
					tip,
				)?,
			)),
		}
	}

	fn can_withdraw_fee(
		who: &AccountId,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		fee_with_tip: Balance,
		tip: Balance,
	) -> Result<(), TransactionValidityError> {
		match Self::sponsor_paying(who, call, info, fee_with_tip, tip) {
			Some(_) => Ok(()),
			None => <OwnFees as OnChargeTransaction<Runtime>>::can_withdraw_fee(
				who,
				call,
				info,
				fee_with_tip,
				tip,
			),
		}
	}

	fn correct_and_deposit_fee(
		who: &AccountId,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		corrected_fee_with_tip: Balance,
		tip: Balance,
		(sponsor, own): Self::LiquidityInfo,
	) -> Result<(), TransactionValidityError> {
		match sponsor {
			Some((sponsor, withdrawn)) => {
				// What the call did not use goes back to the sponsor, and to its allowance.
				let unused = withdrawn.saturating_sub(corrected_fee_with_tip);
				Sponsorship::refund_fee(who, &sponsor, unused);
				<OwnFees as OnChargeTransaction<Runtime>>::correct_and_deposit_fee(
					&sponsor,
					info,
					post_info,
					corrected_fee_with_tip,
					tip,
					own,
				)
			},
			None => <OwnFees as OnChargeTransaction<Runtime>>::correct_and_deposit_fee(
				who,
				info,
				post_info,
				corrected_fee_with_tip,
				tip,
				own,
			),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn endow_account(who: &AccountId, amount: Balance) {
		<OwnFees as OnChargeTransaction<Runtime>>::endow_account(who, amount)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn minimum_balance() -> Balance {
		<OwnFees as OnChargeTransaction<Runtime>>::minimum_balance()
	}
}

/// The weight of charging a fee: polkadot-sdk's measured `charge_transaction_payment` (one
/// account read and written), plus the sponsorship record [`SponsoredFees`] reads and writes
/// and its proof. The sponsor's account takes the place of the signer's, so it adds nothing.
pub struct SponsoredFeeWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> pallet_transaction_payment::WeightInfo for SponsoredFeeWeight<T> {
	fn charge_transaction_payment() -> Weight {
		use codec::MaxEncodedLen;
		// Blake2_128Concat key: 16-byte hash, then the account; then the record.
		let record = 16
			+ AccountId::max_encoded_len()
			+ pallet_sponsorship::SponsorshipOf::<Runtime>::max_encoded_len();
		pallet_transaction_payment::weights::SubstrateWeight::<T>::charge_transaction_payment()
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(Weight::from_parts(0, record as u64))
	}
}
