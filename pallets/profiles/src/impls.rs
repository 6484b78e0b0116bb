//! What the calls of `pallet-profiles` do once the origin is checked and the arguments are
//! parsed, and the storage footprint a profile's deposit is priced on.

use agora_primitives::Cid;
use codec::{Encode, MaxEncodedLen};
use frame_support::{
	ensure,
	traits::{Consideration, Footprint},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchResult;

use crate::{
	normalize_handle, AccountByHandle, Config, Error, Event, Handle, Pallet, Profile, Profiles,
};

impl<T: Config> Pallet<T> {
	/// Creates `who`'s profile pointing at `metadata`, holding its deposit, or points the
	/// existing profile at `metadata`, repricing the deposit (`set_profile`).
	pub(crate) fn do_set_profile(who: T::AccountId, metadata: Cid) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		match Profiles::<T>::get(&who) {
			None => {
				let ticket = T::Consideration::new(&who, Self::footprint(&metadata, None))?;
				let profile =
					Profile { metadata: metadata.clone(), handle: None, updated_at: now, ticket };
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

	/// Removes `who`'s profile and frees its handle; refunds the deposit (`remove_profile`).
	pub(crate) fn do_remove_profile(who: T::AccountId) -> DispatchResult {
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

	/// Gives `who`'s profile the normalized `handle` in place of the one it had, repricing the
	/// deposit (`set_handle`).
	pub(crate) fn do_set_handle(who: T::AccountId, handle: Handle) -> DispatchResult {
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

	/// Frees `who`'s handle; the profile stays, with a smaller deposit (`clear_handle`).
	pub(crate) fn do_clear_handle(who: T::AccountId) -> DispatchResult {
		let profile = Profiles::<T>::get(&who).ok_or(Error::<T>::ProfileNotFound)?;
		let handle = profile.handle.clone().ok_or(Error::<T>::NoHandle)?;
		let ticket = profile.ticket.update(&who, Self::footprint(&profile.metadata, None))?;
		AccountByHandle::<T>::remove(&handle);
		let updated_at = frame_system::Pallet::<T>::block_number();
		Profiles::<T>::insert(&who, Profile { handle: None, updated_at, ticket, ..profile });
		Self::deposit_event(Event::HandleCleared { who, handle });
		Ok(())
	}

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
}
