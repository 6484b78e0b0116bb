//! The stored reaction. Its kind, [`ReactionKind`], is defined in `agora-primitives`, where the
//! runtime API and the RPC read it too.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

pub use agora_primitives::ReactionKind;

/// An account's reaction to a post, and the deposit that pays for it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Reaction<Ticket> {
	/// The kind of reaction.
	pub kind: ReactionKind,
	/// The deposit held for it.
	pub ticket: Ticket,
}
