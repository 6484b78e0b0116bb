//! The deposit each removal call gives back, and to whom: what lets an account with nothing
//! remove its own content, its fee paid out of that deposit (`pallet_sponsorship::SponsoredFees`,
//! see [`super::sponsorship`]).
//!
//! Each arm reads the one record the call itself reads first, and checks what the call checks
//! about who may remove it, so the pool admits only removals that will return the deposit. The
//! fee check reads that record before the call does; the call's measured weight already counts
//! that read and its proof.
//!
//! `clear_handle` keeps the profile, priced smaller: it gives back the difference
//! (`SponsoredHold::update` keeps the payer when an item shrinks).

use agora_primitives::DepositTicket;
use pallet_sponsorship::ReturnedDeposit;
use sp_runtime::traits::Convert;

use super::social::StorageDeposit;
use crate::{AccountId, Balance, Runtime, RuntimeCall};

/// The removal calls of the social pallets and the deposits they give back.
pub struct RemovalDeposits;

/// `(payer, amount)` of a ticket of an item `owner` owns.
fn returned<Ticket: DepositTicket<AccountId, Balance>>(
	ticket: &Ticket,
	owner: &AccountId,
) -> (AccountId, Balance) {
	(ticket.payer(owner), ticket.held())
}

impl ReturnedDeposit<AccountId, RuntimeCall, Balance> for RemovalDeposits {
	fn returned_by(who: &AccountId, call: &RuntimeCall) -> Option<(AccountId, Balance)> {
		use pallet_follows::Call as Follows;
		use pallet_messages::Call as Messages;
		use pallet_posts::Call as Posts;
		use pallet_profiles::Call as Profiles;
		use pallet_reactions::Call as Reactions;

		match call {
			RuntimeCall::Posts(Posts::delete_post { post_id }) => {
				let post = pallet_posts::Posts::<Runtime>::get(post_id)?;
				(post.author == *who).then(|| returned(&post.ticket, who))
			},
			RuntimeCall::Follows(Follows::unfollow { followee }) => {
				pallet_follows::Following::<Runtime>::get(who, followee)
					.map(|ticket| returned(&ticket, who))
			},
			RuntimeCall::Reactions(Reactions::unreact { post_id }) => {
				pallet_reactions::Reactions::<Runtime>::get(post_id, who)
					.map(|reaction| returned(&reaction.ticket, who))
			},
			RuntimeCall::Profiles(Profiles::remove_profile {}) => {
				pallet_profiles::Profiles::<Runtime>::get(who)
					.map(|profile| returned(&profile.ticket, who))
			},
			RuntimeCall::Profiles(Profiles::clear_handle {}) => {
				let profile = pallet_profiles::Profiles::<Runtime>::get(who)?;
				profile.handle.as_ref()?;
				let size = pallet_profiles::Pallet::<Runtime>::document_size(who);
				let footprint =
					pallet_profiles::Pallet::<Runtime>::footprint(&profile.metadata, size, None);
				let (payer, held) = returned(&profile.ticket, who);
				Some((payer, held.saturating_sub(StorageDeposit::convert(footprint))))
			},
			RuntimeCall::Messages(Messages::forget_key { key_id }) => {
				pallet_messages::PreviousKeys::<Runtime>::get(who, key_id)
					.map(|previous| returned(&previous.ticket, who))
			},
			RuntimeCall::Messages(Messages::unblock { sender }) => {
				pallet_messages::Blocked::<Runtime>::get(who, sender)
					.map(|ticket| returned(&ticket, who))
			},
			RuntimeCall::Messages(Messages::close_mailbox {}) => {
				let mailbox = pallet_messages::Mailboxes::<Runtime>::get(who)?;
				let no_earlier_keys =
					pallet_messages::PreviousKeys::<Runtime>::iter_prefix(who).next().is_none();
				no_earlier_keys.then(|| returned(&mailbox.ticket, who))
			},
			RuntimeCall::Messages(Messages::remove_notice { to, message_id }) => {
				let key = pallet_messages::newest_first(*message_id);
				let notice = pallet_messages::Inbox::<Runtime>::get(to, key)?;
				// The recipient at any time; the sender once the notice's lifetime is over.
				let now = frame_system::Pallet::<Runtime>::block_number();
				let lifetime = <Runtime as pallet_messages::Config>::NoticeLifetime::get();
				let expired = now >= notice.sent_at.saturating_add(lifetime);
				(who == to || (*who == notice.sender && expired))
					.then(|| returned(&notice.ticket, &notice.sender))
			},
			_ => None,
		}
	}
}
