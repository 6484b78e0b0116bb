//! The types this pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::traits::Saturating;

/// A sponsorship as stored: who pays, how much they allow, how much of it is in use.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Sponsorship<AccountId, Balance, Ticket> {
	/// The account that pays.
	pub sponsor: AccountId,
	/// The most the sponsor spends on the account: fees paid plus deposits held.
	pub allowance: Balance,
	/// Fees the sponsor has paid for the account (spent for good).
	pub fees_paid: Balance,
	/// Deposits the sponsor holds for the account's items (back when an item goes).
	pub deposits_held: Balance,
	/// The sponsor's deposit for this record.
	pub ticket: Ticket,
}

impl<AccountId, Balance: Saturating + Copy, Ticket> Sponsorship<AccountId, Balance, Ticket> {
	/// What the sponsor still allows: the allowance less fees paid and deposits held.
	pub fn left(&self) -> Balance {
		self.allowance.saturating_sub(self.fees_paid.saturating_add(self.deposits_held))
	}
}
