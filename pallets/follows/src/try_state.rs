//! The invariants of `pallet-follows`, checked by the `try_state` hook and after every test.

use alloc::collections::btree_map::BTreeMap;

use agora_primitives::DepositTicket;
use frame_support::ensure;
use sp_runtime::traits::Saturating;

use crate::{
	BalanceOf, Config, FollowerCount, Followers, Following, FollowingCount, HoldReason, Pallet,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants: both directions hold the same follows, the counters
	/// equal the sizes of their prefixes, and each follower's hold equals the sum of their
	/// follows' tickets.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut following: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut followers: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (follower, followee, ticket) in Following::<T>::iter() {
			ensure!(follower != followee, "an account follows itself");
			ensure!(
				Followers::<T>::contains_key(&followee, &follower),
				"a follow is missing from the followers index"
			);
			*following.entry(follower.clone()).or_default() += 1;
			*followers.entry(followee).or_default() += 1;
			let amount = held.entry(ticket.payer(&follower)).or_default();
			*amount = amount.saturating_add(ticket.held());
		}
		for (followee, follower, ()) in Followers::<T>::iter() {
			ensure!(
				Following::<T>::contains_key(&follower, &followee),
				"a follower entry has no follow"
			);
		}
		ensure!(
			FollowingCount::<T>::iter().collect::<BTreeMap<_, _>>() == following,
			"following counters differ from the follows"
		);
		ensure!(
			FollowerCount::<T>::iter().collect::<BTreeMap<_, _>>() == followers,
			"follower counters differ from the follows"
		);
		let reason: T::RuntimeHoldReason = HoldReason::FollowDeposit.into();
		agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
		Ok(())
	}
}
