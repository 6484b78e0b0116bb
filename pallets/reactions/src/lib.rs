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
mod tests;
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
// `expect()` on invariants the macro itself guarantees. The workspace lint is lifted for the
// module so that generated code compiles under it, and denied again on each block of this
// pallet's own code (`#[deny(clippy::expect_used)]` below).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{
		decrement_or_remove, other_payer_weight, DepositTicket, PostId, PostsInspect,
	};
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
	#[deny(clippy::expect_used)]
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
			ensure!(T::Posts::post_exists(post_id), Error::<T>::PostNotFound);
			match Reactions::<T>::get(post_id, &who) {
				None => {
					let count = ReactionCounts::<T>::get(post_id, kind)
						.checked_add(1)
						.ok_or(Error::<T>::Overflow)?;
					let ticket = T::Consideration::new(&who, Self::footprint())?;
					Reactions::<T>::insert(post_id, &who, Reaction { kind, ticket });
					ReactionCounts::<T>::insert(post_id, kind, count);
					Self::deposit_event(Event::Reacted { who, post_id, kind });
				},
				Some(reaction) => {
					let from = reaction.kind;
					ensure!(from != kind, Error::<T>::SameReaction);
					let count = ReactionCounts::<T>::get(post_id, kind)
						.checked_add(1)
						.ok_or(Error::<T>::Overflow)?;
					ReactionCounts::<T>::insert(post_id, kind, count);
					ReactionCounts::<T>::mutate_exists(post_id, from, decrement_or_remove);
					Reactions::<T>::insert(post_id, &who, Reaction { kind, ..reaction });
					Self::deposit_event(Event::ReactionChanged { who, post_id, from, to: kind });
				},
			}
			Ok(())
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
			let reaction = Reactions::<T>::take(post_id, &who).ok_or(Error::<T>::NoReaction)?;
			reaction.ticket.drop(&who)?;
			ReactionCounts::<T>::mutate_exists(post_id, reaction.kind, decrement_or_remove);
			Self::deposit_event(Event::Unreacted { who, post_id, kind: reaction.kind });
			Ok(())
		}
	}

	#[deny(clippy::expect_used)]
	impl<T: Config> Pallet<T> {
		/// The storage one reaction occupies: its entry, and its share of a counter.
		pub fn footprint() -> Footprint {
			let entry = PostId::max_encoded_len()
				+ T::AccountId::max_encoded_len()
				+ ReactionOf::<T>::max_encoded_len();
			let counter = PostId::max_encoded_len() + ReactionKind::max_encoded_len() + 4;
			Footprint::from_parts(1, entry + counter)
		}

		/// Checks the pallet's invariants: each counter equals the number of reactions of its
		/// kind on its post, and each reactor's hold equals the sum of their reactions' tickets.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use sp_runtime::traits::Saturating;

			let mut counts: BTreeMap<(PostId, ReactionKind), u32> = BTreeMap::new();
			let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			for (post_id, who, reaction) in Reactions::<T>::iter() {
				*counts.entry((post_id, reaction.kind)).or_default() += 1;
				let amount = held.entry(reaction.ticket.payer(&who)).or_default();
				*amount = amount.saturating_add(reaction.ticket.held());
			}
			let stored: BTreeMap<(PostId, ReactionKind), u32> = ReactionCounts::<T>::iter()
				.map(|(post, kind, count)| ((post, kind), count))
				.collect();
			ensure!(stored == counts, "reaction counters differ from the reactions");
			let reason: T::RuntimeHoldReason = HoldReason::ReactionDeposit.into();
			agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
			Ok(())
		}
	}
}
