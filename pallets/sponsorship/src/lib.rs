#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod budget;
mod deposit;
#[cfg(test)]
mod deposit_tests;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use deposit::SponsoredHold;
pub use types::Sponsorship;
pub use weights::WeightInfo;

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees. The workspace lint is lifted for the
// module so that generated code compiles under it, and denied again on each block of this
// pallet's own code (`#[deny(clippy::expect_used)]` below).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::DepositTicket;
	use codec::MaxEncodedLen;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{CheckedAdd, Zero};

	/// The balance type of the currency fees and deposits are paid in.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A sponsorship of this runtime.
	pub type SponsorshipOf<T> = Sponsorship<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::Consideration,
	>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason, which must include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency fees and deposits are paid in; `try_state` reads holds back through it.
		type Currency: fungible::InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The sponsor's deposit for a sponsorship record, priced by its storage footprint.
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The sponsor's deposit for a sponsorship record.
		#[codec(index = 0)]
		SponsorshipDeposit,
	}

	/// The sponsorship of each sponsored account (at most one at a time).
	#[pallet::storage]
	pub type Sponsorships<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SponsorshipOf<T>>;

	/// The accounts each sponsor sponsors (sponsor → account), for listing.
	#[pallet::storage]
	pub type SponsoredBy<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, T::AccountId, ()>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `sponsor` now pays for `account`'s social actions, up to `allowance`.
		Sponsored {
			/// The account that pays.
			sponsor: T::AccountId,
			/// The account paid for.
			account: T::AccountId,
			/// The most the sponsor spends on it.
			allowance: BalanceOf<T>,
		},
		/// `sponsor` raised the allowance of `account`'s sponsorship to `allowance`.
		ToppedUp {
			/// The account that pays.
			sponsor: T::AccountId,
			/// The account paid for.
			account: T::AccountId,
			/// The new allowance.
			allowance: BalanceOf<T>,
		},
		/// `sponsor` paid `amount` for `account` (a fee, or a deposit held); `left` remains.
		AllowanceSpent {
			/// The account that paid.
			sponsor: T::AccountId,
			/// The account paid for.
			account: T::AccountId,
			/// What was paid or held.
			amount: BalanceOf<T>,
			/// What the allowance still covers.
			left: BalanceOf<T>,
		},
		/// The sponsorship of `account` by `sponsor` ended, at the request of `by`. Deposits
		/// the sponsor holds for the account's items stay held until those items go.
		Revoked {
			/// The account that paid.
			sponsor: T::AccountId,
			/// The account paid for.
			account: T::AccountId,
			/// Who ended it: the sponsor or the account.
			by: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// An account cannot sponsor itself.
		CannotSponsorSelf,
		/// An allowance (or a top-up) must be more than zero.
		ZeroAllowance,
		/// The account already has a sponsor.
		AlreadySponsored,
		/// The account has no sponsor.
		NotSponsored,
		/// Only the account's sponsor (or, to revoke, the account itself) may do this.
		NotSponsor,
		/// What is left of the allowance does not cover the amount.
		AllowanceExceeded,
		/// The allowance would pass the largest balance.
		Overflow,
	}

	#[pallet::hooks]
	#[deny(clippy::expect_used)]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	#[deny(clippy::expect_used)]
	impl<T: Config> Pallet<T> {
		/// Sponsors `account`: from now on the caller pays the fees and holds the deposits of
		/// its social actions, together at most `allowance`. The account exists on chain while
		/// it is sponsored, even with no balance of its own (its nonce keeps counting). Holds a
		/// small deposit from the caller for the record, returned at `revoke`.
		///
		/// # Events
		/// `Sponsored`.
		///
		/// # Errors
		/// `CannotSponsorSelf`, `ZeroAllowance`, `AlreadySponsored`, or a balance error when
		/// the record's deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::sponsor())]
		pub fn sponsor(
			origin: OriginFor<T>,
			account: T::AccountId,
			allowance: BalanceOf<T>,
		) -> DispatchResult {
			let sponsor = ensure_signed(origin)?;
			ensure!(sponsor != account, Error::<T>::CannotSponsorSelf);
			ensure!(!allowance.is_zero(), Error::<T>::ZeroAllowance);
			ensure!(!Sponsorships::<T>::contains_key(&account), Error::<T>::AlreadySponsored);

			let ticket = T::Consideration::new(&sponsor, Self::footprint())?;
			let zero = BalanceOf::<T>::zero();
			let sponsorship = Sponsorship {
				sponsor: sponsor.clone(),
				allowance,
				fees_paid: zero,
				deposits_held: zero,
				ticket,
			};
			Sponsorships::<T>::insert(&account, sponsorship);
			SponsoredBy::<T>::insert(&sponsor, &account, ());
			frame_system::Pallet::<T>::inc_sufficients(&account);
			Self::deposit_event(Event::Sponsored { sponsor, account, allowance });
			Ok(())
		}

		/// Raises the allowance of the caller's sponsorship of `account` by `more`.
		///
		/// # Events
		/// `ToppedUp`.
		///
		/// # Errors
		/// `ZeroAllowance`, `NotSponsored`, `NotSponsor`, `Overflow`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(
			origin: OriginFor<T>,
			account: T::AccountId,
			more: BalanceOf<T>,
		) -> DispatchResult {
			let sponsor = ensure_signed(origin)?;
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

		/// Ends the sponsorship of `account`; the sponsor or the account itself may. The
		/// record's deposit goes back to the sponsor. Deposits the sponsor holds for the
		/// account's items stay held until those items are removed, and then go back to the
		/// sponsor. An account left with no balance of its own ceases to exist.
		///
		/// # Events
		/// `Revoked`.
		///
		/// # Errors
		/// `NotSponsored`, `NotSponsor`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			let sponsorship = Sponsorships::<T>::get(&account).ok_or(Error::<T>::NotSponsored)?;
			ensure!(by == sponsorship.sponsor || by == account, Error::<T>::NotSponsor);

			Sponsorships::<T>::remove(&account);
			SponsoredBy::<T>::remove(&sponsorship.sponsor, &account);
			sponsorship.ticket.drop(&sponsorship.sponsor)?;
			frame_system::Pallet::<T>::dec_sufficients(&account);
			Self::deposit_event(Event::Revoked { sponsor: sponsorship.sponsor, account, by });
			Ok(())
		}
	}

	#[deny(clippy::expect_used)]
	impl<T: Config> Pallet<T> {
		/// The storage one sponsorship occupies: the record and its index entry.
		pub fn footprint() -> Footprint {
			let key = T::AccountId::max_encoded_len();
			let record = key + SponsorshipOf::<T>::max_encoded_len();
			let index = 2 * key;
			Footprint::from_parts(2, record + index)
		}

		/// Checks the pallet's invariants: no sponsor's exposure (fees paid plus deposits held)
		/// passes its allowance, the index holds exactly the sponsorships, every sponsored
		/// account exists, and each sponsor's hold equals the sum of its records' tickets.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use sp_runtime::traits::Saturating;

			let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			for (account, sponsorship) in Sponsorships::<T>::iter() {
				let exposure = sponsorship.fees_paid.checked_add(&sponsorship.deposits_held);
				ensure!(
					exposure.is_some_and(|exposure| exposure <= sponsorship.allowance),
					"a sponsor's exposure passes its allowance"
				);
				ensure!(
					SponsoredBy::<T>::contains_key(&sponsorship.sponsor, &account),
					"a sponsorship is missing from the index"
				);
				ensure!(
					frame_system::Pallet::<T>::sufficients(&account) > 0,
					"a sponsored account is not kept in existence"
				);
				let amount = held.entry(sponsorship.sponsor.clone()).or_default();
				*amount = amount.saturating_add(sponsorship.ticket.held());
			}
			for (sponsor, account, ()) in SponsoredBy::<T>::iter() {
				ensure!(
					Sponsorships::<T>::get(&account).is_some_and(|s| s.sponsor == sponsor),
					"an index entry has no sponsorship"
				);
			}
			let reason: T::RuntimeHoldReason = HoldReason::SponsorshipDeposit.into();
			agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
			Ok(())
		}
	}
}
