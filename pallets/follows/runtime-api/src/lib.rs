//! Runtime API for reading the follow graph: whom an account follows, who follows it, and the
//! counts, a bounded [`Page`] at a time. The types it returns live in `agora-primitives`; the
//! queries live in `pallet-follows` (`queries.rs`).

#![cfg_attr(not(feature = "std"), no_std)]

use agora_primitives::Page;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reading follows. Pages are in storage order (stable for a block); the cursor is the last
	/// account of a page. `limit` follows the page-size rule of `agora_primitives::PageSize`:
	/// 1 to `MAX_PAGE_SIZE` items; any other limit gets an empty page.
	pub trait FollowsApi<AccountId> where AccountId: Codec {
		/// Accounts `who` follows, after the account `after`.
		fn following(who: AccountId, after: Option<AccountId>, limit: u32) -> Page<AccountId, AccountId>;
		/// Accounts that follow `who`, after the account `after`.
		fn followers(who: AccountId, after: Option<AccountId>, limit: u32) -> Page<AccountId, AccountId>;
		/// How many accounts `who` follows, and how many follow it.
		fn follow_counts(who: AccountId) -> (u32, u32);
	}
}
