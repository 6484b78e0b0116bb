#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod tests;
pub mod weights;

pub use queries::*;
pub use weights::WeightInfo;

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees. The workspace lint is lifted for the
// module so that generated code compiles under it, and denied again on each block of this
// pallet's own code (`#[deny(clippy::expect_used)]` below).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{decrement_or_remove, other_payer_weight, DepositTicket};
	use codec::MaxEncodedLen;
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
	#[deny(clippy::expect_used)]
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
			ensure!(follower != followee, Error::<T>::CannotFollowSelf);
			ensure!(
				!Following::<T>::contains_key(&follower, &followee),
				Error::<T>::AlreadyFollowing
			);
			let following =
				FollowingCount::<T>::get(&follower).checked_add(1).ok_or(Error::<T>::Overflow)?;
			let followers =
				FollowerCount::<T>::get(&followee).checked_add(1).ok_or(Error::<T>::Overflow)?;

			let ticket = T::Consideration::new(&follower, Self::footprint())?;
			Following::<T>::insert(&follower, &followee, ticket);
			Followers::<T>::insert(&followee, &follower, ());
			FollowingCount::<T>::insert(&follower, following);
			FollowerCount::<T>::insert(&followee, followers);
			Self::deposit_event(Event::Followed { follower, followee });
			Ok(())
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
			let ticket =
				Following::<T>::take(&follower, &followee).ok_or(Error::<T>::NotFollowing)?;
			ticket.drop(&follower)?;
			Followers::<T>::remove(&followee, &follower);
			FollowingCount::<T>::mutate_exists(&follower, decrement_or_remove);
			FollowerCount::<T>::mutate_exists(&followee, decrement_or_remove);
			Self::deposit_event(Event::Unfollowed { follower, followee });
			Ok(())
		}
	}

	#[deny(clippy::expect_used)]
	impl<T: Config> Pallet<T> {
		/// The storage one follow occupies: an entry in each direction.
		pub fn footprint() -> Footprint {
			let key = T::AccountId::max_encoded_len();
			let following = 2 * key + T::Consideration::max_encoded_len();
			let followers = 2 * key;
			Footprint::from_parts(2, following + followers)
		}

		/// Checks the pallet's invariants: both directions hold the same follows, the counters
		/// equal the sizes of their prefixes, and each follower's hold equals the sum of their
		/// follows' tickets.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use sp_runtime::traits::Saturating;

			let mut following: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			let mut followers: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			for (follower, followee, ticket) in Following::<T>::iter() {
				ensure!(follower != followee, "an account follows itself");
				ensure!(
					Followers::<T>::contains_key(&followee, &follower),
					"a follow is missing from the followers index"
				);
				*following.entry(follower.clone()).or_default() += 1;
				*followers.entry(followee).or_default() += 1;
				let amount = held.entry(ticket.payer(&follower)).or_default();
				*amount = amount.saturating_add(ticket.held());
			}
			for (followee, follower, ()) in Followers::<T>::iter() {
				ensure!(
					Following::<T>::contains_key(&follower, &followee),
					"a follower entry has no follow"
				);
			}
			ensure!(
				FollowingCount::<T>::iter().collect::<BTreeMap<_, _>>() == following,
				"following counters differ from the follows"
			);
			ensure!(
				FollowerCount::<T>::iter().collect::<BTreeMap<_, _>>() == followers,
				"follower counters differ from the follows"
			);
			let reason: T::RuntimeHoldReason = HoldReason::FollowDeposit.into();
			agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
			Ok(())
		}
	}

	/// Other pallets (private messages' "only accounts I follow") ask through
	/// `agora_primitives::FollowsInspect`, one read.
	#[deny(clippy::expect_used)]
	impl<T: Config> agora_primitives::FollowsInspect<T::AccountId> for Pallet<T> {
		fn is_following(follower: &T::AccountId, followee: &T::AccountId) -> bool {
			Following::<T>::contains_key(follower, followee)
		}
	}
}
