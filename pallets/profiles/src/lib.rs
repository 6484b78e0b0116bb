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

pub use queries::*;
pub use types::*;
pub use weights::WeightInfo;

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees. The workspace lint is lifted for the
// module so that generated code compiles under it, and denied again on each block of this
// pallet's own code (`#[deny(clippy::expect_used)]` below).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{other_payer_weight, Cid, CidInput, DepositTicket};
	use codec::Encode;
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

		/// The deposit ticket of a profile, priced by its storage footprint.
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The handle length bounds, shown in the metadata; their values are defined once, in
	/// `agora-primitives`, with the rest of the handle rule (`normalize_handle`).
	#[pallet::extra_constants]
	#[deny(clippy::expect_used)]
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

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A profile was created.
		ProfileCreated {
			/// The profile's account.
			who: T::AccountId,
			/// The CID of the profile document.
			metadata: Cid,
		},
		/// A profile now points at a new document.
		ProfileUpdated {
			/// The profile's account.
			who: T::AccountId,
			/// The CID of the new document.
			metadata: Cid,
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
		/// `InvalidCid`, `ProfileUnchanged`, or a balance error when the deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_profile().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn set_profile(origin: OriginFor<T>, metadata: CidInput) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let metadata = Cid::parse(&metadata).map_err(|_| Error::<T>::InvalidCid)?;
			let now = frame_system::Pallet::<T>::block_number();
			match Profiles::<T>::get(&who) {
				None => {
					let ticket = T::Consideration::new(&who, Self::footprint(&metadata, None))?;
					let profile = Profile {
						metadata: metadata.clone(),
						handle: None,
						updated_at: now,
						ticket,
					};
					Profiles::<T>::insert(&who, profile);
					Self::deposit_event(Event::ProfileCreated { who, metadata });
				},
				Some(profile) => {
					ensure!(profile.metadata != metadata, Error::<T>::ProfileUnchanged);
					let footprint = Self::footprint(&metadata, profile.handle.as_ref());
					let ticket = profile.ticket.update(&who, footprint)?;
					let previous = profile.metadata;
					let profile =
						Profile { metadata: metadata.clone(), updated_at: now, ticket, ..profile };
					Profiles::<T>::insert(&who, profile);
					Self::deposit_event(Event::ProfileUpdated { who, metadata, previous });
				},
			}
			Ok(())
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
			let profile = Profiles::<T>::get(&who).ok_or(Error::<T>::ProfileNotFound)?;
			profile.ticket.drop(&who)?;
			if let Some(handle) = &profile.handle {
				AccountByHandle::<T>::remove(handle);
			}
			Profiles::<T>::remove(&who);
			Self::deposit_event(Event::ProfileRemoved {
				who,
				metadata: profile.metadata,
				handle: profile.handle,
			});
			Ok(())
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
			let profile = Profiles::<T>::get(&who).ok_or(Error::<T>::ProfileNotFound)?;
			ensure!(profile.handle.as_ref() != Some(&handle), Error::<T>::HandleUnchanged);
			ensure!(!AccountByHandle::<T>::contains_key(&handle), Error::<T>::HandleTaken);

			let ticket =
				profile.ticket.update(&who, Self::footprint(&profile.metadata, Some(&handle)))?;
			if let Some(previous) = &profile.handle {
				AccountByHandle::<T>::remove(previous);
			}
			AccountByHandle::<T>::insert(&handle, &who);
			let previous = profile.handle;
			let updated_at = frame_system::Pallet::<T>::block_number();
			let profile = Profile { handle: Some(handle.clone()), updated_at, ticket, ..profile };
			Profiles::<T>::insert(&who, profile);
			Self::deposit_event(Event::HandleSet { who, handle, previous });
			Ok(())
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
			let profile = Profiles::<T>::get(&who).ok_or(Error::<T>::ProfileNotFound)?;
			let handle = profile.handle.clone().ok_or(Error::<T>::NoHandle)?;
			let ticket = profile.ticket.update(&who, Self::footprint(&profile.metadata, None))?;
			AccountByHandle::<T>::remove(&handle);
			let updated_at = frame_system::Pallet::<T>::block_number();
			Profiles::<T>::insert(&who, Profile { handle: None, updated_at, ticket, ..profile });
			Self::deposit_event(Event::HandleCleared { who, handle });
			Ok(())
		}
	}

	#[deny(clippy::expect_used)]
	impl<T: Config> Pallet<T> {
		/// The storage a profile occupies: its record and, with a handle, the handle index
		/// entry. The deposit is priced on this.
		pub fn footprint(metadata: &Cid, handle: Option<&Handle>) -> Footprint {
			let record = metadata.encoded_size()
				+ handle.map_or(1, |h| 1 + h.encoded_size())
				+ BlockNumberFor::<T>::max_encoded_len();
			let index = handle.map_or(0, |h| h.encoded_size() + T::AccountId::max_encoded_len());
			Footprint::from_parts(1 + usize::from(handle.is_some()), record + index)
		}

		/// The account holding `handle` (any case), if any.
		pub fn account_by_handle(handle: &[u8]) -> Option<T::AccountId> {
			normalize_handle(handle).and_then(AccountByHandle::<T>::get)
		}

		/// Checks the pallet's invariants: the counter equals the number of profiles, the
		/// handle index and the profiles agree both ways, and each account's hold equals the
		/// profile deposit tickets it pays (its own, and those it sponsors).
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use sp_runtime::traits::Saturating;

			let mut profiles = 0u32;
			let mut held: alloc::collections::btree_map::BTreeMap<T::AccountId, BalanceOf<T>> =
				Default::default();
			for (who, profile) in Profiles::<T>::iter() {
				profiles += 1;
				if let Some(handle) = &profile.handle {
					ensure!(
						AccountByHandle::<T>::get(handle).as_ref() == Some(&who),
						"a profile's handle is not indexed to it"
					);
				}
				let amount = held.entry(profile.ticket.payer(&who)).or_default();
				*amount = amount.saturating_add(profile.ticket.held());
			}
			ensure!(profiles == Profiles::<T>::count(), "the profile counter is off");
			for (handle, who) in AccountByHandle::<T>::iter() {
				let profile = Profiles::<T>::get(&who).ok_or("an indexed handle has no profile")?;
				ensure!(
					profile.handle == Some(handle),
					"the handle index points at the wrong profile"
				);
			}
			let reason: T::RuntimeHoldReason = HoldReason::ProfileDeposit.into();
			agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
			Ok(())
		}
	}
}
