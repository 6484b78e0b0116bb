#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod weights;

pub use queries::*;
pub use weights::WeightInfo;

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees, so the workspace lint is lifted for this
// module. Only declarations and thin calls live in it (check the origin, hand over to a `do_*`
// function); the logic is in `impls.rs` and `try_state.rs`, under the workspace lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{other_payer_weight, DepositTicket};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;

	/// The balance type of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason, which must include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency deposits are held in; `try_state` reads holds back through it.
		type Currency: fungible::InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The deposit ticket of a follow, priced by its storage footprint.
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Limits of the follows runtime API, shown in the metadata; the value is defined once, in
	/// `agora-primitives`.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most accounts one page of `following` or `followers` carries (see
		/// `agora_primitives::PageSize`).
		#[pallet::constant_name(MaxPageSize)]
		fn max_page_size() -> u32 {
			agora_primitives::MAX_PAGE_SIZE
		}
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a follow.
		#[codec(index = 0)]
		FollowDeposit,
	}

	/// Whom each account follows (follower → followee), with the follow's deposit ticket.
	#[pallet::storage]
	pub type Following<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		T::Consideration,
	>;

	/// Who follows each account (followee → follower).
	#[pallet::storage]
	pub type Followers<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, T::AccountId, ()>;

	/// How many accounts each account follows.
	#[pallet::storage]
	pub type FollowingCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// How many accounts follow each account.
	#[pallet::storage]
	pub type FollowerCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `follower` now follows `followee`.
		Followed {
			/// The account that follows.
			follower: T::AccountId,
			/// The account followed.
			followee: T::AccountId,
		},
		/// `follower` no longer follows `followee`; the deposit was refunded.
		Unfollowed {
			/// The account that followed.
			follower: T::AccountId,
			/// The account it followed.
			followee: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// An account cannot follow itself.
		CannotFollowSelf,
		/// The caller already follows this account.
		AlreadyFollowing,
		/// The caller does not follow this account.
		NotFollowing,
		/// A counter reached its maximum.
		Overflow,
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
		/// Follows `followee`, any account (with or without a profile). Holds a small deposit
		/// until `unfollow`.
		///
		/// # Events
		/// `Followed`.
		///
		/// # Errors
		/// `CannotFollowSelf`, `AlreadyFollowing`, `Overflow`, or a balance error when the
		/// deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::follow())]
		pub fn follow(origin: OriginFor<T>, followee: T::AccountId) -> DispatchResult {
			let follower = ensure_signed(origin)?;
			Self::do_follow(follower, followee)
		}

		/// Stops following `followee` and refunds the follow's deposit.
		///
		/// # Events
		/// `Unfollowed`.
		///
		/// # Errors
		/// `NotFollowing`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unfollow().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn unfollow(origin: OriginFor<T>, followee: T::AccountId) -> DispatchResult {
			let follower = ensure_signed(origin)?;
			Self::do_unfollow(follower, followee)
		}
	}
}
