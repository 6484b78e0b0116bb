//! Profiles as readers see them ([`ProfileView`]), and the handle rule ([`normalize_handle`]),
//! which `pallet-profiles` applies when a handle is set and when one is looked up.

use codec::{Decode, Encode};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;

use crate::Cid;

/// The shortest handle. In the metadata as the profiles pallet's `MinHandleLength` constant.
pub const MIN_HANDLE_LEN: u32 = 3;
/// The longest handle. In the metadata as the profiles pallet's `MaxHandleLength` constant.
pub const MAX_HANDLE_LEN: u32 = 32;

/// A normalised handle: lowercase ASCII letters, digits and `_`, starting with a letter,
/// [`MIN_HANDLE_LEN`] to [`MAX_HANDLE_LEN`] bytes.
pub type Handle = BoundedVec<u8, ConstU32<MAX_HANDLE_LEN>>;

/// Normalises `input` into a [`Handle`], or `None` when it breaks the rules. Upper-case ASCII
/// letters are lowered first, so `Alice` and `alice` are the same handle.
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

/// A profile as readers see it: everything but its deposit ticket.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ProfileView<AccountId, BlockNumber> {
	/// The account.
	pub account: AccountId,
	/// The CID of the profile document (name, bio, avatar: whatever the document holds).
	pub metadata: Cid,
	/// The account's handle, lower case, if it took one.
	pub handle: Option<Handle>,
	/// The block of the last change.
	pub updated_at: BlockNumber,
}
