//! Who pays a transaction's fee in a runtime with sponsorship: the transaction-payment adapter
//! [`SponsoredFees`], generic over how an account pays for itself (`OwnFees`, e.g.
//! `pallet_transaction_payment::FungibleAdapter`) and over the calls a sponsorship pays for
//! (`Calls`, e.g. the social pallets' calls).
//!
//! The sponsor of `who` pays the fee (withdrawn from its free balance) when:
//! - `who` is sponsored, `call` is one of `Calls`, and what is left of the allowance covers the
//!   fee, which is then counted against it;
//! - `call` is `accept(sponsor)` and `sponsor`'s waiting offer to `who` covers the fee (counted
//!   against the offer, so against the sponsorship it becomes): a key with nothing can accept;
//! - `call` is `revoke(who)`, the account leaving its sponsorship: always, so an account with
//!   nothing can always leave (the record is gone right after, so nothing is counted).
//!
//! In every other case `who` pays, as `OwnFees` would have it; a call nobody can pay for is
//! invalid at the pool and takes no fee. What a call did not use goes back to whoever paid it,
//! and to the allowance it came from. Users sign ordinary transactions: no new extension.

use core::marker::PhantomData;

use frame_support::{
	traits::{Contains, Get, IsSubType},
	weights::Weight,
};
use pallet_transaction_payment::{OnChargeTransaction, TxCreditHold};
use sp_runtime::{
	traits::{DispatchInfoOf, PostDispatchInfoOf, Saturating, Zero},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

use crate::{BalanceOf, Call, Config, Offers, Pallet, SponsorshipOf, Sponsorships};

/// The transaction-payment adapter of a runtime with sponsorship (see the module docs).
pub struct SponsoredFees<T, OwnFees, Calls>(PhantomData<(T, OwnFees, Calls)>);

/// Which books a sponsor's payment of a fee is written to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Books {
	/// The allowance of the account's sponsorship.
	Sponsorship,
	/// The allowance of the sponsor's offer to the account.
	Offer,
	/// None: the account leaves its sponsorship, whose record goes with the call.
	Leaving,
}

type CallOf<T> = <T as frame_system::Config>::RuntimeCall;
type AccountOf<T> = <T as frame_system::Config>::AccountId;

impl<T, OwnFees, Calls> SponsoredFees<T, OwnFees, Calls>
where
	T: Config + pallet_transaction_payment::Config,
	CallOf<T>: IsSubType<Call<T>>,
	OwnFees: OnChargeTransaction<T, Balance = BalanceOf<T>>,
	Calls: Contains<CallOf<T>>,
{
	/// The sponsor that pays `fee` for `who`'s `call`, and the books it is written to; `None`:
	/// `who` pays itself.
	fn sponsor_paying(
		who: &AccountOf<T>,
		call: &CallOf<T>,
		info: &DispatchInfoOf<CallOf<T>>,
		fee: BalanceOf<T>,
		tip: BalanceOf<T>,
	) -> Option<(AccountOf<T>, Books)> {
		if fee.is_zero() {
			return None;
		}
		let covers = |record: &SponsorshipOf<T>| fee <= record.left();
		let (sponsor, books) = match call.is_sub_type() {
			Some(Call::accept { sponsor }) => Offers::<T>::get(who, sponsor)
				.filter(covers)
				.map(|offer| (offer.sponsor, Books::Offer))?,
			Some(Call::revoke { account }) if account == who => {
				(Sponsorships::<T>::get(who)?.sponsor, Books::Leaving)
			},
			_ if Calls::contains(call) => Sponsorships::<T>::get(who)
				.filter(covers)
				.map(|sponsorship| (sponsorship.sponsor, Books::Sponsorship))?,
			_ => return None,
		};
		OwnFees::can_withdraw_fee(&sponsor, call, info, fee, tip).ok()?;
		Some((sponsor, books))
	}
}

impl<T, OwnFees, Calls> TxCreditHold<T> for SponsoredFees<T, OwnFees, Calls>
where
	T: Config + pallet_transaction_payment::Config,
	OwnFees: TxCreditHold<T>,
{
	type Credit = OwnFees::Credit;
}

