//! Item deposits that the sponsor holds: a `Consideration` for the social pallets.
//!
//! The social pallets ask their `Consideration` for a ticket when an item is created and give
//! the ticket back when it goes; they never learn who paid. [`SponsoredHold`] is that ticket
//! in a runtime with sponsorship: it holds the deposit from the owner's sponsor while the
//! sponsorship's allowance covers it (and the sponsor's free balance does), and from the owner
//! otherwise. The ticket remembers the sponsor, so the deposit goes back to whoever paid it
//! when the item is removed, even after the sponsorship has ended.
//!
//! An item held from a sponsor keeps its owner on chain (a sufficient reference): an account
//! with no balance whose sponsorship ended can still sign the removal of what it has.
//!
//! An edit that makes an item larger (`update`) prices it again and decides again who pays, as
//! for a new item: the old deposit goes back to its payer first. One that keeps its size or
//! shrinks it keeps the payer, who gets the difference back: clearing a handle, say, never
//! needs anything from the owner.
//!
//! # Encoding
//! The amount (the balance type's encoding), then the sponsor as `Option<AccountId>`. A
//! ticket that ends after the amount decodes as paid by the owner: that is how
//! `HoldConsideration`, which stores the amount alone, encoded its tickets, so items stored
//! before sponsorship existed read back unchanged, with no storage migration. The ticket is
//! the last field of every record that stores one, so "ends after the amount" is "the stored
//! value ends there".

use core::marker::PhantomData;

use agora_primitives::DepositTicket;
use codec::{Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen, Output};
use frame_support::{
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
		Consideration, Footprint, Get,
	},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{Convert, Saturating, Zero},
	DispatchError,
};

use crate::{BalanceOf, Config, Pallet, Sponsorships};

/// The currency [`SponsoredHold`] holds deposits in. Benchmarks also mint into it
/// (`Consideration::ensure_successful`).
#[cfg(not(feature = "runtime-benchmarks"))]
pub trait DepositCurrency<AccountId>: MutateHold<AccountId> {}
#[cfg(not(feature = "runtime-benchmarks"))]
impl<AccountId, C: MutateHold<AccountId>> DepositCurrency<AccountId> for C {}
/// The currency [`SponsoredHold`] holds deposits in. Benchmarks also mint into it
/// (`Consideration::ensure_successful`).
#[cfg(feature = "runtime-benchmarks")]
pub trait DepositCurrency<AccountId: Eq>:
	MutateHold<AccountId> + frame_support::traits::fungible::Mutate<AccountId>
{
}
#[cfg(feature = "runtime-benchmarks")]
impl<AccountId: Eq, C> DepositCurrency<AccountId> for C where
	C: MutateHold<AccountId> + frame_support::traits::fungible::Mutate<AccountId>
{
}

/// A deposit held for an item, from its owner or from the owner's sponsor.
///
/// `R` names the hold reason, `D` prices a footprint (as for `HoldConsideration`).
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo)]
#[scale_info(skip_type_params(T, R, D))]
pub struct SponsoredHold<T: Config, R, D> {
	/// The amount held.
	amount: BalanceOf<T>,
	/// The sponsor it is held from; `None`: held from the item's owner.
	sponsor: Option<T::AccountId>,
	#[codec(skip)]
	_pricing: PhantomData<fn() -> (R, D)>,
}

impl<T: Config, R, D> SponsoredHold<T, R, D> {
	/// The amount held.
	pub fn amount(&self) -> BalanceOf<T> {
		self.amount
	}

	/// The sponsor the amount is held from, if the owner did not pay it.
	pub fn sponsor(&self) -> Option<&T::AccountId> {
		self.sponsor.as_ref()
	}
}

