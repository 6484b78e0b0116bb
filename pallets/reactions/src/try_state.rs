//! The invariants of `pallet-reactions`, checked by the `try_state` hook and after every test.

use alloc::collections::btree_map::BTreeMap;

use agora_primitives::{DepositTicket, PostId};
use frame_support::ensure;
use sp_runtime::traits::Saturating;

use crate::{BalanceOf, Config, HoldReason, Pallet, ReactionCounts, ReactionKind, Reactions};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants: each counter equals the number of reactions of its
	/// kind on its post, and each reactor's hold equals the sum of their reactions' tickets.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut counts: BTreeMap<(PostId, ReactionKind), u32> = BTreeMap::new();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (post_id, who, reaction) in Reactions::<T>::iter() {
			*counts.entry((post_id, reaction.kind)).or_default() += 1;
			let amount = held.entry(reaction.ticket.payer(&who)).or_default();
			*amount = amount.saturating_add(reaction.ticket.held());
		}
		let stored: BTreeMap<(PostId, ReactionKind), u32> =
			ReactionCounts::<T>::iter().map(|(post, kind, count)| ((post, kind), count)).collect();
		ensure!(stored == counts, "reaction counters differ from the reactions");
		let reason: T::RuntimeHoldReason = HoldReason::ReactionDeposit.into();
		agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
		Ok(())
	}
}
