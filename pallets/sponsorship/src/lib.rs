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
mod fees;
#[cfg(test)]
mod fees_tests;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
#[cfg(test)]
mod mock;
mod offers;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use deposit::SponsoredHold;
pub use fees::{FeePayer, ReturnedDeposit, SponsoredFeeWeight, SponsoredFees};
pub use types::Sponsorship;
pub use weights::WeightInfo;

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees. The workspace lint is lifted for the
// macro module only; the pallet's logic lives outside it (`offers.rs`, `budget.rs`, ...), where
// the lint holds.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;

	/// The balance type of the currency fees and deposits are paid in.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A sponsorship (or an offer of one) of this runtime.
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

		/// The sponsor's deposit for a sponsorship record or an offer, priced by its storage
		/// footprint.
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ agora_primitives::DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The sponsor's deposit for a sponsorship record or an offer.
		#[codec(index = 0)]
		SponsorshipDeposit,
	}

	/// The sponsorship of each sponsored account (at most one at a time), once it accepted it.
	#[pallet::storage]
	pub type Sponsorships<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SponsorshipOf<T>>;

	/// The accounts each sponsor sponsors (sponsor → account), for listing.
	#[pallet::storage]
	pub type SponsoredBy<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, T::AccountId, ()>;

	/// Offers waiting for the account to accept them (account → sponsor → the offer). Any
	/// number may wait at once; each holds a deposit from its sponsor.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		SponsorshipOf<T>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `sponsor` accepted to pay for `account`'s social actions, up to `allowance`.
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
		/// `sponsor` offers to pay for `account`'s social actions, up to `allowance`; nothing
		/// happens until `account` accepts.
		Offered {
			/// The account that offers to pay.
			sponsor: T::AccountId,
			/// The account it offers to pay for.
			account: T::AccountId,
			/// The most it would spend on it.
			allowance: BalanceOf<T>,
		},
		/// `sponsor` withdrew its offer to `account`.
		OfferWithdrawn {
			/// The account that offered.
			sponsor: T::AccountId,
			/// The account it offered to pay for.
			account: T::AccountId,
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
		/// This sponsor already offers to sponsor, or sponsors, the account.
		AlreadyOffered,
		/// No offer from this sponsor waits for the account.
		NoOffer,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Offers to sponsor `account`: once it accepts (`accept`), the caller pays the fees
		/// and holds the deposits of its social actions, together at most `allowance`. Until
		/// then nothing changes for `account`, and other offers may wait beside this one. The
		/// account exists on chain while an offer waits, even with no balance of its own, so
		/// it can sign its `accept` (whose fee this offer pays). Holds a small deposit from
		/// the caller for the offer, returned when it is withdrawn or the sponsorship ends.
		///
		/// # Events
		/// `Offered`.
		///
		/// # Errors
		/// `CannotSponsorSelf`, `ZeroAllowance`, `AlreadyOffered`, or a balance error when
		/// the offer's deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::sponsor())]
		pub fn sponsor(
			origin: OriginFor<T>,
			account: T::AccountId,
			allowance: BalanceOf<T>,
		) -> DispatchResult {
			let sponsor = ensure_signed(origin)?;
			Self::do_offer(sponsor, account, allowance)
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
			Self::do_top_up(sponsor, account, more)
		}

		/// Ends the sponsorship of `account`; the sponsor or the account itself may (the
		/// account's fee for it is paid by the sponsor, so an account with nothing can always
		/// leave). The record's deposit goes back to the sponsor. Deposits the sponsor holds
		/// for the account's items stay held until those items are removed, and then go back
		/// to the sponsor.
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
			Self::do_revoke(by, account)
		}

		/// Accepts `sponsor`'s offer: from now on it pays for the caller's social actions, up
		/// to the offered allowance. The fee of this call is paid by the offer.
		///
		/// # Events
		/// `Sponsored`.
		///
		/// # Errors
		/// `NoOffer`, `AlreadySponsored` (leave the current sponsorship first: `revoke`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accept())]
		pub fn accept(origin: OriginFor<T>, sponsor: T::AccountId) -> DispatchResult {
			let account = ensure_signed(origin)?;
			Self::do_accept(account, sponsor)
		}

		/// Withdraws the caller's offer to `account`; its deposit goes back.
		///
		/// # Events
		/// `OfferWithdrawn`.
		///
		/// # Errors
		/// `NoOffer`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_offer())]
		pub fn withdraw_offer(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let sponsor = ensure_signed(origin)?;
			Self::do_withdraw_offer(sponsor, account)
		}
	}
}
