//! Read-only queries behind `pallet-messages-runtime-api`: an account's mailbox (current key and
//! policy), one of its keys by number, and its inbox, newest first, a [`Page`] at a time.
//!
//! `Inbox` is keyed `(recipient, newest_first(id))` with an identity hasher on the second key,
//! so a page walks the recipient's prefix from just after the cursor: about one read per notice
//! of the [`PageSize`], whatever the inbox holds.

use agora_primitives::{KeyView, MailboxView, MessageId, NoticeView, Page, PageSize};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	from_newest_first, newest_first, Config, Inbox, KeyId, Mailboxes, NoticeOf, Pallet,
	PreviousKeys,
};

/// A page of an inbox, newest first; the cursor is the last message's id.
pub type InboxPage<T> =
	Page<NoticeView<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>, MessageId>;

/// What a client sees of stored notice `id`: everything but the deposit ticket.
fn notice_view<T: Config>(
	id: MessageId,
	notice: NoticeOf<T>,
) -> NoticeView<T::AccountId, BlockNumberFor<T>> {
	NoticeView { id, sender: notice.sender, envelope: notice.envelope, sent_at: notice.sent_at }
}

impl<T: Config> Pallet<T> {
	/// `who`'s mailbox: the key to encrypt to and who may write, if `who` published a key.
	pub fn mailbox(who: &T::AccountId) -> Option<MailboxView<BlockNumberFor<T>>> {
		Mailboxes::<T>::get(who).map(|mailbox| MailboxView {
			key: mailbox.key,
			key_id: mailbox.key_id,
			published_at: mailbox.published_at,
			policy: mailbox.policy,
		})
	}

	/// `who`'s key number `key_id`: the current one or an earlier one it has not given up.
	pub fn key(who: &T::AccountId, key_id: KeyId) -> Option<KeyView<BlockNumberFor<T>>> {
		if let Some(mailbox) = Mailboxes::<T>::get(who).filter(|mailbox| mailbox.key_id == key_id) {
			return Some(KeyView {
				key: mailbox.key,
				key_id,
				published_at: mailbox.published_at,
				retired_at: None,
			});
		}
		PreviousKeys::<T>::get(who, key_id).map(|previous| KeyView {
			key: previous.key,
			key_id,
			published_at: previous.published_at,
			retired_at: Some(previous.retired_at),
		})
	}

	/// Notice `id` of `who`'s inbox, if it is there.
	pub fn notice(
		who: &T::AccountId,
		id: MessageId,
	) -> Option<NoticeView<T::AccountId, BlockNumberFor<T>>> {
		Inbox::<T>::get(who, newest_first(id)).map(|notice| notice_view::<T>(id, notice))
	}

	/// The notices in `who`'s inbox, newest first, older than the message `before`.
	pub fn inbox_page(
		who: &T::AccountId,
		before: Option<MessageId>,
		size: PageSize,
	) -> InboxPage<T> {
		let notices = match before {
			Some(before) => Inbox::<T>::iter_prefix_from(
				who,
				Inbox::<T>::hashed_key_for(who, newest_first(before)),
			),
			None => Inbox::<T>::iter_prefix(who),
		}
		.map(|(key, notice)| notice_view::<T>(from_newest_first(key), notice));
		Page::take(notices, size, |last| last.id)
	}
}
