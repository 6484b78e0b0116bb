//! Private messages: the types `pallet-messages` stores and its runtime API returns.
//!
//! The chain holds only what delivery needs: each account's X25519 public keys for messages,
//! its policy on who may write to it, and the notices in its inbox (sender, envelope CID,
//! block). Message contents live in encrypted envelopes on IPFS that only the client builds and
//! opens (see the pallet's README for the envelope format).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::Cid;

/// The number of an account's message key: 0 for the first it published, one more at each
/// rotation.
pub type KeyId = u32;

/// A message's number: messages are numbered from 0 in the order they were sent, chain-wide.
pub type MessageId = u64;

/// An X25519 public key (RFC 7748), 32 bytes, as published for messages.
pub type X25519PublicKey = [u8; 32];

/// Who may send messages to an account.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum DmPolicy {
	/// Any account (the default once a key is published).
	#[default]
	#[codec(index = 0)]
	Anyone,
	/// Only accounts the recipient follows.
	#[codec(index = 1)]
	Following,
	/// Nobody.
	#[codec(index = 2)]
	Nobody,
}

/// An account's mailbox as a client reads it: its current key and its policy.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct MailboxView<BlockNumber> {
	/// The key to encrypt new messages to.
	pub key: X25519PublicKey,
	/// Its number.
	pub key_id: KeyId,
	/// The block it was published in.
	pub published_at: BlockNumber,
	/// Who may send messages.
	pub policy: DmPolicy,
}

/// One of an account's message keys, current or earlier.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct KeyView<BlockNumber> {
	/// The public key.
	pub key: X25519PublicKey,
	/// Its number.
	pub key_id: KeyId,
	/// The block it was published in.
	pub published_at: BlockNumber,
	/// The block a newer key replaced it in; `None` for the current key.
	pub retired_at: Option<BlockNumber>,
}

/// A notice in an account's inbox: a message waiting at `envelope`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct NoticeView<AccountId, BlockNumber> {
	/// The message's number.
	pub id: MessageId,
	/// Who sent it.
	pub sender: AccountId,
	/// The CID of the encrypted envelope on IPFS.
	pub envelope: Cid,
	/// The block it was sent in.
	pub sent_at: BlockNumber,
}
