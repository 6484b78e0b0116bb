//! What a block did to the content the chain uses: the CIDs its posts, edits, deletes and
//! profile changes started or stopped using. A node that keeps the chain's content pinned asks
//! the runtime for these (the runtime's `ContentApi`) instead of decoding events itself, so a
//! runtime upgrade that changes event types cannot make it miss content.

use codec::{Decode, Encode};
use scale_info::TypeInfo;

use crate::Cid;

/// One CID gaining or losing an on-chain reference.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum ContentChange {
	/// A post, edit, profile or message notice started using the CID.
	Referenced(Cid),
	/// An edit, delete, profile removal or notice removal stopped using it.
	Released(Cid),
}
