//! Read-only queries behind `pallet-follows-runtime-api`: whom an account follows and who
//! follows it, a [`Page`] at a time, plus the bounded list of followed accounts a feed merges.
//!
//! Both maps are keyed `(account, other)` with a reversible hasher, so a page walks the
//! account's prefix from just after the cursor account: about one read per item of the
//! [`PageSize`]. The order is the storage order (by the hash of the other account): stable for
//! a given block, not alphabetical and not by time.

use alloc::vec::Vec;

use agora_primitives::{Page, PageSize};

use crate::{Config, Followers, Following, Pallet};

/// A page of accounts; the cursor is the last account on it.
pub type AccountPage<T> =
	Page<<T as frame_system::Config>::AccountId, <T as frame_system::Config>::AccountId>;

impl<T: Config> Pallet<T> {
	/// Accounts `who` follows, after the account `after`.
	pub fn following_page(
		who: &T::AccountId,
		after: Option<&T::AccountId>,
		size: PageSize,
	) -> AccountPage<T> {
		let keys = match after {
			Some(after) => Following::<T>::iter_key_prefix_from(
				who,
				Following::<T>::hashed_key_for(who, after),
			),
			None => Following::<T>::iter_key_prefix(who),
		};
		Page::take(keys, size, Clone::clone)
	}

	/// Accounts that follow `who`, after the account `after`.
	pub fn followers_page(
		who: &T::AccountId,
		after: Option<&T::AccountId>,
		size: PageSize,
	) -> AccountPage<T> {
		let keys = match after {
			Some(after) => Followers::<T>::iter_key_prefix_from(
				who,
				Followers::<T>::hashed_key_for(who, after),
			),
			None => Followers::<T>::iter_key_prefix(who),
		};
		Page::take(keys, size, Clone::clone)
	}

	/// Up to `max` accounts `who` follows (storage order), and whether it follows more.
	pub fn followed_up_to(who: &T::AccountId, max: u32) -> (Vec<T::AccountId>, bool) {
		let mut keys = Following::<T>::iter_key_prefix(who);
		let followed: Vec<_> = keys.by_ref().take(max as usize).collect();
		(followed, keys.next().is_some())
	}
}
