//! The profile record and the handle rules.

use agora_primitives::Cid;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// The shortest handle.
pub const MIN_HANDLE_LEN: u32 = 3;
/// The longest handle.
pub const MAX_HANDLE_LEN: u32 = 32;

/// A normalised handle: lowercase ASCII letters, digits and `_`, starting with a letter,
/// [`MIN_HANDLE_LEN`] to [`MAX_HANDLE_LEN`] bytes.
pub type Handle = BoundedVec<u8, ConstU32<MAX_HANDLE_LEN>>;

/// A handle as a caller types it; upper-case letters are lowered.
pub type HandleInput = BoundedVec<u8, ConstU32<MAX_HANDLE_LEN>>;

/// Normalises `input` into a [`Handle`], or `None` when it breaks the rules.
pub fn normalize_handle(input: &[u8]) -> Option<Handle> {
	let len = input.len() as u32;
	if !(MIN_HANDLE_LEN..=MAX_HANDLE_LEN).contains(&len) {
		return None;
	}
	let lowered: alloc::vec::Vec<u8> = input.iter().map(u8::to_ascii_lowercase).collect();
	let starts_with_letter = lowered.first().is_some_and(u8::is_ascii_lowercase);
	let allowed =
		lowered.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_');
	if !starts_with_letter || !allowed {
		return None;
	}
	Handle::try_from(lowered).ok()
}

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
