//! The JSON shapes of the `social_*` answers: CIDs as text (`bafy…`, `Qm…`), accounts as SS58
//! (prefix 42), reaction kinds and post kinds as lower-case names, camelCase fields.

use std::collections::BTreeMap;

use agora_primitives::{
	DmPolicy, KeyView, MailboxView, NoticeView, PostKind, PostView, ProfileView, ReactionKind,
};
use serde::{Deserialize, Serialize};
use sp_core::{
	bytes::to_hex,
	crypto::{AccountId32, Ss58Codec},
};

/// An account in SS58 form.
pub fn account_text(account: &AccountId32) -> String {
	account.to_ss58check()
}

/// A reaction kind's name: `like`, `upvote`, `downvote`, `love`, `laugh`, `wow`, `sad`,
/// `angry`, `celebrate`.
pub fn reaction_name(kind: ReactionKind) -> String {
	format!("{kind:?}").to_lowercase()
}

/// What a post is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum PostKindJson {
	/// A post that answers nothing.
	Original,
	/// A reply to `parent`, in the thread started by `root`.
	Reply { parent: u64, root: u64 },
	/// A repost of `of`.
	Repost { of: u64 },
	/// A quote of `of`.
	Quote { of: u64 },
}

impl From<PostKind> for PostKindJson {
	fn from(kind: PostKind) -> Self {
		match kind {
			PostKind::Original => Self::Original,
			PostKind::Reply { parent, root } => Self::Reply { parent, root },
			PostKind::Repost { of } => Self::Repost { of },
			PostKind::Quote { of } => Self::Quote { of },
		}
	}
}

/// A post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostJson {
	/// The post id.
	pub id: u64,
	/// The author (SS58).
	pub author: String,
	/// The body's CID; `null` for a plain repost.
	pub content: Option<String>,
	/// Original, reply, repost or quote.
	pub kind: PostKindJson,
	/// The block it was created in.
	pub created_at: u64,
	/// Edits so far.
	pub revision: u32,
	/// Direct replies.
	pub replies: u32,
	/// Reposts.
	pub reposts: u32,
	/// Quotes.
	pub quotes: u32,
	/// Reactions by kind (only `social_post` fills this in).
	#[serde(skip_serializing_if = "Option::is_none", default)]
	pub reactions: Option<BTreeMap<String, u32>>,
}

impl<B: Into<u64>> From<PostView<AccountId32, B>> for PostJson {
	fn from(post: PostView<AccountId32, B>) -> Self {
		Self {
			id: post.id,
			author: account_text(&post.author),
			content: post.content.map(|cid| cid.to_text()),
			kind: post.kind.into(),
			created_at: post.created_at.into(),
			revision: post.revision,
			replies: post.replies,
			reposts: post.reposts,
			quotes: post.quotes,
			reactions: None,
		}
	}
}

/// A profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileJson {
	/// The account (SS58).
	pub account: String,
	/// The profile document's CID.
	pub metadata: String,
	/// The handle, lower case, if the account took one.
	pub handle: Option<String>,
	/// The block of the last change.
	pub updated_at: u64,
}

impl<B: Into<u64>> From<ProfileView<AccountId32, B>> for ProfileJson {
	fn from(profile: ProfileView<AccountId32, B>) -> Self {
		Self {
			account: account_text(&profile.account),
			metadata: profile.metadata.to_text(),
			handle: profile.handle.map(|h| String::from_utf8_lossy(&h).into_owned()),
			updated_at: profile.updated_at.into(),
		}
	}
}

/// A page of items, and the cursor of the next page (`null` on the last one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageJson<T> {
	/// The items.
	pub items: Vec<T>,
	/// Pass this as `cursor` for the next page.
	pub next: Option<String>,
}

/// A page of a home feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedJson {
	/// Posts, newest first.
	pub items: Vec<PostJson>,
	/// Pass this as `cursor` for the next page.
	pub next: Option<String>,
	/// How many followed accounts were merged.
	pub sources: u32,
	/// Whether the account follows more accounts than a feed merges
	/// ([`agora_primitives::MAX_FEED_SOURCES`]).
	pub truncated: bool,
}

/// An account's reaction to a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReactorJson {
	/// Who reacted (SS58).
	pub account: String,
	/// How: a reaction kind's name.
	pub kind: String,
}

/// Follow counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowCountsJson {
	/// Accounts this account follows.
	pub following: u32,
	/// Accounts that follow it.
	pub followers: u32,
}

/// A DM policy's name: `anyone`, `following`, `nobody`.
pub fn policy_name(policy: DmPolicy) -> String {
	format!("{policy:?}").to_lowercase()
}

/// An account's mailbox: the key to encrypt messages to, and who may send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailboxJson {
	/// The current X25519 public key, hex.
	pub key: String,
	/// Its number.
	pub key_id: u32,
	/// The block it was published in.
	pub published_at: u64,
	/// `anyone`, `following` (only accounts this account follows) or `nobody`.
	pub policy: String,
}

impl<B: Into<u64>> From<MailboxView<B>> for MailboxJson {
	fn from(mailbox: MailboxView<B>) -> Self {
		Self {
			key: to_hex(&mailbox.key, false),
			key_id: mailbox.key_id,
			published_at: mailbox.published_at.into(),
			policy: policy_name(mailbox.policy),
		}
	}
}

/// One of an account's message keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageKeyJson {
	/// The X25519 public key, hex.
	pub key: String,
	/// Its number.
	pub key_id: u32,
	/// The block it was published in.
	pub published_at: u64,
	/// The block a newer key replaced it in; `null` for the current key.
	pub retired_at: Option<u64>,
}

impl<B: Into<u64>> From<KeyView<B>> for MessageKeyJson {
	fn from(key: KeyView<B>) -> Self {
		Self {
			key: to_hex(&key.key, false),
			key_id: key.key_id,
			published_at: key.published_at.into(),
			retired_at: key.retired_at.map(Into::into),
		}
	}
}

/// A notice in an inbox: a message waiting at `envelope`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NoticeJson {
	/// The message's number.
	pub id: u64,
	/// The sender (SS58).
	pub sender: String,
	/// The envelope's CID.
	pub envelope: String,
	/// The block it was sent in.
	pub sent_at: u64,
}

impl<B: Into<u64>> From<NoticeView<AccountId32, B>> for NoticeJson {
	fn from(notice: NoticeView<AccountId32, B>) -> Self {
		Self {
			id: notice.id,
			sender: account_text(&notice.sender),
			envelope: notice.envelope.to_text(),
			sent_at: notice.sent_at.into(),
		}
	}
}