impl<T, OwnFees, Calls> OnChargeTransaction<T> for SponsoredFees<T, OwnFees, Calls>
where
	T: Config + pallet_transaction_payment::Config,
	CallOf<T>: IsSubType<Call<T>>,
	OwnFees: OnChargeTransaction<T, Balance = BalanceOf<T>>,
	Calls: Contains<CallOf<T>>,
{
	type Balance = BalanceOf<T>;
	/// The sponsor and the amount withdrawn from it, if a sponsor paid; what `OwnFees` carries.
	type LiquidityInfo = (Option<(AccountOf<T>, BalanceOf<T>)>, OwnFees::LiquidityInfo);

	fn withdraw_fee(
		who: &AccountOf<T>,
		call: &CallOf<T>,
		info: &DispatchInfoOf<CallOf<T>>,
		fee_with_tip: BalanceOf<T>,
		tip: BalanceOf<T>,
	) -> Result<Self::LiquidityInfo, TransactionValidityError> {
		let Some((sponsor, books)) = Self::sponsor_paying(who, call, info, fee_with_tip, tip)
		else {
			return Ok((None, OwnFees::withdraw_fee(who, call, info, fee_with_tip, tip)?));
		};
		// Checked against the books as this block has left them, not as the pool saw them:
		// two transactions validated together cannot both spend the last of an allowance.
		let booked = match books {
			Books::Sponsorship => Pallet::<T>::spend_on_fee(who, fee_with_tip).map(|_| ()),
			Books::Offer => Pallet::<T>::spend_offer_on_fee(who, &sponsor, fee_with_tip),
			Books::Leaving => Ok(()),
		};
		booked.map_err(|_| InvalidTransaction::Payment)?;
		let own = OwnFees::withdraw_fee(&sponsor, call, info, fee_with_tip, tip)?;
		Ok((Some((sponsor, fee_with_tip)), own))
	}

	fn can_withdraw_fee(
		who: &AccountOf<T>,
		call: &CallOf<T>,
		info: &DispatchInfoOf<CallOf<T>>,
		fee_with_tip: BalanceOf<T>,
		tip: BalanceOf<T>,
	) -> Result<(), TransactionValidityError> {
		match Self::sponsor_paying(who, call, info, fee_with_tip, tip) {
			Some(_) => Ok(()),
			None => OwnFees::can_withdraw_fee(who, call, info, fee_with_tip, tip),
		}
	}

	fn correct_and_deposit_fee(
		who: &AccountOf<T>,
		info: &DispatchInfoOf<CallOf<T>>,
		post_info: &PostDispatchInfoOf<CallOf<T>>,
		corrected_fee_with_tip: BalanceOf<T>,
		tip: BalanceOf<T>,
		(sponsor, own): Self::LiquidityInfo,
	) -> Result<(), TransactionValidityError> {
		let payer = match sponsor {
			Some((sponsor, withdrawn)) => {
				// What the call did not use goes back to the sponsor, and to the allowance it
				// came from (an accepted offer's now belongs to the sponsorship).
				let unused = withdrawn.saturating_sub(corrected_fee_with_tip);
				Pallet::<T>::refund_fee(who, &sponsor, unused);
				sponsor
			},
			None => who.clone(),
		};
		OwnFees::correct_and_deposit_fee(
			&payer,
			info,
			post_info,
			corrected_fee_with_tip,
			tip,
			own,
		)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn endow_account(who: &AccountOf<T>, amount: BalanceOf<T>) {
		OwnFees::endow_account(who, amount)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn minimum_balance() -> BalanceOf<T> {
		OwnFees::minimum_balance()
	}
}

/// The weight of charging a fee: `Base` (e.g. polkadot-sdk's measured
/// `charge_transaction_payment`: one account read and written), plus the one sponsorship record
/// or offer [`SponsoredFees`] reads and may write, and its proof. The sponsor's account takes
/// the place of the signer's, so it adds nothing.
pub struct SponsoredFeeWeight<T, Base>(PhantomData<(T, Base)>);

impl<T, Base> pallet_transaction_payment::WeightInfo for SponsoredFeeWeight<T, Base>
where
	T: Config,
	Base: pallet_transaction_payment::WeightInfo,
{
	fn charge_transaction_payment() -> Weight {
		use codec::MaxEncodedLen;
		// The longer key of the two: an offer's (two Blake2_128Concat parts), then the record.
		let key = 2 * (16 + AccountOf::<T>::max_encoded_len());
		let record = key + SponsorshipOf::<T>::max_encoded_len();
		Base::charge_transaction_payment()
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(Weight::from_parts(0, record as u64))
	}
}
