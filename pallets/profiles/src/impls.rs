//! What the calls of `pallet-profiles` do once the origin is checked and the arguments are
//! parsed, and the storage footprint a profile's deposit is priced on.

use agora_primitives::{with_content, Cid};
use codec::{Encode, MaxEncodedLen};
use frame_support::{
	ensure,
	traits::{Consideration, Footprint},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchResult;

use crate::{
	normalize_handle, AccountByHandle, Config, DocumentSizes, Error, Event, Handle, Pallet,
	Profile, Profiles,
};

impl<T: Config> Pallet<T> {
	/// Creates `who`'s profile pointing at `metadata`, holding its deposit, or points the
	/// existing profile at `metadata`, repricing the deposit (`set_profile`).
	pub(crate) fn do_set_profile(who: T::AccountId, metadata: Cid, size: u32) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		match Profiles::<T>::get(&who) {
			None => {
				let ticket = T::Consideration::new(&who, Self::footprint(&metadata, size, None))?;
				let profile =
					Profile { metadata: metadata.clone(), handle: None, updated_at: now, ticket };
				Profiles::<T>::insert(&who, profile);
				DocumentSizes::<T>::insert(&who, size);
				Self::deposit_event(Event::ProfileCreated { who, metadata, size });
			},
			Some(profile) => {
				ensure!(profile.metadata != metadata, Error::<T>::ProfileUnchanged);
				let footprint = Self::footprint(&metadata, size, profile.handle.as_ref());
				let ticket = profile.ticket.update(&who, footprint)?;
				let previous = profile.metadata;
				let profile =
					Profile { metadata: metadata.clone(), updated_at: now, ticket, ..profile };
				Profiles::<T>::insert(&who, profile);
				DocumentSizes::<T>::insert(&who, size);
				Self::deposit_event(Event::ProfileUpdated { who, metadata, size, previous });
			},
		}
		Ok(())
	}

	/// Removes `who`'s profile and frees its handle; refunds the deposit (`remove_profile`).
	pub(crate) fn do_remove_profile(who: T::AccountId) -> DispatchResult {
		let profile = Profiles::<T>::get(&who).ok_or(Error::<T>::ProfileNotFound)?;
		profile.ticket.drop(&who)?;
		if let Some(handle) = &profile.handle {
			AccountByHandle::<T>::remove(handle);
		}
		Profiles::<T>::remove(&who);
		DocumentSizes::<T>::remove(&who);
		Self::deposit_event(Event::ProfileRemoved {
			who,
			metadata: profile.metadata,
			handle: profile.handle,
		});
		Ok(())
	}

	/// Gives `who`'s profile the normalized `handle` in place of the one it had, repricing the
	/// deposit (`set_handle`).
	pub(crate) fn do_set_handle(who: T::AccountId, handle: Handle) -> DispatchResult {
		let profile = Profiles::<T>::get(&who).ok_or(Error::<T>::ProfileNotFound)?;
		ensure!(profile.handle.as_ref() != Some(&handle), Error::<T>::HandleUnchanged);
		ensure!(!AccountByHandle::<T>::contains_key(&handle), Error::<T>::HandleTaken);

		let size = Self::document_size(&who);
		let footprint = Self::footprint(&profile.metadata, size, Some(&handle));
		let ticket = profile.ticket.update(&who, footprint)?;
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

	/// Frees `who`'s handle; the profile stays, with a smaller deposit (`clear_handle`).
	pub(crate) fn do_clear_handle(who: T::AccountId) -> DispatchResult {
		let profile = Profiles::<T>::get(&who).ok_or(Error::<T>::ProfileNotFound)?;
		let handle = profile.handle.clone().ok_or(Error::<T>::NoHandle)?;
		let footprint = Self::footprint(&profile.metadata, Self::document_size(&who), None);
		let ticket = profile.ticket.update(&who, footprint)?;
		AccountByHandle::<T>::remove(&handle);
		let updated_at = frame_system::Pallet::<T>::block_number();
		Profiles::<T>::insert(&who, Profile { handle: None, updated_at, ticket, ..profile });
		Self::deposit_event(Event::HandleCleared { who, handle });
		Ok(())
	}

	/// The declared size of `who`'s profile document (0 for a profile stored before sizes).
	pub fn document_size(who: &T::AccountId) -> u32 {
		DocumentSizes::<T>::get(who).unwrap_or(0)
	}

	/// The storage a profile occupies: its record, its document's size entry and, with a
	/// handle, the handle index entry; and its document of `size` bytes, for what pinning
	/// nodes keep. The deposit is priced on this.
	pub fn footprint(metadata: &Cid, size: u32, handle: Option<&Handle>) -> Footprint {
		let record = metadata.encoded_size()
			+ handle.map_or(1, |h| 1 + h.encoded_size())
			+ BlockNumberFor::<T>::max_encoded_len();
		let size_entry = T::AccountId::max_encoded_len() + size.encoded_size();
		let index = handle.map_or(0, |h| h.encoded_size() + T::AccountId::max_encoded_len());
		let state =
			Footprint::from_parts(2 + usize::from(handle.is_some()), record + size_entry + index);
		with_content(state, size)
	}

	/// The account holding `handle` (any case), if any.
	pub fn account_by_handle(handle: &[u8]) -> Option<T::AccountId> {
		normalize_handle(handle).and_then(AccountByHandle::<T>::get)
	}
}
