//! Opaque page cursors. A cursor is the hex of a tag byte and the SCALE-encoded position (a
//! post id or an account); the tag stops a cursor of one kind of page being used for another.
//! Clients pass back what they were given and never build one.

use codec::{Decode, Encode};
use sp_core::bytes::{from_hex, to_hex};

/// Which kind of page a cursor continues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CursorKind {
	/// Pages of posts ordered by id (author posts, feeds, threads).
	Posts = 1,
	/// Pages of accounts (followers, following, reactors).
	Accounts = 2,
	/// Pages of an inbox, ordered by message id.
	Messages = 3,
}

/// The longest cursor, in bytes: a tag and an account.
const MAX_CURSOR_BYTES: usize = 1 + 32;

/// The cursor text for `position` in a page of `kind`.
pub fn encode<P: Encode>(kind: CursorKind, position: &P) -> String {
	let mut bytes = vec![kind as u8];
	position.encode_to(&mut bytes);
	to_hex(&bytes, false)
}

/// The position in `cursor`, if it is a cursor of `kind`: `0x` and an even number of hex
/// digits (`from_hex` alone would also take no prefix, spaces and odd lengths).
pub fn decode<P: Decode>(kind: CursorKind, cursor: &str) -> Option<P> {
	let digits = cursor.strip_prefix("0x")?;
	let well_formed = digits.len() % 2 == 0
		&& digits.len() <= 2 * MAX_CURSOR_BYTES
		&& digits.bytes().all(|digit| digit.is_ascii_hexdigit());
	if !well_formed {
		return None;
	}
	let bytes = from_hex(cursor).ok()?;
	let (tag, mut rest) = bytes.split_first()?;
	if *tag != kind as u8 {
		return None;
	}
	let position = P::decode(&mut rest).ok()?;
	rest.is_empty().then_some(position)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_cursor_round_trips() {
		let cursor = encode(CursorKind::Posts, &42u64);
		assert_eq!(decode::<u64>(CursorKind::Posts, &cursor), Some(42));
	}

	#[test]
	fn a_cursor_of_another_kind_or_garbage_is_refused() {
		let cursor = encode(CursorKind::Posts, &42u64);
		assert_eq!(decode::<[u8; 32]>(CursorKind::Accounts, &cursor), None);
		let too_long = format!("0x02{}", "00".repeat(MAX_CURSOR_BYTES));
		for bad in [
			"",
			"0x",
			"42",
			"012a00000000000000",
			"0x0",
			"0xzz",
			"0x01",
			"0x012a00000000000000ff",
			"0x012a 000000000000000",
			"0x💥",
			too_long.as_str(),
		] {
			assert_eq!(decode::<u64>(CursorKind::Posts, bad), None, "{bad}");
		}
	}
}
