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
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

/// Gives the benchmarks a post to react to.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Creates a post (with whatever the posts pallet needs) and returns its id.
	fn create_post() -> agora_primitives::PostId;
}

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees, so the workspace lint is lifted for this
// module. Only declarations and thin calls live in it (check the origin, hand over to a `do_*`
// function); the logic is in `impls.rs` and `try_state.rs`, under the workspace lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{other_payer_weight, DepositTicket, PostId, PostsInspect};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;

	/// The balance type of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A stored reaction.
	pub type ReactionOf<T> = Reaction<<T as Config>::Consideration>;

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

		/// The deposit ticket of a reaction, priced by its storage footprint.
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// Tells whether a post exists (the posts pallet, through `agora-primitives`).
		type Posts: PostsInspect<Self::AccountId>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates posts for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// Limits of the reactions runtime API, shown in the metadata; the value is defined once,
	/// in `agora-primitives`.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most reactors one page of `reactors` carries (see `agora_primitives::PageSize`).
		#[pallet::constant_name(MaxPageSize)]
		fn max_page_size() -> u32 {
			agora_primitives::MAX_PAGE_SIZE
		}
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a reaction.
		#[codec(index = 0)]
		ReactionDeposit,
	}

	/// Each account's reaction to each post (post → reactor).
	#[pallet::storage]
	pub type Reactions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PostId, Blake2_128Concat, T::AccountId, ReactionOf<T>>;

	/// How many reactions of each kind each post has (zero counts are removed).
	#[pallet::storage]
	pub type ReactionCounts<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PostId, Twox64Concat, ReactionKind, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account reacted to a post.
		Reacted {
			/// The reactor.
			who: T::AccountId,
			/// The post.
			post_id: PostId,
			/// The reaction.
			kind: ReactionKind,
		},
		/// An account changed its reaction to a post.
		ReactionChanged {
			/// The reactor.
			who: T::AccountId,
			/// The post.
			post_id: PostId,
			/// The reaction it had.
			from: ReactionKind,
			/// The reaction it has now.
			to: ReactionKind,
		},
		/// An account removed its reaction; the deposit was refunded.
		Unreacted {
			/// The reactor.
			who: T::AccountId,
			/// The post.
			post_id: PostId,
			/// The removed reaction.
			kind: ReactionKind,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No post with this id exists (it never did, or it was deleted).
		PostNotFound,
		/// The account already has this reaction on this post.
		SameReaction,
		/// The account has no reaction on this post.
		NoReaction,
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
		/// Reacts to post `post_id` with `kind`, or changes the caller's reaction to `kind`.
		/// One reaction per account and post; a new reaction holds a small deposit.
		///
		/// # Events
		/// `Reacted`, or `ReactionChanged` when the caller had another reaction.
		///
		/// # Errors
		/// `PostNotFound`, `SameReaction`, `Overflow`, or a balance error when the deposit
		/// cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::react_new().max(T::WeightInfo::react_change()))]
		pub fn react(origin: OriginFor<T>, post_id: PostId, kind: ReactionKind) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_react(who, post_id, kind)
		}

		/// Removes the caller's reaction to post `post_id` and refunds its deposit. Works even
		/// after the post was deleted.
		///
		/// # Events
		/// `Unreacted`.
		///
		/// # Errors
		/// `NoReaction`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unreact().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn unreact(origin: OriginFor<T>, post_id: PostId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unreact(who, post_id)
		}
	}
}
