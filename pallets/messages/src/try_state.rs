//! The invariants of `pallet-messages`, checked by the `try_state` hook and after every test.

use alloc::collections::btree_map::BTreeMap;

use agora_primitives::DepositTicket;
use frame_support::ensure;
use sp_runtime::traits::Saturating;

use crate::{
	from_newest_first, BalanceOf, Blocked, Config, HoldReason, Inbox, Mailboxes, NextMessageId,
	Pallet, PendingFrom, PreviousKeys,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants: each sender's pending count equals its notices in
	/// the inbox; every notice id is below `NextMessageId`; every earlier key is numbered
	/// below its account's current key; each payer's hold equals the sum of its tickets.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut hold = |payer: T::AccountId, amount: BalanceOf<T>| {
			let total = held.entry(payer).or_default();
			*total = total.saturating_add(amount);
		};
		for (who, mailbox) in Mailboxes::<T>::iter() {
			hold(mailbox.ticket.payer(&who), mailbox.ticket.held());
		}
		for (who, key_id, previous) in PreviousKeys::<T>::iter() {
			let current = Mailboxes::<T>::get(&who).map(|mailbox| mailbox.key_id);
			ensure!(current.is_some_and(|id| key_id < id), "an earlier key is not earlier");
			hold(previous.ticket.payer(&who), previous.ticket.held());
		}
		for (who, _, ticket) in Blocked::<T>::iter() {
			hold(ticket.payer(&who), ticket.held());
		}
		let next_id = NextMessageId::<T>::get();
		let mut pending: BTreeMap<(T::AccountId, T::AccountId), u32> = BTreeMap::new();
		for (to, key, notice) in Inbox::<T>::iter() {
			ensure!(from_newest_first(key) < next_id, "a notice has an unissued id");
			*pending.entry((to, notice.sender.clone())).or_default() += 1;
			hold(notice.ticket.payer(&notice.sender), notice.ticket.held());
		}
		let stored: BTreeMap<_, _> =
			PendingFrom::<T>::iter().map(|(to, from, count)| ((to, from), count)).collect();
		ensure!(stored == pending, "pending counts differ from the inboxes");
		let reason: T::RuntimeHoldReason = HoldReason::MessagesDeposit.into();
		agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
		Ok(())
	}
}
