//! The content the chain uses: what a block did to it, and what keeping it costs.
//!
//! What a block did: the CIDs its posts, edits, deletes, profile changes and message notices
//! started or stopped using, with the size each one's author declared and who that author is.
//! A node that keeps the chain's content pinned asks the runtime for these (the runtime's
//! `ContentApi`) instead of decoding events itself, so a runtime upgrade that changes event
//! types cannot make it miss content. It checks each CID's real size against the declared one
//! before pinning, and shares its pinning slots across authors.
//!
//! What it costs: an item that names content pays a deposit for its chain state and, on top,
//! for what every pinning node keeps: [`with_content`].

use codec::{Decode, Encode};
use frame_support::traits::Footprint;
use scale_info::TypeInfo;

use crate::Cid;

/// One CID gaining or losing an on-chain reference (`ContentApi` from version 2).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum ContentChange<AccountId> {
	/// A post, edit, profile or message notice by `by` started using `cid`, whose content `by`
	/// declared to be `size` bytes.
	Referenced {
		/// The CID.
		cid: Cid,
		/// The declared size of what it names, in bytes.
		size: u32,
		/// Who referenced it (the author, or a message's sender).
		by: AccountId,
	},
	/// An edit, delete, profile removal or notice removal stopped using it.
	Released(Cid),
}

/// A content change as `ContentApi` version 1 reported it, before declared sizes and authors.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum ContentChangeV1 {
	/// Something started using the CID.
	Referenced(Cid),
	/// Something stopped using it.
	Released(Cid),
}

/// How many bytes of content a pinning node keeps cost as much deposit as one byte of chain
/// state: 1 MiB of content is priced as 1 KiB of state.
pub const PINNED_BYTES_PER_STATE_BYTE: u64 = 1024;

/// The footprint an item is priced on: `state` (what it keeps in chain state) plus the `size`
/// bytes of content it names, counted as [`PINNED_BYTES_PER_STATE_BYTE`] to a state byte
/// (rounded up, so any content costs at least one byte).
pub fn with_content(state: Footprint, size: u32) -> Footprint {
	let pinned = u64::from(size).div_ceil(PINNED_BYTES_PER_STATE_BYTE);
	Footprint { count: state.count, size: state.size.saturating_add(pinned) }
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn content_is_priced_per_kib_of_state_per_mib_rounded_up() {
		let state = Footprint::from_parts(2, 150);
		assert_eq!(with_content(state, 0).size, 150);
		assert_eq!(with_content(state, 1).size, 151);
		assert_eq!(with_content(state, 1024).size, 151);
		assert_eq!(with_content(state, 1025).size, 152);
		assert_eq!(with_content(state, 1024 * 1024).size, 150 + 1024);
		assert_eq!(with_content(state, u32::MAX).count, 2);
	}
}
