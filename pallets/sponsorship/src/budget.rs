//! The allowance as the runtime spends it.
//!
//! This module keeps the books; it moves no funds for fees or item deposits itself. The
//! transaction-payment adapter ([`crate::SponsoredFees`]) asks [`Pallet::spend_on_fee`] (or, for
//! an `accept`, [`Pallet::spend_offer_on_fee`]) before it withdraws a fee from the sponsor, and
//! gives back what the fee estimate over-charged with [`Pallet::refund_fee`]; the deposit
//! `Consideration` ([`crate::SponsoredHold`]) asks
//! [`Pallet::hold_for_deposit`] before it holds an item's deposit from the sponsor, and calls
//! [`Pallet::release_deposit`] when the item goes. Each call either fits in what is left of the
//! allowance and is recorded, or changes nothing: so the fees paid plus deposits held never
//! pass the allowance, however many transactions a block carries (each is checked against the
//! books as the block has left them, not against the state the pool validated them on).

use frame_support::pallet_prelude::*;
use sp_runtime::traits::{CheckedAdd, Saturating};

use crate::{BalanceOf, Config, Error, Event, Offers, Pallet, Sponsorships};

impl<T: Config> Pallet<T> {
	/// The sponsor of `account`, if it has one.
	pub fn sponsor_of(account: &T::AccountId) -> Option<T::AccountId> {
		Sponsorships::<T>::get(account).map(|sponsorship| sponsorship.sponsor)
	}

	/// What the allowance of `account`'s sponsorship still covers, if it has one.
	pub fn left(account: &T::AccountId) -> Option<BalanceOf<T>> {
		Sponsorships::<T>::get(account).map(|sponsorship| sponsorship.left())
	}

	/// Records that the sponsor of `account` pays a fee of `fee`, and names the sponsor; or
	/// refuses (`NotSponsored`, `AllowanceExceeded`) and changes nothing.
	pub fn spend_on_fee(
		account: &T::AccountId,
		fee: BalanceOf<T>,
	) -> Result<T::AccountId, DispatchError> {
		Self::spend(account, fee, |sponsorship| &mut sponsorship.fees_paid)
	}

	/// Records that `sponsor`'s offer to `account` pays a fee of `fee` (the fee of accepting
	/// it); or refuses (`NoOffer`, `AllowanceExceeded`) and changes nothing.
	pub fn spend_offer_on_fee(
		account: &T::AccountId,
		sponsor: &T::AccountId,
		fee: BalanceOf<T>,
	) -> DispatchResult {
		let left = Offers::<T>::try_mutate(account, sponsor, |offer| {
			let offer = offer.as_mut().ok_or(Error::<T>::NoOffer)?;
			ensure!(fee <= offer.left(), Error::<T>::AllowanceExceeded);
			offer.fees_paid = offer.fees_paid.checked_add(&fee).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>(offer.left())
		})?;
		Self::deposit_event(Event::AllowanceSpent {
			sponsor: sponsor.clone(),
			account: account.clone(),
			amount: fee,
			left,
		});
		Ok(())
	}

	/// Gives back to the allowance `amount` of a fee `sponsor` paid for `account` that the
	/// transaction did not use: to the sponsorship if `sponsor` holds it, else to `sponsor`'s
	/// offer to `account` if one waits. Nothing happens when neither exists (the sponsorship
	/// ended, or changed hands): the refund then goes to the sponsor's balance only.
	pub fn refund_fee(account: &T::AccountId, sponsor: &T::AccountId, amount: BalanceOf<T>) {
		if Self::sponsor_of(account).as_ref() == Some(sponsor) {
			Self::give_back(account, sponsor, amount, |sponsorship| &mut sponsorship.fees_paid)
		} else {
			Offers::<T>::mutate(account, sponsor, |offer| {
				if let Some(offer) = offer.as_mut() {
					offer.fees_paid = offer.fees_paid.saturating_sub(amount);
				}
			})
		}
	}

	/// Records that the sponsor of `account` holds a deposit of `amount` for one of its
	/// items, and names the sponsor; or refuses (`NotSponsored`, `AllowanceExceeded`) and
	/// changes nothing.
	pub fn hold_for_deposit(
		account: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<T::AccountId, DispatchError> {
		Self::spend(account, amount, |sponsorship| &mut sponsorship.deposits_held)
	}

	/// Records that `sponsor` no longer holds a deposit of `amount` for `account`'s item: the
	/// item went. A sponsorship that has ended, or that someone else now holds, is not
	/// touched (the deposit goes back to whoever paid it, whatever the books say now).
	pub fn release_deposit(account: &T::AccountId, sponsor: &T::AccountId, amount: BalanceOf<T>) {
		Self::give_back(account, sponsor, amount, |sponsorship| &mut sponsorship.deposits_held)
	}

	/// Adds `amount` to the part of `account`'s sponsorship that `part` picks, if the
	/// allowance covers it; emits `AllowanceSpent`.
	fn spend(
		account: &T::AccountId,
		amount: BalanceOf<T>,
		part: impl FnOnce(&mut crate::SponsorshipOf<T>) -> &mut BalanceOf<T>,
	) -> Result<T::AccountId, DispatchError> {
		let (sponsor, left) = Sponsorships::<T>::try_mutate(account, |sponsorship| {
			let sponsorship = sponsorship.as_mut().ok_or(Error::<T>::NotSponsored)?;
			ensure!(amount <= sponsorship.left(), Error::<T>::AllowanceExceeded);
			let spent = part(sponsorship);
			*spent = spent.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>((sponsorship.sponsor.clone(), sponsorship.left()))
		})?;
		Self::deposit_event(Event::AllowanceSpent {
			sponsor: sponsor.clone(),
			account: account.clone(),
			amount,
			left,
		});
		Ok(sponsor)
	}

	/// Takes `amount` off the part of `account`'s sponsorship that `part` picks, if `sponsor`
	/// still holds it.
	fn give_back(
		account: &T::AccountId,
		sponsor: &T::AccountId,
		amount: BalanceOf<T>,
		part: impl FnOnce(&mut crate::SponsorshipOf<T>) -> &mut BalanceOf<T>,
	) {
		Sponsorships::<T>::mutate(account, |sponsorship| {
			if let Some(sponsorship) = sponsorship.as_mut().filter(|s| s.sponsor == *sponsor) {
				let spent = part(sponsorship);
				*spent = spent.saturating_sub(amount);
			}
		})
	}
}
