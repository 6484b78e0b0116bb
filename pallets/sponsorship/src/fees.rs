//! Who pays a transaction's fee in a runtime with sponsorship: the transaction-payment adapter
//! [`SponsoredFees`], generic over how an account pays for itself (`OwnFees`, e.g.
//! `pallet_transaction_payment::FungibleAdapter`), over the calls a sponsorship pays for
//! (`Calls`, e.g. the social pallets' calls), and over the deposits removal calls return
//! (`Removals`, see [`ReturnedDeposit`]).
//!
//! The sponsor of `who` pays the fee (withdrawn from its free balance) when:
//! - `who` is sponsored, `call` is one of `Calls`, and what is left of the allowance covers the
//!   fee, which is then counted against it;
//! - `call` is `accept(sponsor)` and `sponsor`'s waiting offer to `who` covers the fee (counted
//!   against the offer, so against the sponsorship it becomes): a key with nothing can accept;
//! - `call` is `revoke(who)`, the account leaving its sponsorship: always, so an account with
//!   nothing can always leave (the record is gone right after, so nothing is counted).
//!
//! Otherwise `who` pays, as `OwnFees` would have it. When it cannot, and the call removes an
//! item (`Removals` names the deposit it returns and who holds it), the fee comes out of that
//! deposit: nothing is withdrawn before the call, and after it the fee is withdrawn from
//! whoever the deposit went back to (the owner, or the sponsor that held it), at most the
//! deposit. So removing one's own content is always possible, even with nothing: a sponsored
//! account whose sponsorship ended removes everything it has. Should the call not return the
//! deposit after all (another transaction in the block removed the item first), the fee is
//! still withdrawn from the payer after the call if its balance covers it; if not, the
//! transaction fails its fee and the block author leaves it out. For a message notice its
//! recipient removes, the deposit and so the fee are the sender's.
//!
//! A call nobody can pay for is invalid at the pool and takes no fee. What a call did not use
//! goes back to whoever paid it, and to the allowance it came from. Users sign ordinary
//! transactions: no new extension.

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
pub struct SponsoredFees<T, OwnFees, Calls, Removals = ()>(
	PhantomData<(T, OwnFees, Calls, Removals)>,
);

/// The deposit a call returns when it removes an item.
pub trait ReturnedDeposit<AccountId, Call, Balance> {
	/// `Some((payer, amount))` when `who`'s `call` removes an item of `who`'s (or otherwise
	/// one `who` may remove) and gives back `amount` to `payer`, who holds its deposit.
	fn returned_by(who: &AccountId, call: &Call) -> Option<(AccountId, Balance)>;
}

/// No call returns a deposit.
impl<AccountId, Call, Balance> ReturnedDeposit<AccountId, Call, Balance> for () {
	fn returned_by(_: &AccountId, _: &Call) -> Option<(AccountId, Balance)> {
		None
	}
}

/// Who pays a transaction's fee, decided before its call.
#[derive(Default)]
pub enum FeePayer<AccountId, Balance, Call> {
	/// The signer, as `OwnFees` has it.
	#[default]
	Own,
	/// A sponsor, from which `Balance` was withdrawn before the call.
	Sponsor(AccountId, Balance),
	/// Whoever the call's removed deposit goes back to, after the call (`Call` is kept to
	/// withdraw the fee then).
	ReturnedDeposit(AccountId, alloc::boxed::Box<Call>),
}

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