impl<T, R, D> Consideration<T::AccountId, Footprint> for SponsoredHold<T, R, D>
where
	T: Config,
	T::Currency: DepositCurrency<T::AccountId>,
	R: Get<T::RuntimeHoldReason> + 'static,
	D: Convert<Footprint, BalanceOf<T>> + 'static,
{
	fn new(who: &T::AccountId, footprint: Footprint) -> Result<Self, DispatchError> {
		let amount = D::convert(footprint);
		let sponsor = Self::hold_from_sponsor(who, amount);
		match sponsor {
			// The owner exists while anything of it is on chain at a sponsor's expense, even
			// after the sponsorship ends: so it can still remove it.
			Some(_) => {
				frame_system::Pallet::<T>::inc_sufficients(who);
			},
			None => T::Currency::hold(&R::get(), who, amount)?,
		}
		Ok(Self { amount, sponsor, _pricing: PhantomData })
	}

	fn update(self, who: &T::AccountId, footprint: Footprint) -> Result<Self, DispatchError> {
		let amount = D::convert(footprint);
		if amount > self.amount {
			self.drop(who)?;
			return Self::new(who, footprint);
		}
		// As large or smaller: whoever holds the deposit keeps holding the new amount, and the
		// difference goes back to it. So shrinking an item (clearing a handle) never needs
		// anything from its owner, sponsored or not, whatever happened to the sponsorship.
		let back = self.amount.saturating_sub(amount);
		if !back.is_zero() {
			let payer = self.payer(who);
			T::Currency::release(&R::get(), &payer, back, Precision::BestEffort)?;
			if let Some(sponsor) = &self.sponsor {
				Pallet::<T>::release_deposit(who, sponsor, back);
			}
		}
		Ok(Self { amount, sponsor: self.sponsor, _pricing: PhantomData })
	}

	fn drop(self, who: &T::AccountId) -> Result<(), DispatchError> {
		let payer = self.payer(who);
		T::Currency::release(&R::get(), &payer, self.amount, Precision::BestEffort)?;
		if let Some(sponsor) = &self.sponsor {
			Pallet::<T>::release_deposit(who, sponsor, self.amount);
			frame_system::Pallet::<T>::dec_sufficients(who);
		}
		Ok(())
	}

	fn burn(self, who: &T::AccountId) {
		let payer = self.payer(who);
		let _ = T::Currency::burn_held(
			&R::get(),
			&payer,
			self.amount,
			Precision::BestEffort,
			Fortitude::Force,
		);
		if let Some(sponsor) = &self.sponsor {
			Pallet::<T>::release_deposit(who, sponsor, self.amount);
			frame_system::Pallet::<T>::dec_sufficients(who);
		}
	}

	/// Funds `who` for the deposit, and also sponsors it with an allowance that covers the
	/// deposit: the social pallets' benchmarks then measure the dearer path, the deposit held
	/// from a sponsor and the sponsorship's books read and written.
	///
	/// The sponsorship record of `who` and the sponsor's account are whitelisted: the fee check
	/// of a signed social call (the runtime's `SponsoredFees`) reads the record and, when the
	/// sponsor pays, reads and writes both before the call is dispatched, and its weight
	/// (`SponsoredFeeWeight`) charges one read and one write of the record and of the paying
	/// account either way; counting them again would charge each call twice for them. Like the
	/// signer's own account, which FRAME's benchmarks whitelist for the same reason (the nonce
	/// check reads and writes it). A deposit returned or repriced to another payer is charged
	/// on top (`agora_primitives::other_payer_weight`).
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(who: &T::AccountId, footprint: Footprint) {
		use frame_support::traits::fungible::{Inspect, Mutate};
		let needed = T::Currency::minimum_balance().saturating_add(D::convert(footprint));
		let _ = T::Currency::mint_into(who, needed);
		if !Sponsorships::<T>::contains_key(who) {
			let sponsor: T::AccountId = frame_benchmarking::account("deposit-sponsor", 0, 0);
			<T::Consideration as Consideration<_, _>>::ensure_successful(
				&sponsor,
				Pallet::<T>::footprint(),
			);
			let _ = T::Currency::mint_into(&sponsor, needed);
			let origin = frame_system::RawOrigin::Signed(sponsor.clone()).into();
			let _ = Pallet::<T>::sponsor(origin, who.clone(), needed);
			let _ =
				Pallet::<T>::accept(frame_system::RawOrigin::Signed(who.clone()).into(), sponsor);
		}
		if let Some(sponsorship) = Sponsorships::<T>::get(who) {
			frame_benchmarking::benchmarking::add_to_whitelist(
				Sponsorships::<T>::hashed_key_for(who).into(),
			);
			frame_benchmarking::benchmarking::add_to_whitelist(
				frame_system::Account::<T>::hashed_key_for(&sponsorship.sponsor).into(),
			);
		}
	}
}

impl<T, R, D> SponsoredHold<T, R, D>
where
	T: Config,
	T::Currency: DepositCurrency<T::AccountId>,
	R: Get<T::RuntimeHoldReason>,
{
	/// Holds `amount` from `who`'s sponsor and records it against the allowance, if `who` is
	/// sponsored, what is left of the allowance covers it and the sponsor can hold it; names
	/// the sponsor then. Otherwise changes nothing.
	fn hold_from_sponsor(who: &T::AccountId, amount: BalanceOf<T>) -> Option<T::AccountId> {
		if amount.is_zero() {
			return None;
		}
		let sponsorship = Sponsorships::<T>::get(who)?;
		if amount > sponsorship.left() {
			return None;
		}
		T::Currency::hold(&R::get(), &sponsorship.sponsor, amount).ok()?;
		// Cannot fail: the allowance was checked above and nothing changed it since.
		Pallet::<T>::hold_for_deposit(who, amount).ok()
	}
}

impl<T: Config, R, D> DepositTicket<T::AccountId, BalanceOf<T>> for SponsoredHold<T, R, D> {
	fn held(&self) -> BalanceOf<T> {
		self.amount
	}

	fn payer(&self, owner: &T::AccountId) -> T::AccountId {
		self.sponsor.clone().unwrap_or_else(|| owner.clone())
	}
}

impl<T: Config, R, D> Encode for SponsoredHold<T, R, D> {
	fn size_hint(&self) -> usize {
		self.amount.size_hint() + self.sponsor.size_hint()
	}

	fn encode_to<O: Output + ?Sized>(&self, dest: &mut O) {
		self.amount.encode_to(dest);
		self.sponsor.encode_to(dest);
	}
}

impl<T: Config, R, D> Decode for SponsoredHold<T, R, D> {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let amount = BalanceOf::<T>::decode(input)?;
		// A ticket stored by `HoldConsideration` ends after its amount (see the module docs).
		let sponsor = match input.remaining_len()? {
			Some(0) => None,
			_ => Option::<T::AccountId>::decode(input)?,
		};
		Ok(Self { amount, sponsor, _pricing: PhantomData })
	}
}

impl<T: Config, R, D> codec::EncodeLike for SponsoredHold<T, R, D> {}

impl<T: Config, R, D> DecodeWithMemTracking for SponsoredHold<T, R, D> {}

impl<T: Config, R, D> MaxEncodedLen for SponsoredHold<T, R, D> {
	fn max_encoded_len() -> usize {
		BalanceOf::<T>::max_encoded_len().saturating_add(Option::<T::AccountId>::max_encoded_len())
	}
}
