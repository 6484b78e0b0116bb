//! The invariants of `pallet-profiles`, checked by the `try_state` hook and after every test.

use alloc::collections::btree_map::BTreeMap;

use agora_primitives::DepositTicket;
use frame_support::ensure;
use sp_runtime::traits::Saturating;

use crate::{AccountByHandle, BalanceOf, Config, DocumentSizes, HoldReason, Pallet, Profiles};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants: the counter equals the number of profiles, the
	/// handle index and the profiles agree both ways, every document size belongs to a
	/// profile, and each account's hold equals the
	/// profile deposit tickets it pays (its own, and those it sponsors).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut profiles = 0u32;
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = Default::default();
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
			ensure!(profile.handle == Some(handle), "the handle index points at the wrong profile");
		}
		for (who, _) in DocumentSizes::<T>::iter() {
			ensure!(Profiles::<T>::contains_key(&who), "a document size has no profile");
		}
		let reason: T::RuntimeHoldReason = HoldReason::ProfileDeposit.into();
		agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
		Ok(())
	}
}
