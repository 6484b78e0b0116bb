//! Read-only queries behind `pallet-profiles-runtime-api`: a profile by account or by handle.

use agora_primitives::Cid;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::{normalize_handle, AccountByHandle, Config, Handle, Pallet, Profiles};

/// A profile as readers see it: everything but its deposit ticket.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ProfileView<AccountId, BlockNumber> {
	/// The account.
	pub account: AccountId,
	/// The CID of the profile document (name, bio, avatar: whatever the document holds).
	pub metadata: Cid,
	/// The account's handle, lower case, if it took one.
	pub handle: Option<Handle>,
	/// The block of the last change.
	pub updated_at: BlockNumber,
}

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
		let handle = normalize_handle(handle)?;
		AccountByHandle::<T>::get(handle).and_then(Self::profile_view)
	}
}
