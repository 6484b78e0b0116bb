//! Posts as readers see them: what a post is ([`PostKind`], also stored by `pallet-posts`), a
//! post's view ([`PostView`]) and a page of a home feed ([`Feed`]).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::{Cid, Page, PostId};

/// The most followed accounts a feed merges. An account that follows more gets the posts of
/// the first `MAX_FEED_SOURCES` of them (in the follows index's storage order), and the feed
/// says it was truncated. In the metadata as the posts pallet's `MaxFeedSources` constant.
pub const MAX_FEED_SOURCES: u32 = 1_000;

/// What a post is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum PostKind {
	/// A post that starts a thread of its own.
	#[codec(index = 0)]
	Original,
	/// A reply to `parent`, in the thread started by `root`.
	#[codec(index = 1)]
	Reply {
		/// The post replied to.
		parent: PostId,
		/// The original post at the top of the thread.
		root: PostId,
	},
	/// A repost of `of`, with no content of its own.
	#[codec(index = 2)]
	Repost {
		/// The post reposted.
		of: PostId,
	},
	/// A repost of `of` with the author's own content (a quote).
	#[codec(index = 3)]
	Quote {
		/// The post quoted.
		of: PostId,
	},
}

/// A post as readers see it: everything but its deposit ticket.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PostView<AccountId, BlockNumber> {
	/// The post's id.
	pub id: PostId,
	/// Who wrote it.
	pub author: AccountId,
	/// Its body's CID; `None` for a plain repost.
	pub content: Option<Cid>,
	/// Original, reply, repost or quote.
	pub kind: PostKind,
	/// The block it was created in.
	pub created_at: BlockNumber,
	/// How many times it was edited.
	pub revision: u32,
	/// Direct replies.
	pub replies: u32,
	/// Reposts.
	pub reposts: u32,
	/// Quotes.
	pub quotes: u32,
}

/// A page of a home feed.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Feed<AccountId, BlockNumber> {
	/// The posts, newest first; the cursor is the id of the last one.
	pub page: Page<PostView<AccountId, BlockNumber>, PostId>,
	/// How many followed accounts the feed merged.
	pub sources: u32,
	/// Whether the account follows more than [`MAX_FEED_SOURCES`] accounts (some were left out).
	pub truncated: bool,
}
