//! Runtime API for reading private-message metadata: an account's mailbox (current key and
//! policy), one of its keys by number, and its inbox, a page at a time. Contents are never on
//! chain; these are the notices and the public keys. The types live in `agora-primitives`; the
//! queries live in `pallet-messages` (`queries.rs`).

#![cfg_attr(not(feature = "std"), no_std)]

use agora_primitives::{KeyId, KeyView, MailboxView, MessageId, NoticeView, Page};
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reading mailboxes, message keys and inboxes.
	pub trait MessagesApi<AccountId, BlockNumber> where AccountId: Codec, BlockNumber: Codec {
		/// `who`'s mailbox (current key, its number, policy), if `who` published a key.
		fn mailbox(who: AccountId) -> Option<MailboxView<BlockNumber>>;
		/// `who`'s key number `key_id`, current or earlier (unless given up).
		fn message_key(who: AccountId, key_id: KeyId) -> Option<KeyView<BlockNumber>>;
		/// Notice `id` of `who`'s inbox, if it is there.
		fn notice(who: AccountId, id: MessageId) -> Option<NoticeView<AccountId, BlockNumber>>;
		/// Up to `limit` notices of `who`'s inbox, newest first, older than message `before`.
		/// `limit` follows the page-size rule of `agora_primitives::PageSize`: 1 to
		/// `MAX_PAGE_SIZE`; any other limit gets an empty page.
		fn inbox(who: AccountId, before: Option<MessageId>, limit: u32)
			-> Page<NoticeView<AccountId, BlockNumber>, MessageId>;
	}
}
