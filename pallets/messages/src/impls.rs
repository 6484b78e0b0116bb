//! What the calls of `pallet-messages` do once the origin is checked and the arguments are
//! parsed, and the storage footprints the deposits are priced on.

use agora_primitives::{decrement_or_remove, Cid, FollowsInspect};
use codec::MaxEncodedLen;
use frame_support::{
	ensure,
	traits::{Consideration, Footprint, Get},
};
use sp_runtime::{traits::Saturating, DispatchResult};

use crate::{
	is_usable_key, newest_first, Blocked, Config, DmPolicy, Error, Event, Inbox, KeyId, Mailbox,
	MailboxOf, Mailboxes, MessageId, NextMessageId, Notice, NoticeOf, Pallet, PendingFrom,
	PreviousKey, PreviousKeyOf, PreviousKeys, X25519PublicKey,
};

impl<T: Config> Pallet<T> {
	/// Publishes `who`'s first `key`, opening its mailbox, or rotates to `key`, keeping the
	/// current key as an earlier one (`publish_key`). Each holds a deposit.
	pub(crate) fn do_publish_key(who: T::AccountId, key: X25519PublicKey) -> DispatchResult {
		ensure!(is_usable_key(&key), Error::<T>::InvalidKey);
		let now = frame_system::Pallet::<T>::block_number();
		let key_id = match Mailboxes::<T>::get(&who) {
			None => {
				let ticket = T::Consideration::new(&who, Self::mailbox_footprint())?;
				let policy = DmPolicy::default();
				Mailboxes::<T>::insert(
					&who,
					Mailbox { key, key_id: 0, published_at: now, policy, ticket },
				);
				0
			},
			Some(mailbox) => {
				ensure!(mailbox.key != key, Error::<T>::SameKey);
				let key_id = mailbox.key_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
				let ticket = T::Consideration::new(&who, Self::previous_key_footprint())?;
				let previous = PreviousKey {
					key: mailbox.key,
					published_at: mailbox.published_at,
					retired_at: now,
					ticket,
				};
				PreviousKeys::<T>::insert(&who, mailbox.key_id, previous);
				Mailboxes::<T>::insert(&who, Mailbox { key, key_id, published_at: now, ..mailbox });
				key_id
			},
		};
		Self::deposit_event(Event::KeyPublished { who, key_id, key });
		Ok(())
	}

	/// Gives up `who`'s earlier key `key_id`; refunds its deposit (`forget_key`).
	pub(crate) fn do_forget_key(who: T::AccountId, key_id: KeyId) -> DispatchResult {
		let previous = PreviousKeys::<T>::take(&who, key_id).ok_or(Error::<T>::KeyNotFound)?;
		previous.ticket.drop(&who)?;
		Self::deposit_event(Event::KeyForgotten { who, key_id });
		Ok(())
	}

	/// Closes `who`'s mailbox and refunds its deposit (`close_mailbox`). Earlier keys must be
	/// forgotten first: a mailbox opened again numbers its keys from 0.
	pub(crate) fn do_close_mailbox(who: T::AccountId) -> DispatchResult {
		let mailbox = Mailboxes::<T>::get(&who).ok_or(Error::<T>::NoMailbox)?;
		ensure!(PreviousKeys::<T>::iter_prefix(&who).next().is_none(), Error::<T>::EarlierKeysKept);
		mailbox.ticket.drop(&who)?;
		Mailboxes::<T>::remove(&who);
		Self::deposit_event(Event::MailboxClosed { who });
		Ok(())
	}

