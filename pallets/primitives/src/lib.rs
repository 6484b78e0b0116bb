//! # Agora primitives
//!
//! Types every Agora pallet shares, and nothing with storage:
//! - [`Cid`]: a strictly validated IPFS content identifier (the chain stores content IDs,
//!   never bodies), with [`CidInput`] for call arguments;
//! - [`PostId`]: how posts are numbered;
//! - small traits through which pallets learn about each other without reading each other's
//!   storage ([`PostsInspect`], [`FollowsInspect`]), and [`DepositTicket`] to read back what a deposit ticket holds;
//! - what the social runtime APIs return, so that the runtime-API crates and the RPC depend on
//!   this crate alone, never on the pallets: [`Page`] and the page-size rule ([`PageSize`]),
//!   [`PostView`], [`PostKind`] and [`Feed`], [`ProfileView`] and [`Handle`], [`ReactionKind`],
//!   and the private-message types ([`MailboxView`], [`NoticeView`], [`DmPolicy`]);
//! - the limits clients need ([`MAX_PAGE_SIZE`], [`MAX_FEED_SOURCES`], [`MIN_HANDLE_LEN`],
//!   [`MAX_HANDLE_LEN`]), each defined once here and shown in the metadata as a constant of
//!   the pallet it concerns;
//! - [`ContentChange`]: what a block did to the CIDs the chain uses, for pinning nodes.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod cid;
mod content;
mod message;
mod page;
mod post;
mod profile;
mod reaction;
mod traits;

pub use cid::*;
pub use content::*;
pub use message::*;
pub use page::*;
pub use post::*;
pub use profile::*;
pub use reaction::*;
pub use traits::*;

/// A post's number: posts are numbered from 0 in the order they were created.
pub type PostId = u64;
