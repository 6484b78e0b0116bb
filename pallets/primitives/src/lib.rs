//! # Agora primitives
//!
//! Types every Agora pallet shares, and nothing with storage:
//! - [`Cid`]: a strictly validated IPFS content identifier (the chain stores content IDs,
//!   never bodies), with [`CidInput`] for call arguments;
//! - [`PostId`]: how posts are numbered;
//! - small traits through which pallets learn about each other without reading each other's
//!   storage ([`PostsInspect`]), and [`DepositTicket`] to read back what a deposit ticket holds;
//! - [`Page`]: the paged result shape of the query runtime APIs.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod cid;
mod page;
mod traits;

pub use cid::*;
pub use page::*;
pub use traits::*;

/// A post's number: posts are numbered from 0 in the order they were created.
pub type PostId = u64;
