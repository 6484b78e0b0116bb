//! Unit tests: every call's success path and every error path (`assert_noop!`: nothing
//! changes), with the invariants checked after each test. Follows come from a mock provider.

use crate::{
	mock::*, newest_first, Blocked, DmPolicy, Error, Event, HoldReason, Inbox, Mailboxes,
	NextMessageId, PendingFrom, PreviousKeys,
};
use agora_primitives::{CidInput, PageSize};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

const KEY: [u8; 32] = [9; 32];
const NEW_KEY: [u8; 32] = [10; 32];
const ENVELOPE: &[u8] = b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn envelope() -> CidInput {
	CidInput::truncate_from(ENVELOPE.to_vec())
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::MessagesDeposit.into(), &who)
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn size(items: u32) -> PageSize {
	PageSize::new(Some(items)).unwrap()
}

/// BOB publishes a key; ALICE sends BOB one message; returns its id.
fn alice_writes_to_bob() -> u64 {
	assert_ok!(Messages::publish_key(signed(BOB), KEY));
	let id = NextMessageId::<Test>::get();
	assert_ok!(Messages::send_message(signed(ALICE), BOB, envelope(), SIZE));
	id
}

#[test]
fn publish_key_opens_a_mailbox_and_holds_a_deposit() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		let mailbox = Mailboxes::<Test>::get(BOB).unwrap();
		assert_eq!((mailbox.key, mailbox.key_id, mailbox.policy), (KEY, 0, DmPolicy::Anyone));
		assert!(held(BOB) > 0);
		System::assert_last_event(Event::KeyPublished { who: BOB, key_id: 0, key: KEY }.into());
	});
}

#[test]
fn rotating_keeps_the_earlier_key_and_numbers_the_new_one() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		let first_deposit = held(BOB);
		System::set_block_number(5);
		assert_ok!(Messages::publish_key(signed(BOB), NEW_KEY));
		let mailbox = Mailboxes::<Test>::get(BOB).unwrap();
		assert_eq!((mailbox.key, mailbox.key_id, mailbox.published_at), (NEW_KEY, 1, 5));
		let previous = PreviousKeys::<Test>::get(BOB, 0).unwrap();
		assert_eq!((previous.key, previous.published_at, previous.retired_at), (KEY, 1, 5));
		assert!(held(BOB) > first_deposit);
		let old = Messages::key(&BOB, 0).unwrap();
		assert_eq!((old.key, old.retired_at), (KEY, Some(5)));
		assert_eq!(Messages::key(&BOB, 1).map(|k| (k.key, k.retired_at)), Some((NEW_KEY, None)));
		assert_eq!(Messages::key(&BOB, 2), None);
	});
}

#[test]
fn unusable_or_unchanged_keys_are_refused() {
	build_and_execute(|| {
		let mut high_bit = KEY;
		high_bit[31] |= 0x80;
		let mut p = [0xff; 32];
		p[0] = 0xed;
		p[31] = 0x7f;
		for bad in [[0; 32], high_bit, p] {
			assert_noop!(Messages::publish_key(signed(BOB), bad), Error::<Test>::InvalidKey);
		}
		let mut one = [0; 32];
		one[0] = 1;
		assert_noop!(Messages::publish_key(signed(BOB), one), Error::<Test>::InvalidKey);
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		assert_noop!(Messages::publish_key(signed(BOB), KEY), Error::<Test>::SameKey);
	});
}

#[test]
fn publishing_without_the_deposit_fails() {
	build_and_execute(|| {
		assert!(Messages::publish_key(signed(POOR), KEY).is_err());
		assert!(!Mailboxes::<Test>::contains_key(POOR));
		assert_eq!(held(POOR), 0);
	});
}

#[test]
fn forget_key_refunds_an_earlier_key_only() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		let mailbox_deposit = held(BOB);
		assert_ok!(Messages::publish_key(signed(BOB), NEW_KEY));
		assert_noop!(Messages::forget_key(signed(BOB), 1), Error::<Test>::KeyNotFound);
		assert_noop!(Messages::forget_key(signed(ALICE), 0), Error::<Test>::KeyNotFound);
		assert_ok!(Messages::forget_key(signed(BOB), 0));
		assert_eq!(held(BOB), mailbox_deposit);
		assert_eq!(Messages::key(&BOB, 0), None);
		System::assert_last_event(Event::KeyForgotten { who: BOB, key_id: 0 }.into());
	});
}