	/// Sets who may send `who` messages (`set_policy`).
	pub(crate) fn do_set_policy(who: T::AccountId, policy: DmPolicy) -> DispatchResult {
		Mailboxes::<T>::try_mutate(&who, |mailbox| {
			let mailbox = mailbox.as_mut().ok_or(Error::<T>::NoMailbox)?;
			mailbox.policy = policy;
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::PolicySet { who, policy });
		Ok(())
	}

	/// Makes `who` refuse messages from `sender`, holding the block's deposit (`block`).
	pub(crate) fn do_block(who: T::AccountId, sender: T::AccountId) -> DispatchResult {
		ensure!(!Blocked::<T>::contains_key(&who, &sender), Error::<T>::AlreadyBlocked);
		let ticket = T::Consideration::new(&who, Self::block_footprint())?;
		Blocked::<T>::insert(&who, &sender, ticket);
		Self::deposit_event(Event::SenderBlocked { who, sender });
		Ok(())
	}

	/// Makes `who` accept messages from `sender` again; refunds the block's deposit
	/// (`unblock`).
	pub(crate) fn do_unblock(who: T::AccountId, sender: T::AccountId) -> DispatchResult {
		let ticket = Blocked::<T>::take(&who, &sender).ok_or(Error::<T>::NotBlocked)?;
		ticket.drop(&who)?;
		Self::deposit_event(Event::SenderUnblocked { who, sender });
		Ok(())
	}

	/// Leaves a notice of `envelope` from `from` in `to`'s inbox, holding its deposit from
	/// `from` (`send_message`).
	pub(crate) fn do_send_message(
		from: T::AccountId,
		to: T::AccountId,
		envelope: Cid,
		size: u32,
	) -> DispatchResult {
		let mailbox = Mailboxes::<T>::get(&to).ok_or(Error::<T>::RecipientHasNoKey)?;
		ensure!(!Blocked::<T>::contains_key(&to, &from), Error::<T>::SenderBlocked);
		let accepted = match mailbox.policy {
			DmPolicy::Anyone => true,
			DmPolicy::Following => T::Follows::is_following(&to, &from),
			DmPolicy::Nobody => false,
		};
		ensure!(accepted, Error::<T>::NotAccepted);
		let pending = PendingFrom::<T>::get(&to, &from);
		ensure!(pending < T::MaxPendingPerSender::get(), Error::<T>::InboxFull);
		let message_id = NextMessageId::<T>::get();
		let next_id = message_id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		let ticket = T::Consideration::new(&from, Self::notice_footprint(size))?;
		let notice = Notice {
			sender: from.clone(),
			envelope: envelope.clone(),
			sent_at: frame_system::Pallet::<T>::block_number(),
			ticket,
		};
		Inbox::<T>::insert(&to, newest_first(message_id), notice);
		PendingFrom::<T>::insert(&to, &from, pending.saturating_add(1));
		NextMessageId::<T>::put(next_id);
		Self::deposit_event(Event::MessageSent { message_id, from, to, envelope, size });
		Ok(())
	}

	/// Removes notice `message_id` from `to`'s inbox at `who`'s request, if `who` may; refunds
	/// the sender's deposit (`remove_notice`).
	pub(crate) fn do_remove_notice(
		who: T::AccountId,
		to: T::AccountId,
		message_id: MessageId,
	) -> DispatchResult {
		let key = newest_first(message_id);
		let notice = Inbox::<T>::get(&to, key).ok_or(Error::<T>::NoticeNotFound)?;
		if who != to {
			ensure!(who == notice.sender, Error::<T>::NotAllowed);
			let expires = notice.sent_at.saturating_add(T::NoticeLifetime::get());
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= expires, Error::<T>::NotExpired);
		}
		Inbox::<T>::remove(&to, key);
		notice.ticket.drop(&notice.sender)?;
		PendingFrom::<T>::mutate_exists(&to, &notice.sender, decrement_or_remove);
		Self::deposit_event(Event::NoticeRemoved {
			message_id,
			to,
			from: notice.sender,
			envelope: notice.envelope,
			by: who,
		});
		Ok(())
	}

	/// The storage a mailbox occupies.
	pub fn mailbox_footprint() -> Footprint {
		Footprint::from_parts(
			1,
			T::AccountId::max_encoded_len() + MailboxOf::<T>::max_encoded_len(),
		)
	}

	/// The storage an earlier key occupies.
	pub fn previous_key_footprint() -> Footprint {
		let entry = T::AccountId::max_encoded_len()
			+ KeyId::max_encoded_len()
			+ PreviousKeyOf::<T>::max_encoded_len();
		Footprint::from_parts(1, entry)
	}

	/// The storage a block occupies.
	pub fn block_footprint() -> Footprint {
		let entry = 2 * T::AccountId::max_encoded_len() + T::Consideration::max_encoded_len();
		Footprint::from_parts(1, entry)
	}

	/// The storage a notice occupies: its entry, and its share of the sender's counter; and
	/// its envelope of `size` bytes, for what pinning nodes keep.
	pub fn notice_footprint(size: u32) -> Footprint {
		let entry = T::AccountId::max_encoded_len() + 8 + NoticeOf::<T>::max_encoded_len();
		let counter = 2 * T::AccountId::max_encoded_len() + 4;
		agora_primitives::with_content(Footprint::from_parts(1, entry + counter), size)
	}
}
