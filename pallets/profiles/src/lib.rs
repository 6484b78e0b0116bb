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

pub use queries::*;
pub use types::*;
pub use weights::WeightInfo;

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees, so the workspace lint is lifted for this
// module. Only declarations and thin calls live in it (check the origin, parse the arguments,
// hand over to a `do_*` function); the logic is in `impls.rs` and `try_state.rs`, under the
// workspace lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{other_payer_weight, Cid, CidInput, DepositTicket};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;

	/// The balance type of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A stored profile.
	pub type ProfileOf<T> = Profile<BlockNumberFor<T>, <T as Config>::Consideration>;

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

		/// The deposit ticket of a profile, priced by its storage footprint and the size of its
		/// document (`agora_primitives::with_content`).
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// The largest profile document, in bytes, as its owner declares it (pinning nodes
		/// refuse content larger than declared).
		#[pallet::constant]
		type MaxContentSize: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The handle length bounds, shown in the metadata; their values are defined once, in
	/// `agora-primitives`, with the rest of the handle rule (`normalize_handle`).
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The shortest handle, in bytes.
		#[pallet::constant_name(MinHandleLength)]
		fn min_handle_length() -> u32 {
			MIN_HANDLE_LEN
		}

		/// The longest handle, in bytes.
		#[pallet::constant_name(MaxHandleLength)]
		fn max_handle_length() -> u32 {
			MAX_HANDLE_LEN
		}
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a profile and its handle.
		#[codec(index = 0)]
		ProfileDeposit,
	}

	/// The profile of each account that has one.
	#[pallet::storage]
	pub type Profiles<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, ProfileOf<T>>;

	/// Which account holds each handle.
	#[pallet::storage]
	pub type AccountByHandle<T: Config> = StorageMap<_, Blake2_128Concat, Handle, T::AccountId>;

	/// The declared size of each profile's document, in bytes: a handle change prices the
	/// profile again, document included. (A map of its own: profiles stored before sizes were
	/// declared read back unchanged, as documents of size 0.)
	#[pallet::storage]
	pub type DocumentSizes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A profile was created.
		ProfileCreated {
			/// The profile's account.
			who: T::AccountId,
			/// The CID of the profile document.
			metadata: Cid,
			/// The document's size in bytes, as the owner declared it.
			size: u32,
		},
		/// A profile now points at a new document.
		ProfileUpdated {
			/// The profile's account.
			who: T::AccountId,
			/// The CID of the new document.
			metadata: Cid,
			/// The new document's size in bytes, as the owner declared it.
			size: u32,
			/// The CID of the replaced document, no longer used.
			previous: Cid,
		},
		/// A profile and its handle were removed; the deposit was refunded.
		ProfileRemoved {
			/// The account.
			who: T::AccountId,
			/// The CID of the profile document, no longer used.
			metadata: Cid,
			/// The freed handle, if it had one.
			handle: Option<Handle>,
		},
		/// An account took a handle.
		HandleSet {
			/// The account.
			who: T::AccountId,
			/// The handle it holds now.
			handle: Handle,
			/// The handle it gave up, now free.
			previous: Option<Handle>,
		},
		/// An account gave up its handle; anyone may take it now.
		HandleCleared {
			/// The account.
			who: T::AccountId,
			/// The freed handle.
			handle: Handle,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The CID is not a valid IPFS content ID (see the CID rules in the README).
		InvalidCid,
		/// The account has no profile.
		ProfileNotFound,
		/// The profile already points at this document.
		ProfileUnchanged,
		/// A handle is 3 to 32 characters: letters, digits and `_`, starting with a letter.
		BadHandle,
		/// Another account holds this handle.
		HandleTaken,
		/// The account already holds this handle.
		HandleUnchanged,
		/// The account has no handle to clear.
		NoHandle,
		/// The declared size of the document is over `MaxContentSize`.
		ContentTooLarge,
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
		/// Creates the caller's profile, or points it at a new document.
		///
		/// - `metadata`: the CID of the profile document on IPFS, as IPFS prints it (`Qm…`,
		///   `bafy…`, `z…`) or in binary form.
		///
		/// Creating a profile holds a deposit for its storage; it is refunded by
		/// `remove_profile`.
		///
		/// # Events
		/// `ProfileCreated` or `ProfileUpdated`.
		///
		/// # Errors
		/// `InvalidCid`, `ContentTooLarge`, `ProfileUnchanged`, or a balance error when the
		/// deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_profile().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn set_profile(origin: OriginFor<T>, metadata: CidInput, size: u32) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let metadata = Cid::parse(&metadata).map_err(|_| Error::<T>::InvalidCid)?;
			ensure!(size <= T::MaxContentSize::get(), Error::<T>::ContentTooLarge);
			Self::do_set_profile(who, metadata, size)
		}

		/// Removes the caller's profile and frees its handle; refunds the deposit.
		///
		/// # Events
		/// `ProfileRemoved`.
		///
		/// # Errors
		/// `ProfileNotFound`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_profile().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn remove_profile(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_profile(who)
		}

		/// Takes a unique handle for the caller's profile, giving up the one it had.
		///
		/// - `handle`: 3 to 32 characters, letters, digits and `_`, starting with a letter.
		///   Upper-case letters are stored lower-case, so `Alice` and `alice` are one handle.
		///
		/// # Events
		/// `HandleSet`.
		///
		/// # Errors
		/// `ProfileNotFound`, `BadHandle`, `HandleTaken`, `HandleUnchanged`, or a balance
		/// error when the larger deposit cannot be held.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_handle().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn set_handle(origin: OriginFor<T>, handle: HandleInput) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let handle = normalize_handle(&handle).ok_or(Error::<T>::BadHandle)?;
			Self::do_set_handle(who, handle)
		}

		/// Gives up the caller's handle; the profile stays.
		///
		/// # Events
		/// `HandleCleared`.
		///
		/// # Errors
		/// `ProfileNotFound`, `NoHandle`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::clear_handle().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn clear_handle(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_clear_handle(who)
		}
	}
}