#[test]
fn close_mailbox_refunds_it_and_stops_new_messages_but_keeps_the_inbox() {
	build_and_execute(|| {
		assert_noop!(Messages::close_mailbox(signed(BOB)), Error::<Test>::NoMailbox);
		let id = alice_writes_to_bob();
		assert_ok!(Messages::publish_key(signed(BOB), NEW_KEY));
		assert_noop!(Messages::close_mailbox(signed(BOB)), Error::<Test>::EarlierKeysKept);
		assert_ok!(Messages::forget_key(signed(BOB), 0));

		assert_ok!(Messages::close_mailbox(signed(BOB)));
		System::assert_last_event(Event::MailboxClosed { who: BOB }.into());
		assert!(!Mailboxes::<Test>::contains_key(BOB));
		assert_eq!(held(BOB), 0, "the mailbox's deposit is back");
		assert_noop!(
			Messages::send_message(signed(ALICE), BOB, envelope(), SIZE),
			Error::<Test>::RecipientHasNoKey
		);
		// The notice already sent stays until Bob removes it; then Alice's deposit is back.
		assert!(Inbox::<Test>::iter_prefix(BOB).next().is_some());
		assert_ok!(Messages::remove_notice(signed(BOB), BOB, id));
		assert_eq!(held(ALICE), 0);
		// Opened again, the mailbox numbers its keys from 0.
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		assert_eq!(Mailboxes::<Test>::get(BOB).map(|m| m.key_id), Some(0));
	});
}

#[test]
fn set_policy_needs_a_mailbox() {
	build_and_execute(|| {
		assert_noop!(Messages::set_policy(signed(BOB), DmPolicy::Nobody), Error::<Test>::NoMailbox);
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		assert_ok!(Messages::set_policy(signed(BOB), DmPolicy::Nobody));
		assert_eq!(Messages::mailbox(&BOB).map(|m| m.policy), Some(DmPolicy::Nobody));
		System::assert_last_event(Event::PolicySet { who: BOB, policy: DmPolicy::Nobody }.into());
	});
}

#[test]
fn send_message_leaves_a_notice_and_holds_the_senders_deposit() {
	build_and_execute(|| {
		let id = alice_writes_to_bob();
		let notice = Inbox::<Test>::get(BOB, newest_first(id)).unwrap();
		assert_eq!((notice.sender, notice.sent_at), (ALICE, 1));
		assert_eq!(
			notice.envelope.as_bytes(),
			agora_primitives::Cid::parse(ENVELOPE).unwrap().as_bytes()
		);
		assert_eq!(PendingFrom::<Test>::get(BOB, ALICE), 1);
		assert!(held(ALICE) > 0);
		System::assert_last_event(
			Event::MessageSent {
				message_id: id,
				from: ALICE,
				to: BOB,
				envelope: notice.envelope.clone(),
				size: SIZE,
			}
			.into(),
		);
	});
}

#[test]
fn sending_to_an_account_without_a_key_fails() {
	build_and_execute(|| {
		assert_noop!(
			Messages::send_message(signed(ALICE), BOB, envelope(), SIZE),
			Error::<Test>::RecipientHasNoKey
		);
	});
}

#[test]
fn sending_a_bad_cid_fails() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		let bad = CidInput::truncate_from(b"not a cid".to_vec());
		assert_noop!(
			Messages::send_message(signed(ALICE), BOB, bad, SIZE),
			Error::<Test>::InvalidCid
		);
	});
}

#[test]
fn the_recipients_policy_is_enforced() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		assert_ok!(Messages::set_policy(signed(BOB), DmPolicy::Following));
		assert_noop!(
			Messages::send_message(signed(ALICE), BOB, envelope(), SIZE),
			Error::<Test>::NotAccepted
		);
		// ALICE following BOB is not enough: BOB must follow ALICE.
		MockFollows::follow(ALICE, BOB);
		assert_noop!(
			Messages::send_message(signed(ALICE), BOB, envelope(), SIZE),
			Error::<Test>::NotAccepted
		);
		MockFollows::follow(BOB, ALICE);
		assert_ok!(Messages::send_message(signed(ALICE), BOB, envelope(), SIZE));
		assert_ok!(Messages::set_policy(signed(BOB), DmPolicy::Nobody));
		assert_noop!(
			Messages::send_message(signed(ALICE), BOB, envelope(), SIZE),
			Error::<Test>::NotAccepted
		);
	});
}

#[test]
fn a_blocked_sender_is_refused_until_unblocked() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		let mailbox_deposit = held(BOB);
		assert_ok!(Messages::block(signed(BOB), CHARLIE));
		assert!(held(BOB) > mailbox_deposit);
		System::assert_last_event(Event::SenderBlocked { who: BOB, sender: CHARLIE }.into());
		assert_noop!(Messages::block(signed(BOB), CHARLIE), Error::<Test>::AlreadyBlocked);
		assert_noop!(
			Messages::send_message(signed(CHARLIE), BOB, envelope(), SIZE),
			Error::<Test>::SenderBlocked
		);
		// Others still get through.
		assert_ok!(Messages::send_message(signed(ALICE), BOB, envelope(), SIZE));
		assert_ok!(Messages::unblock(signed(BOB), CHARLIE));
		assert_eq!(held(BOB), mailbox_deposit);
		assert!(!Blocked::<Test>::contains_key(BOB, CHARLIE));
		assert_noop!(Messages::unblock(signed(BOB), CHARLIE), Error::<Test>::NotBlocked);
		assert_ok!(Messages::send_message(signed(CHARLIE), BOB, envelope(), SIZE));
	});
}

