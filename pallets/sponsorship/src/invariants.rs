//! The pallet's invariants, checked by `try_state` and after every unit test.

use alloc::collections::btree_map::BTreeMap;

use frame_support::ensure;
use sp_runtime::traits::{CheckedAdd, Saturating};

use crate::{BalanceOf, Config, HoldReason, Offers, Pallet, SponsoredBy, Sponsorships};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants: no sponsorship's or offer's exposure (fees paid plus
	/// deposits held) passes its allowance, the index holds exactly the sponsorships, every
	/// sponsored or offered account exists, and each sponsor's hold equals the sum of the
	/// tickets of its records and offers.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let records = Sponsorships::<T>::iter()
			.map(|(account, record)| (account, record, true))
			.chain(Offers::<T>::iter().map(|(account, _, offer)| (account, offer, false)));
		for (account, record, accepted) in records {
			let exposure = record.fees_paid.checked_add(&record.deposits_held);
			ensure!(
				exposure.is_some_and(|exposure| exposure <= record.allowance),
				"a sponsor's exposure passes its allowance"
			);
			ensure!(
				!accepted || SponsoredBy::<T>::contains_key(&record.sponsor, &account),
				"a sponsorship is missing from the index"
			);
			ensure!(
				frame_system::Pallet::<T>::sufficients(&account) > 0,
				"a sponsored or offered account is not kept in existence"
			);
			let amount = held.entry(record.sponsor.clone()).or_default();
			*amount = amount.saturating_add(agora_primitives::DepositTicket::held(&record.ticket));
		}
		for (sponsor, account, ()) in SponsoredBy::<T>::iter() {
			ensure!(
				Sponsorships::<T>::get(&account).is_some_and(|s| s.sponsor == sponsor),
				"an index entry has no sponsorship"
			);
		}
		let reason: T::RuntimeHoldReason = HoldReason::SponsorshipDeposit.into();
		agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
		Ok(())
	}
}
