//! The post record and the keys of the post indexes. What a post is, [`PostKind`], is defined
//! in `agora-primitives`, where the runtime API and the RPC read it too.

use agora_primitives::{Cid, PostId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

pub use agora_primitives::PostKind;

/// A post: who wrote it, where its body lives, what it answers, and its counters.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Post<AccountId, BlockNumber, Ticket> {
	/// The author.
	pub author: AccountId,
	/// The body's CID; `None` only for a plain repost.
	pub content: Option<Cid>,
	/// Original, reply, repost or quote.
	pub kind: PostKind,
	/// The block the post was created in.
	pub created_at: BlockNumber,
	/// How many times the author edited it (0: never).
	pub revision: u32,
	/// Direct replies to this post that exist.
	pub replies: u32,
	/// Plain reposts of this post that exist.
	pub reposts: u32,
	/// Quotes of this post that exist.
	pub quotes: u32,
	/// The deposit held for this post and its index entries.
	pub ticket: Ticket,
}

/// An index key that lists a prefix's posts oldest first: the id, big-endian.
pub fn oldest_first(id: PostId) -> [u8; 8] {
	id.to_be_bytes()
}

/// An index key that lists a prefix's posts newest first: the id inverted, big-endian.
pub fn newest_first(id: PostId) -> [u8; 8] {
	(PostId::MAX - id).to_be_bytes()
}

/// The post id behind a [`newest_first`] key.
pub fn from_newest_first(key: [u8; 8]) -> PostId {
	PostId::MAX - PostId::from_be_bytes(key)
}

/// The post id behind an [`oldest_first`] key.
pub fn from_oldest_first(key: [u8; 8]) -> PostId {
	PostId::from_be_bytes(key)
}
