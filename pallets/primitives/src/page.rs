//! Pages of query results: the shape every paged runtime API returns.
//!
//! A query returns at most [`MAX_PAGE_SIZE`] items and, when more may follow, the cursor to
//! pass back for the next page. Cursors name the last item returned (a post id, an account),
//! so a page's cost is bounded by its size, never by how much the chain holds.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// The most items one page carries; larger requests are cut to this.
pub const MAX_PAGE_SIZE: u32 = 100;

/// A page size within `1..=MAX_PAGE_SIZE`.
pub fn page_size(requested: u32) -> usize {
	requested.clamp(1, MAX_PAGE_SIZE) as usize
}

/// Some items and where the next page starts.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Page<T, Cursor> {
	/// The items, in the query's order.
	pub items: Vec<T>,
	/// Pass this back for the next page; `None` when there is nothing after these items.
	pub next: Option<Cursor>,
}

impl<T, Cursor> Page<T, Cursor> {
	/// An empty last page.
	pub fn empty() -> Self {
		Self { items: Vec::new(), next: None }
	}

	/// Up to `limit` (see [`page_size`]) items from `items`, with the cursor of the last one
	/// (`cursor_of`) when `items` goes on after it.
	pub fn take(
		mut items: impl Iterator<Item = T>,
		limit: u32,
		cursor_of: impl FnOnce(&T) -> Cursor,
	) -> Self {
		let limit = page_size(limit);
		let taken: Vec<T> = items.by_ref().take(limit).collect();
		let next = match taken.last() {
			Some(last) if taken.len() == limit && items.next().is_some() => Some(cursor_of(last)),
			_ => None,
		};
		Self { items: taken, next }
	}
}
