//! What `pallet-messages` stores: mailboxes (an account's current key and policy), earlier keys,
//! blocks, and inbox notices, each with the deposit ticket that pays for it (always the last
//! field, as in every Agora record).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use agora_primitives::Cid;
pub use agora_primitives::{DmPolicy, KeyId, MessageId, X25519PublicKey};

/// An account's mailbox: the key senders encrypt to now, and who may send.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Mailbox<BlockNumber, Ticket> {
	/// The current X25519 public key.
	pub key: X25519PublicKey,
	/// Its number (0 for the first; +1 at each rotation).
	pub key_id: KeyId,
	/// The block it was published in.
	pub published_at: BlockNumber,
	/// Who may send messages.
	pub policy: DmPolicy,
	/// The deposit held for the mailbox.
	pub ticket: Ticket,
}

/// A key a rotation replaced, kept so that clients can still tell which key an old message was
/// encrypted to.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct PreviousKey<BlockNumber, Ticket> {
	/// The X25519 public key.
	pub key: X25519PublicKey,
	/// The block it was published in.
	pub published_at: BlockNumber,
	/// The block the next key replaced it in.
	pub retired_at: BlockNumber,
	/// The deposit held for keeping it.
	pub ticket: Ticket,
}

/// A message waiting in an inbox: who sent it, where its envelope is, and the sender's deposit.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Notice<AccountId, BlockNumber, Ticket> {
	/// The sender, whose deposit the ticket holds.
	pub sender: AccountId,
	/// The CID of the encrypted envelope.
	pub envelope: Cid,
	/// The block it was sent in.
	pub sent_at: BlockNumber,
	/// The deposit held from the sender.
	pub ticket: Ticket,
}

/// The inbox key of message `id`: big-endian `MessageId::MAX - id`, so an account's inbox
/// iterates newest first.
pub fn newest_first(id: MessageId) -> [u8; 8] {
	(MessageId::MAX - id).to_be_bytes()
}

/// The message id behind a [`newest_first`] key.
pub fn from_newest_first(key: [u8; 8]) -> MessageId {
	MessageId::MAX - MessageId::from_be_bytes(key)
}

/// Whether `key` may be published: canonical (the top bit, which X25519 ignores, is clear) and
/// not one of the points of small order, with which every shared secret is known in advance
/// (the list libsodium refuses, RFC 7748 section 7).
pub fn is_usable_key(key: &X25519PublicKey) -> bool {
	const SMALL_ORDER: [[u8; 32]; 5] = [
		[0; 32],
		[
			1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			0, 0, 0,
		],
		[
			0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f,
			0xc4, 0x6a, 0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16,
			0x5f, 0x49, 0xb8, 0x00,
		],
		[
			0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83,
			0xef, 0x5b, 0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd,
			0xd0, 0x9f, 0x11, 0x57,
		],
		// p - 1; p and p + 1 (0xed…7f, 0xee…7f) are checked below as not canonical.
		[
			0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
			0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
			0xff, 0xff, 0xff, 0x7f,
		],
	];
	let canonical = key[31] & 0x80 == 0 && !is_at_least_p(key);
	canonical && !SMALL_ORDER.contains(key)
}

/// Whether the little-endian number `key` is at least p = 2^255 - 19 (its top bit clear).
fn is_at_least_p(key: &X25519PublicKey) -> bool {
	key[31] == 0x7f && key[1..31].iter().all(|byte| *byte == 0xff) && key[0] >= 0xed
}