impl<T, OwnFees, Calls, Removals> SponsoredFees<T, OwnFees, Calls, Removals>
where
	T: Config + pallet_transaction_payment::Config,
	CallOf<T>: IsSubType<Call<T>>,
	OwnFees: OnChargeTransaction<T, Balance = BalanceOf<T>>,
	Calls: Contains<CallOf<T>>,
	Removals: ReturnedDeposit<AccountOf<T>, CallOf<T>, BalanceOf<T>>,
{
	/// The account a removal's returned deposit pays `fee` for, if `who` cannot pay it itself.
	fn deposit_paying(
		who: &AccountOf<T>,
		call: &CallOf<T>,
		info: &DispatchInfoOf<CallOf<T>>,
		fee: BalanceOf<T>,
		tip: BalanceOf<T>,
	) -> Option<AccountOf<T>> {
		if OwnFees::can_withdraw_fee(who, call, info, fee, tip).is_ok() {
			return None;
		}
		Removals::returned_by(who, call)
			.filter(|(_, amount)| fee <= *amount)
			.map(|(payer, _)| payer)
	}

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
			// Not for an account already sponsored: its `accept` would fail, and must not spend
			// the offer on failing.
			Some(Call::accept { sponsor }) if !Sponsorships::<T>::contains_key(who) => {
				Offers::<T>::get(who, sponsor)
					.filter(covers)
					.map(|offer| (offer.sponsor, Books::Offer))?
			},
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

impl<T, OwnFees, Calls, Removals> TxCreditHold<T> for SponsoredFees<T, OwnFees, Calls, Removals>
where
	T: Config + pallet_transaction_payment::Config,
	OwnFees: TxCreditHold<T>,
{
	type Credit = OwnFees::Credit;
}

impl<T, OwnFees, Calls, Removals> OnChargeTransaction<T>
	for SponsoredFees<T, OwnFees, Calls, Removals>
where
	T: Config + pallet_transaction_payment::Config,
	CallOf<T>: IsSubType<Call<T>>,
	OwnFees: OnChargeTransaction<T, Balance = BalanceOf<T>>,
	Calls: Contains<CallOf<T>>,
	Removals: ReturnedDeposit<AccountOf<T>, CallOf<T>, BalanceOf<T>>,
{
	type Balance = BalanceOf<T>;
	/// Who pays (and, for a sponsor, what was withdrawn from it); what `OwnFees` carries.
	type LiquidityInfo = (FeePayer<AccountOf<T>, BalanceOf<T>, CallOf<T>>, OwnFees::LiquidityInfo);

	fn withdraw_fee(
		who: &AccountOf<T>,
		call: &CallOf<T>,
		info: &DispatchInfoOf<CallOf<T>>,
		fee_with_tip: BalanceOf<T>,
		tip: BalanceOf<T>,
	) -> Result<Self::LiquidityInfo, TransactionValidityError> {
		let Some((sponsor, books)) = Self::sponsor_paying(who, call, info, fee_with_tip, tip)
		else {
			if let Some(payer) = Self::deposit_paying(who, call, info, fee_with_tip, tip) {
				let deferred =
					FeePayer::ReturnedDeposit(payer, alloc::boxed::Box::new(call.clone()));
				return Ok((deferred, Default::default()));
			}
			let own = OwnFees::withdraw_fee(who, call, info, fee_with_tip, tip)?;
			return Ok((FeePayer::Own, own));
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
		Ok((FeePayer::Sponsor(sponsor, fee_with_tip), own))
	}

	fn can_withdraw_fee(
		who: &AccountOf<T>,
		call: &CallOf<T>,
		info: &DispatchInfoOf<CallOf<T>>,
		fee_with_tip: BalanceOf<T>,
		tip: BalanceOf<T>,
	) -> Result<(), TransactionValidityError> {
		if Self::sponsor_paying(who, call, info, fee_with_tip, tip).is_some()
			|| Self::deposit_paying(who, call, info, fee_with_tip, tip).is_some()
		{
			return Ok(());
		}
		OwnFees::can_withdraw_fee(who, call, info, fee_with_tip, tip)
	}

	fn correct_and_deposit_fee(
		who: &AccountOf<T>,
		info: &DispatchInfoOf<CallOf<T>>,
		post_info: &PostDispatchInfoOf<CallOf<T>>,
		corrected_fee_with_tip: BalanceOf<T>,
		tip: BalanceOf<T>,
		(payer, own): Self::LiquidityInfo,
	) -> Result<(), TransactionValidityError> {
		let (payer, own) = match payer {
			FeePayer::Own => (who.clone(), own),
			FeePayer::Sponsor(sponsor, withdrawn) => {
				// What the call did not use goes back to the sponsor, and to the allowance it
				// came from (an accepted offer's now belongs to the sponsorship).
				let unused = withdrawn.saturating_sub(corrected_fee_with_tip);
				Pallet::<T>::refund_fee(who, &sponsor, unused);
				(sponsor, own)
			},
			FeePayer::ReturnedDeposit(payer, call) => {
				// The deposit is back in `payer`'s free balance now: the fee comes out of it.
				let own = OwnFees::withdraw_fee(&payer, &call, info, corrected_fee_with_tip, tip)?;
				(payer, own)
			},
		};
		OwnFees::correct_and_deposit_fee(&payer, info, post_info, corrected_fee_with_tip, tip, own)
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
