//! Offers and sponsorships: a sponsor offers, the account accepts, either of them ends it.
//!
//! Sponsorship is by consent: an offer changes nothing for the account until the account
//! accepts it, so a stranger's offer can neither front-run nor block a real sponsor's (any
//! number of offers may wait side by side). The offer keeps the account on chain, so a key
//! with nothing can sign its `accept`; the offer pays that fee (see [`crate::fees`]).

use frame_support::{
	pallet_prelude::*,
	traits::{Consideration, Footprint},
};
use sp_runtime::traits::{CheckedAdd, Zero};

use crate::{
	BalanceOf, Config, Error, Event, Offers, Pallet, SponsoredBy, Sponsorship, SponsorshipOf,
	Sponsorships,
};

impl<T: Config> Pallet<T> {
	/// The storage one sponsorship or one offer occupies: the record and its index entry (an
	/// offer's double-map key is about as long).
	pub fn footprint() -> Footprint {
		let key = T::AccountId::max_encoded_len();
		let record = key + SponsorshipOf::<T>::max_encoded_len();
		let index = 2 * key;
		Footprint::from_parts(2, record + index)
	}

	/// `sponsor`: a new offer from `sponsor` to `account`.
	pub(crate) fn do_offer(
		sponsor: T::AccountId,
		account: T::AccountId,
		allowance: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(sponsor != account, Error::<T>::CannotSponsorSelf);
		ensure!(!allowance.is_zero(), Error::<T>::ZeroAllowance);
		ensure!(!Offers::<T>::contains_key(&account, &sponsor), Error::<T>::AlreadyOffered);
		ensure!(Self::sponsor_of(&account).as_ref() != Some(&sponsor), Error::<T>::AlreadyOffered);

		let ticket = T::Consideration::new(&sponsor, Self::footprint())?;
		let zero = BalanceOf::<T>::zero();
		let offer = Sponsorship {
			sponsor: sponsor.clone(),
			allowance,
			fees_paid: zero,
			deposits_held: zero,
			ticket,
		};
		Offers::<T>::insert(&account, &sponsor, offer);
		frame_system::Pallet::<T>::inc_sufficients(&account);
		Self::deposit_event(Event::Offered { sponsor, account, allowance });
		Ok(())
	}

	/// `accept`: `account` takes `sponsor`'s offer; the offer becomes its sponsorship, with
	/// what the offer already paid (the fee of this call) counted against the allowance.
	pub(crate) fn do_accept(account: T::AccountId, sponsor: T::AccountId) -> DispatchResult {
		ensure!(!Sponsorships::<T>::contains_key(&account), Error::<T>::AlreadySponsored);
		let offer = Offers::<T>::take(&account, &sponsor).ok_or(Error::<T>::NoOffer)?;
		let allowance = offer.allowance;
		// The offer's hold on the account's existence passes to the sponsorship.
		Sponsorships::<T>::insert(&account, offer);
		SponsoredBy::<T>::insert(&sponsor, &account, ());
		Self::deposit_event(Event::Sponsored { sponsor, account, allowance });
		Ok(())
	}

	/// `withdraw_offer`: `sponsor` takes back its offer to `account` and its deposit.
	pub(crate) fn do_withdraw_offer(
		sponsor: T::AccountId,
		account: T::AccountId,
	) -> DispatchResult {
		let offer = Offers::<T>::get(&account, &sponsor).ok_or(Error::<T>::NoOffer)?;
		offer.ticket.drop(&sponsor)?;
		Offers::<T>::remove(&account, &sponsor);
		frame_system::Pallet::<T>::dec_sufficients(&account);
		Self::deposit_event(Event::OfferWithdrawn { sponsor, account });
		Ok(())
	}

	/// `top_up`: `sponsor` raises its allowance for `account` by `more`.
	pub(crate) fn do_top_up(
		sponsor: T::AccountId,
		account: T::AccountId,
		more: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!more.is_zero(), Error::<T>::ZeroAllowance);
		let allowance = Sponsorships::<T>::try_mutate(&account, |sponsorship| {
			let sponsorship = sponsorship.as_mut().ok_or(Error::<T>::NotSponsored)?;
			ensure!(sponsorship.sponsor == sponsor, Error::<T>::NotSponsor);
			sponsorship.allowance =
				sponsorship.allowance.checked_add(&more).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>(sponsorship.allowance)
		})?;
		Self::deposit_event(Event::ToppedUp { sponsor, account, allowance });
		Ok(())
	}

	/// `revoke`: the sponsor or the account (`by`) ends `account`'s sponsorship.
	pub(crate) fn do_revoke(by: T::AccountId, account: T::AccountId) -> DispatchResult {
		let sponsorship = Sponsorships::<T>::get(&account).ok_or(Error::<T>::NotSponsored)?;
		ensure!(by == sponsorship.sponsor || by == account, Error::<T>::NotSponsor);

		sponsorship.ticket.drop(&sponsorship.sponsor)?;
		Sponsorships::<T>::remove(&account);
		SponsoredBy::<T>::remove(&sponsorship.sponsor, &account);
		frame_system::Pallet::<T>::dec_sufficients(&account);
		Self::deposit_event(Event::Revoked { sponsor: sponsorship.sponsor, account, by });
		Ok(())
	}
}
