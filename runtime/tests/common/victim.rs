//! A victim for the privileged-path tests: Bob, with content and deposits of every kind.

use agora_runtime::{Balances, Runtime, RuntimeCall, RuntimeOrigin};
use frame_support::{assert_ok, storage::StoragePrefixedMap, traits::fungible::InspectHold};
use pallet_reactions::ReactionKind;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, AccountId32};

use super::pallet_storage;

pub const CID: &[u8] = b"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
/// Bob's post.
pub const POST: u64 = 0;
/// Bob's message key, and the id of the message Charlie sent him.
pub const BOB_KEY: [u8; 32] = [9; 32];
pub const MESSAGE: u64 = 0;

pub fn bob() -> AccountId32 {
	Sr25519Keyring::Bob.to_account_id()
}

fn ferdie() -> AccountId32 {
	Sr25519Keyring::Ferdie.to_account_id()
}

fn as_bob(call: RuntimeCall) {
	assert_ok!(call.dispatch(RuntimeOrigin::signed(bob())));
}

/// Bob's content: a profile with a handle, a post, a follow and a reaction, each holding a
/// deposit from Bob; his mailbox, with two keys, a block of Dave and a message from Charlie;
/// and a sponsorship of Ferdie (offered by Bob, accepted by Ferdie), whose record Bob holds a
/// deposit for.
pub fn bob_publishes() {
	frame_system::Pallet::<Runtime>::set_block_number(1);
	let calls = [
		RuntimeCall::Profiles(pallet_profiles::Call::set_profile {
			metadata: CID.to_vec().try_into().unwrap(),
			size: 100,
		}),
		RuntimeCall::Profiles(pallet_profiles::Call::set_handle {
			handle: b"bob".to_vec().try_into().unwrap(),
		}),
		RuntimeCall::Posts(pallet_posts::Call::create_post {
			content: CID.to_vec().try_into().unwrap(),
			size: 100,
		}),
		RuntimeCall::Follows(pallet_follows::Call::follow {
			followee: Sr25519Keyring::Charlie.to_account_id(),
		}),
		RuntimeCall::Reactions(pallet_reactions::Call::react {
			post_id: POST,
			kind: ReactionKind::Love,
		}),
		RuntimeCall::Messages(pallet_messages::Call::publish_key { key: BOB_KEY }),
		RuntimeCall::Messages(pallet_messages::Call::publish_key { key: [10; 32] }),
		RuntimeCall::Messages(pallet_messages::Call::block {
			sender: Sr25519Keyring::Dave.to_account_id(),
		}),
		RuntimeCall::Sponsorship(pallet_sponsorship::Call::sponsor {
			account: ferdie(),
			allowance: 1_000_000_000_000,
		}),
	];
	for call in calls {
		as_bob(call);
	}
	assert_ok!(RuntimeCall::Sponsorship(pallet_sponsorship::Call::accept { sponsor: bob() })
		.dispatch(RuntimeOrigin::signed(ferdie())));
	assert!(pallet_posts::Posts::<Runtime>::contains_key(POST));
	assert_ok!(RuntimeCall::Messages(pallet_messages::Call::send_message {
		to: bob(),
		envelope: CID.to_vec().try_into().unwrap(),
		size: 100,
	})
	.dispatch(RuntimeOrigin::signed(Sr25519Keyring::Charlie.to_account_id())));
}

/// The social pallets' and sponsorship's whole state, every hold, and every account's balance.
pub fn content_and_deposits() -> Vec<Vec<(Vec<u8>, Vec<u8>)>> {
	let mut state: Vec<_> =
		["Profiles", "Posts", "Follows", "Reactions", "Messages", "Sponsorship", "Balances"]
			.map(pallet_storage)
			.to_vec();
	state.push(system_accounts());
	state
}

/// `System::Account`: every account's nonce, balance and reserves.
fn system_accounts() -> Vec<(Vec<u8>, Vec<u8>)> {
	let prefix = frame_system::Account::<Runtime>::final_prefix();
	pallet_storage("System").into_iter().filter(|(key, _)| key.starts_with(&prefix)).collect()
}

/// Bob removes everything he has, each call paid by him, and every deposit comes back: at the
/// end he holds nothing.
pub fn bob_removes_everything() {
	let calls = [
		RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: POST }),
		RuntimeCall::Follows(pallet_follows::Call::unfollow {
			followee: Sr25519Keyring::Charlie.to_account_id(),
		}),
		RuntimeCall::Reactions(pallet_reactions::Call::unreact { post_id: POST }),
		RuntimeCall::Profiles(pallet_profiles::Call::clear_handle {}),
		RuntimeCall::Profiles(pallet_profiles::Call::remove_profile {}),
		RuntimeCall::Messages(pallet_messages::Call::remove_notice {
			to: bob(),
			message_id: MESSAGE,
		}),
		RuntimeCall::Messages(pallet_messages::Call::unblock {
			sender: Sr25519Keyring::Dave.to_account_id(),
		}),
		RuntimeCall::Messages(pallet_messages::Call::forget_key { key_id: 0 }),
		RuntimeCall::Sponsorship(pallet_sponsorship::Call::revoke { account: ferdie() }),
	];
	for call in calls {
		as_bob(call);
	}
	assert_eq!(
		<Balances as InspectHold<AccountId32>>::total_balance_on_hold(&bob()),
		held_for_the_mailbox(),
		"only the mailbox's own deposit (its current key) is left"
	);
}

/// What Bob's mailbox itself holds: the record of its current key, kept while it is open.
fn held_for_the_mailbox() -> u128 {
	pallet_messages::Mailboxes::<Runtime>::get(bob())
		.map(|mailbox| agora_primitives::DepositTicket::held(&mailbox.ticket))
		.unwrap_or(0)
}
