//! Cross-pallet traits: what one pallet may ask another, without touching its storage.

use codec::{Decode, Encode};
use frame_support::{
	traits::{fungible::HoldConsideration, tokens::fungible::MutateHold},
	weights::{RuntimeDbWeight, Weight},
};

use crate::PostId;

/// What other pallets may know about posts: whether one exists and who wrote it.
pub trait PostsInspect<AccountId> {
	/// Whether post `id` exists (was created and not deleted).
	fn post_exists(id: PostId) -> bool {
		Self::post_author(id).is_some()
	}

	/// The author of post `id`, if it exists.
	fn post_author(id: PostId) -> Option<AccountId>;
}

/// What other pallets may know about follows: whether one account follows another.
pub trait FollowsInspect<AccountId> {
	/// Whether `follower` follows `followee`.
	fn is_following(follower: &AccountId, followee: &AccountId) -> bool;
}

/// A deposit ticket that can say how much it holds and from whom, so that `try_state` can
/// check that the balance on hold equals the sum of the tickets stored next to the items.
pub trait DepositTicket<AccountId: Clone, Balance> {
	/// The amount this ticket holds.
	fn held(&self) -> Balance;

	/// The account the amount is held from, for an item `owner` owns: the owner, unless
	/// someone else paid (a sponsor, see `pallet-sponsorship`).
	fn payer(&self, owner: &AccountId) -> AccountId {
		owner.clone()
	}
}

/// No deposit at all (tests, or a runtime that charges none).
impl<AccountId: Clone, Balance: Default> DepositTicket<AccountId, Balance> for () {
	fn held(&self) -> Balance {
		Balance::default()
	}
}

/// `HoldConsideration` keeps its amount private; its SCALE encoding is exactly that amount
/// (the other field is a `PhantomData`), so decoding the encoding reads it back.
impl<A, F, R, D, Fp> DepositTicket<A, F::Balance> for HoldConsideration<A, F, R, D, Fp>
where
	A: Clone,
	F: MutateHold<A>,
	Self: Encode,
{
	fn held(&self) -> F::Balance {
		F::Balance::decode(&mut &self.encode()[..]).unwrap_or_default()
	}
}

/// The most that returning or repricing a deposit may touch beyond what the calls' benchmarks
/// count: the account and holds, or the account and sponsorship record, of a payer other than
/// the one the transaction's fee check touched (2 reads, 2 writes).
///
/// A benchmark sees one payer, and the keys the fee check already read and wrote are not
/// counted again (`pallet-sponsorship`'s `SponsoredHold::ensure_successful`). But a deposit
/// can go back to someone else, a former sponsor or the sender of a message notice its
/// recipient removes, and an edit that reprices an item can move its deposit from one payer to
/// another. Every call that drops or updates a deposit ticket adds this to its benchmarked
/// weight.
pub fn other_payer_weight(db: RuntimeDbWeight) -> Weight {
	db.reads_writes(2, 2)
}

/// Lowers a stored counter by one and removes it at zero; for `StorageMap::mutate_exists`.
pub fn decrement_or_remove(count: &mut Option<u32>) {
	*count = count.map(|c| c.saturating_sub(1)).filter(|c| *c > 0);
}

/// A `try_state` check: each account's balance on hold for `reason` equals the sum of the
/// deposit tickets the pallet stores for it (`tickets`, summed per account).
pub fn ensure_holds_match_tickets<AccountId, Currency>(
	reason: &Currency::Reason,
	tickets: alloc::collections::btree_map::BTreeMap<AccountId, Currency::Balance>,
) -> Result<(), &'static str>
where
	AccountId: Ord,
	Currency: frame_support::traits::fungible::InspectHold<AccountId>,
{
	for (who, amount) in tickets {
		if Currency::balance_on_hold(reason, &who) != amount {
			return Err("an account's deposits on hold differ from its tickets");
		}
	}
	Ok(())
}