#[test]
fn a_sender_may_have_only_so_many_notices_waiting_in_one_inbox() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		assert_ok!(Messages::publish_key(signed(CHARLIE), NEW_KEY));
		for _ in 0..MAX_PENDING {
			assert_ok!(Messages::send_message(signed(ALICE), BOB, envelope(), SIZE));
		}
		assert_noop!(
			Messages::send_message(signed(ALICE), BOB, envelope(), SIZE),
			Error::<Test>::InboxFull
		);
		// Another inbox, and another sender, are not affected.
		assert_ok!(Messages::send_message(signed(ALICE), CHARLIE, envelope(), SIZE));
		assert_ok!(Messages::send_message(signed(CHARLIE), BOB, envelope(), SIZE));
		// Bob clearing one notice makes room again.
		assert_ok!(Messages::remove_notice(signed(BOB), BOB, 0));
		assert_ok!(Messages::send_message(signed(ALICE), BOB, envelope(), SIZE));
	});
}

#[test]
fn sending_without_the_deposit_fails() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		assert!(Messages::send_message(signed(POOR), BOB, envelope(), SIZE).is_err());
		assert_eq!(PendingFrom::<Test>::get(BOB, POOR), 0);
		assert_eq!(NextMessageId::<Test>::get(), 0);
	});
}

#[test]
fn the_recipient_removes_a_notice_at_any_time_and_the_sender_gets_the_deposit_back() {
	build_and_execute(|| {
		let id = alice_writes_to_bob();
		let envelope = Inbox::<Test>::get(BOB, newest_first(id)).unwrap().envelope;
		assert_ok!(Messages::remove_notice(signed(BOB), BOB, id));
		assert_eq!(held(ALICE), 0);
		assert_eq!(PendingFrom::<Test>::get(BOB, ALICE), 0);
		System::assert_last_event(
			Event::NoticeRemoved { message_id: id, to: BOB, from: ALICE, envelope, by: BOB }.into(),
		);
		assert_noop!(Messages::remove_notice(signed(BOB), BOB, id), Error::<Test>::NoticeNotFound);
	});
}

#[test]
fn the_sender_removes_a_notice_only_after_its_lifetime() {
	build_and_execute(|| {
		let id = alice_writes_to_bob();
		assert_noop!(Messages::remove_notice(signed(ALICE), BOB, id), Error::<Test>::NotExpired);
		System::set_block_number(1 + LIFETIME - 1);
		assert_noop!(Messages::remove_notice(signed(ALICE), BOB, id), Error::<Test>::NotExpired);
		System::set_block_number(1 + LIFETIME);
		assert_ok!(Messages::remove_notice(signed(ALICE), BOB, id));
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn nobody_else_may_remove_a_notice() {
	build_and_execute(|| {
		let id = alice_writes_to_bob();
		System::set_block_number(1 + LIFETIME);
		assert_noop!(Messages::remove_notice(signed(CHARLIE), BOB, id), Error::<Test>::NotAllowed);
		// The id names a notice in Bob's inbox, not in Charlie's.
		assert_noop!(
			Messages::remove_notice(signed(CHARLIE), CHARLIE, id),
			Error::<Test>::NoticeNotFound
		);
	});
}

#[test]
fn the_inbox_pages_newest_first() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		for sender in [ALICE, CHARLIE, ALICE, CHARLIE, ALICE] {
			assert_ok!(Messages::send_message(signed(sender), BOB, envelope(), SIZE));
		}
		let first = Messages::inbox_page(&BOB, None, size(2));
		assert_eq!(first.items.iter().map(|n| n.id).collect::<Vec<_>>(), vec![4, 3]);
		assert_eq!(first.items[1].sender, CHARLIE);
		let second = Messages::inbox_page(&BOB, first.next, size(2));
		assert_eq!(second.items.iter().map(|n| n.id).collect::<Vec<_>>(), vec![2, 1]);
		let last = Messages::inbox_page(&BOB, second.next, size(2));
		assert_eq!(
			(last.items.iter().map(|n| n.id).collect::<Vec<_>>(), last.next),
			(vec![0], None)
		);
		assert!(Messages::inbox_page(&ALICE, None, size(10)).items.is_empty());
	});
}

#[test]
fn an_envelope_over_the_largest_size_is_refused_and_larger_ones_hold_more() {
	build_and_execute(|| {
		assert_ok!(Messages::publish_key(signed(BOB), KEY));
		assert_noop!(
			Messages::send_message(signed(ALICE), BOB, envelope(), MAX_CONTENT_SIZE + 1),
			Error::<Test>::ContentTooLarge
		);
		assert_ok!(Messages::send_message(signed(ALICE), BOB, envelope(), SIZE));
		let small = held(ALICE);
		assert_ok!(Messages::send_message(signed(ALICE), BOB, envelope(), MAX_CONTENT_SIZE));
		assert!(held(ALICE) - small > small, "256 KiB held more than 600 bytes");
	});
}
