//! Read-only queries behind `pallet-profiles-runtime-api`: a profile by account or by handle.

use agora_primitives::ProfileView;
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{Config, Pallet, Profiles};

/// A [`ProfileView`] of a runtime.
pub type ProfileViewOf<T> = ProfileView<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// The profile of `account`, if it has one.
	pub fn profile_view(account: T::AccountId) -> Option<ProfileViewOf<T>> {
		Profiles::<T>::get(&account).map(|profile| ProfileView {
			account,
			metadata: profile.metadata,
			handle: profile.handle,
			updated_at: profile.updated_at,
		})
	}

	/// The profile holding `handle` (any letter case), if one does.
	pub fn profile_by_handle(handle: &[u8]) -> Option<ProfileViewOf<T>> {
		Self::account_by_handle(handle).and_then(Self::profile_view)
	}
}
