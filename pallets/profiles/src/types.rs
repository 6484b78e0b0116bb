//! The profile record and the handle types (the handle rule is in `agora-primitives`).

use agora_primitives::Cid;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;

pub use agora_primitives::{normalize_handle, Handle, MAX_HANDLE_LEN, MIN_HANDLE_LEN};

/// A handle as a caller types it; [`normalize_handle`] lowers upper-case letters and checks it.
pub type HandleInput = BoundedVec<u8, ConstU32<MAX_HANDLE_LEN>>;

/// A profile: where its document lives on IPFS, its handle, and the deposit that pays for it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Profile<BlockNumber, Ticket> {
	/// The CID of the profile document (JSON: name, bio, avatar CID, links).
	pub metadata: Cid,
	/// The account's unique handle, if it chose one.
	pub handle: Option<Handle>,
	/// The block of the last change.
	pub updated_at: BlockNumber,
	/// The deposit held for this profile (and its handle).
	pub ticket: Ticket,
}
