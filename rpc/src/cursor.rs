//! Opaque page cursors. A cursor is the hex of a tag byte and the SCALE-encoded position (a
//! post id or an account); the tag stops a cursor of one kind of page being used for another.
//! Clients pass back what they were given and never build one.

use codec::{Decode, Encode};

/// Which kind of page a cursor continues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CursorKind {
	/// Pages of posts ordered by id (author posts, feeds, threads).
	Posts = 1,
	/// Pages of accounts (followers, following, reactors).
	Accounts = 2,
}

/// The cursor text for `position` in a page of `kind`.
pub fn encode<P: Encode>(kind: CursorKind, position: &P) -> String {
	let mut bytes = vec![kind as u8];
	position.encode_to(&mut bytes);
	format!("0x{}", hex_string(&bytes))
}

/// The position in `cursor`, if it is a cursor of `kind`.
pub fn decode<P: Decode>(kind: CursorKind, cursor: &str) -> Option<P> {
	let hex = cursor.strip_prefix("0x")?;
	if hex.len() % 2 != 0 || hex.len() > 2 * 64 {
		return None;
	}
	let bytes: Option<Vec<u8>> = (0..hex.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
		.collect();
	let bytes = bytes?;
	let (tag, mut rest) = bytes.split_first()?;
	if *tag != kind as u8 {
		return None;
	}
	let position = P::decode(&mut rest).ok()?;
	rest.is_empty().then_some(position)
}

fn hex_string(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
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
		for bad in ["", "0x", "42", "0x0", "0xzz", "0x01", "0x012a00000000000000ff", "0x💥"] {
			assert_eq!(decode::<u64>(CursorKind::Posts, bad), None, "{bad}");
		}
	}
}
