//! The one paging helper of every paged method: where a page starts and how many items it may
//! hold, from the `cursor` and `limit` a client sent. The cursors themselves are [`cursor`]'s.

use agora_primitives::{BadPageSize, PageSize};
use jsonrpsee::core::RpcResult;

use crate::{
	cursor::{self, CursorKind},
	error, error_code,
};

/// Where a page starts (the position in `cursor`, a cursor of `kind`) and how many items it
/// may hold (`limit`, by the page-size rule), or the error that refuses either.
pub(crate) fn paging<P: codec::Decode>(
	kind: CursorKind,
	cursor: Option<String>,
	limit: Option<u32>,
) -> RpcResult<(Option<P>, u32)> {
	let size = PageSize::new(limit)
		.map_err(|refused: BadPageSize| error(error_code::BAD_PAGE_SIZE, refused.to_string()))?;
	let position = cursor
		.map(|text| {
			cursor::decode(kind, &text).ok_or_else(|| {
				error(error_code::BAD_CURSOR, format!("`{text}` is not a cursor of this method"))
			})
		})
		.transpose()?;
	Ok((position, size.get()))
}

#[cfg(test)]
mod tests {
	use agora_primitives::PostId;

	use super::*;

	#[test]
	fn paging_follows_the_page_size_rule() {
		let posts = |cursor: Option<&str>, limit| {
			paging::<PostId>(CursorKind::Posts, cursor.map(String::from), limit)
		};
		assert_eq!(posts(None, None).unwrap(), (None, agora_primitives::DEFAULT_PAGE_SIZE));
		let max = agora_primitives::MAX_PAGE_SIZE;
		assert_eq!(posts(None, Some(max)).unwrap(), (None, max));
		for refused in [0, max + 1] {
			assert_eq!(posts(None, Some(refused)).unwrap_err().code(), error_code::BAD_PAGE_SIZE);
		}
		let next = cursor::encode(CursorKind::Posts, &7u64);
		assert_eq!(posts(Some(next.as_str()), Some(1)).unwrap(), (Some(7), 1));
		assert_eq!(posts(Some("0x00"), None).unwrap_err().code(), error_code::BAD_CURSOR);
	}
}
