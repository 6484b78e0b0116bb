//! Pages of query results: the shape every paged runtime API returns, and the one rule for
//! page sizes.
//!
//! A query returns at most one page of items and, when more may follow, the cursor to pass back
//! for the next page. Cursors name the last item returned (a post id, an account), so a page's
//! cost is bounded by its size, never by how much the chain holds.
//!
//! # Page sizes
//!
//! Every paged query (the `social_*` RPC methods, the social runtime APIs and the pallets'
//! query functions behind them) sizes its pages by one rule, [`PageSize::new`]:
//!
//! | requested | page size |
//! | --- | --- |
//! | nothing | [`DEFAULT_PAGE_SIZE`] (20) |
//! | 1 to [`MAX_PAGE_SIZE`] (100) | that many items at most |
//! | 0, or over [`MAX_PAGE_SIZE`] | refused ([`BadPageSize`]) |
//!
//! A refused size is an error wherever an error can be told: the RPC answers error 7102. The
//! runtime APIs take a plain `u32` and have no error in their answer, so there a refused size
//! gets an empty last page ([`Page::sized`]). The pallets' query functions take a [`PageSize`],
//! so they cannot be handed a size outside the rule. `MAX_PAGE_SIZE` is in the metadata as the
//! `MaxPageSize` constant of the posts, follows and reactions pallets.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::fmt;
use scale_info::TypeInfo;

/// The page size when a request names none.
pub const DEFAULT_PAGE_SIZE: u32 = 20;

/// The most items one page carries.
pub const MAX_PAGE_SIZE: u32 = 100;

/// A page size within `1..=MAX_PAGE_SIZE`; [`PageSize::new`] is the only way to get one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PageSize(u32);

impl PageSize {
	/// The page size for a request of `limit` items: [`DEFAULT_PAGE_SIZE`] when it names none,
	/// `limit` when it is 1 to [`MAX_PAGE_SIZE`], refused otherwise.
	pub fn new(limit: Option<u32>) -> Result<Self, BadPageSize> {
		match limit {
			None => Ok(Self(DEFAULT_PAGE_SIZE)),
			Some(n @ 1..=MAX_PAGE_SIZE) => Ok(Self(n)),
			Some(n) => Err(BadPageSize(n)),
		}
	}

	/// The number of items.
	pub fn get(self) -> u32 {
		self.0
	}
}

/// A requested page size of 0 or over [`MAX_PAGE_SIZE`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct BadPageSize(pub u32);

impl fmt::Display for BadPageSize {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "the page size {} is not between 1 and {MAX_PAGE_SIZE}", self.0)
	}
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

	/// Answers a runtime API request for `limit` items: `query` at that [`PageSize`], or an
	/// empty last page when the page-size rule refuses `limit`.
	pub fn sized(limit: u32, query: impl FnOnce(PageSize) -> Self) -> Self {
		PageSize::new(Some(limit)).map_or_else(|_| Self::empty(), query)
	}

	/// Up to `size` items from `items`, with the cursor of the last one (`cursor_of`) when
	/// `items` goes on after it.
	pub fn take(
		mut items: impl Iterator<Item = T>,
		size: PageSize,
		cursor_of: impl FnOnce(&T) -> Cursor,
	) -> Self {
		let limit = size.get() as usize;
		let taken: Vec<T> = items.by_ref().take(limit).collect();
		let next = match taken.last() {
			Some(last) if taken.len() == limit && items.next().is_some() => Some(cursor_of(last)),
			_ => None,
		};
		Self { items: taken, next }
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_page_size_defaults_and_is_refused_outside_one_to_the_maximum() {
		assert_eq!(PageSize::new(None).map(PageSize::get), Ok(DEFAULT_PAGE_SIZE));
		assert_eq!(PageSize::new(Some(1)).map(PageSize::get), Ok(1));
		assert_eq!(PageSize::new(Some(MAX_PAGE_SIZE)).map(PageSize::get), Ok(MAX_PAGE_SIZE));
		for refused in [0, MAX_PAGE_SIZE + 1, u32::MAX] {
			assert_eq!(PageSize::new(Some(refused)), Err(BadPageSize(refused)));
		}
	}

	#[test]
	fn a_refused_size_gets_an_empty_page_from_a_runtime_api() {
		let query = |size: PageSize| Page::take(0u32..1_000, size, |last| *last);
		assert_eq!(Page::sized(0, query), Page::empty());
		assert_eq!(Page::sized(MAX_PAGE_SIZE + 1, query), Page::empty());
		let page = Page::sized(MAX_PAGE_SIZE, query);
		assert_eq!((page.items.len(), page.next), (MAX_PAGE_SIZE as usize, Some(99)));
	}

	#[test]
	fn a_page_that_ends_with_the_items_has_no_cursor() {
		let size = PageSize::new(Some(3)).unwrap();
		assert_eq!(
			Page::take(0u32..3, size, |last| *last),
			Page { items: vec![0, 1, 2], next: None }
		);
		assert_eq!(Page::take(0u32..4, size, |last| *last).next, Some(2));
	}
}
