//! No origin can remove, alter or act for an account's content or take its deposits: every
//! privileged path is tried from the attacker's side (the sudo key, Root, the relay chain over
//! XCM) and each one is refused, with the content, its indexes, its deposits and every balance
//! unchanged; the owner still removes its content afterwards. (`root_allowlist.rs` walks every
//! call of the metadata; this file aims the dangerous ones at a victim with deposits.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_runtime::configs::root::RootCall;
use agora_runtime::{configs::xcm::XcmConfig, Runtime, RuntimeCall, RuntimeOrigin};
use codec::Encode;
use common::{
	pallet_storage,
	victim::{bob, bob_publishes, content_and_deposits, CID, MESSAGE, POST},
	with_genesis_of,
};
use frame_support::traits::UnfilteredDispatchable;
use frame_support::{assert_noop, weights::Weight};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DispatchError};
use xcm::latest::prelude::*;
use xcm_executor::XcmExecutor;

/// Alice holds the sudo key in the development preset.
fn sudo_key() -> RuntimeOrigin {
	RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id())
}

fn delete_bobs_post() -> RuntimeCall {
	RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: POST })
}

fn dispatch(call: RuntimeCall, origin: RuntimeOrigin) -> Result<(), DispatchError> {
	call.dispatch(origin).map(|_| ()).map_err(|e| e.error)
}

fn filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

fn sudo(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: call.into() })
}

fn sudo_as_bob(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo_as { who: bob().into(), call: call.into() })
}

/// The raw storage calls, aimed at the posts pallet.
fn raw_storage_calls() -> Vec<RuntimeCall> {
	let posts_prefix = sp_io::hashing::twox_128(b"Posts").to_vec();
	let some_key = pallet_storage("Posts")[0].0.clone();
	vec![
		RuntimeCall::System(frame_system::Call::kill_prefix { prefix: posts_prefix, subkeys: 10 }),
		RuntimeCall::System(frame_system::Call::kill_storage { keys: vec![some_key.clone()] }),
		RuntimeCall::System(frame_system::Call::set_storage { items: vec![(some_key, vec![0])] }),
	]
}

#[test]
fn the_sudo_key_cannot_act_as_an_author() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		bob_publishes();
		let acts_of_bob = [
			delete_bobs_post(),
			RuntimeCall::Posts(pallet_posts::Call::edit_post {
				post_id: POST,
				content: CID.to_vec().try_into().unwrap(),
				size: 100,
			}),
			RuntimeCall::Profiles(pallet_profiles::Call::remove_profile {}),
			RuntimeCall::Profiles(pallet_profiles::Call::clear_handle {}),
			RuntimeCall::Follows(pallet_follows::Call::unfollow {
				followee: Sr25519Keyring::Charlie.to_account_id(),
			}),
			RuntimeCall::Reactions(pallet_reactions::Call::unreact { post_id: POST }),
			RuntimeCall::Messages(pallet_messages::Call::publish_key { key: [11; 32] }),
			RuntimeCall::Messages(pallet_messages::Call::forget_key { key_id: 0 }),
			RuntimeCall::Messages(pallet_messages::Call::set_policy {
				policy: pallet_messages::DmPolicy::Anyone,
			}),
			RuntimeCall::Messages(pallet_messages::Call::unblock {
				sender: Sr25519Keyring::Dave.to_account_id(),
			}),
			RuntimeCall::Messages(pallet_messages::Call::remove_notice {
				to: bob(),
				message_id: MESSAGE,
			}),
		];
		for act in acts_of_bob {
			assert_noop!(dispatch(sudo_as_bob(act.clone()), sudo_key()), filtered());
			// Wrapped once or twice more in `sudo`, or with an explicit weight.
			assert_noop!(dispatch(sudo(sudo_as_bob(act.clone())), sudo_key()), filtered());
			assert_noop!(dispatch(sudo(sudo(sudo_as_bob(act.clone()))), sudo_key()), filtered());
			let unchecked = RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
				call: sudo_as_bob(act).into(),
				weight: Weight::zero(),
			});
			assert_noop!(dispatch(unchecked, sudo_key()), filtered());
		}
	});
}

#[test]
fn no_origin_can_write_raw_storage() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		bob_publishes();
		for call in raw_storage_calls() {
			assert_noop!(dispatch(sudo(call.clone()), sudo_key()), filtered());
			assert_noop!(dispatch(call.clone(), RuntimeOrigin::signed(bob())), filtered());
		}
	});
}

#[test]
fn root_cannot_reach_a_social_call() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		bob_publishes();
		let before = content_and_deposits();
		// Straight from a Root origin, the pallet itself refuses.
		assert_noop!(dispatch(delete_bobs_post(), RuntimeOrigin::root()), DispatchError::BadOrigin);
		// As Root is made (a pallet that dispatches as Root takes `RootCall`): not allowlisted.
		assert_noop!(
			RootCall(delete_bobs_post())
				.dispatch_bypass_filter(RuntimeOrigin::root())
				.map_err(|e| e.error),
			filtered()
		);
		// Through the sudo key: refused already at the outer call.
		assert_noop!(dispatch(sudo(delete_bobs_post()), sudo_key()), filtered());
		assert_eq!(content_and_deposits(), before);
	});
}

/// The balances calls that would free, move or take Bob's funds and held deposits.
fn force_calls_on_bob() -> Vec<RuntimeCall> {
	use pallet_balances::Call as Balances;
	let alice = Sr25519Keyring::Alice.to_account_id();
	vec![
		RuntimeCall::Balances(Balances::force_unreserve { who: bob().into(), amount: u128::MAX }),
		RuntimeCall::Balances(Balances::force_set_balance { who: bob().into(), new_free: 0 }),
		RuntimeCall::Balances(Balances::force_transfer {
			source: bob().into(),
			dest: alice.into(),
			value: 1_000_000_000_000,
		}),
		RuntimeCall::Balances(Balances::force_adjust_total_issuance {
			direction: pallet_balances::AdjustmentDirection::Decrease,
			delta: 1,
		}),
	]
}

#[test]
fn root_cannot_free_or_take_deposits_and_the_owner_still_removes_everything() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		bob_publishes();
		let before = content_and_deposits();
		for call in force_calls_on_bob() {
			assert_noop!(dispatch(sudo(call.clone()), sudo_key()), filtered());
			assert_noop!(dispatch(sudo(sudo(call.clone())), sudo_key()), filtered());
			let unchecked = RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
				call: call.clone().into(),
				weight: Weight::zero(),
			});
			assert_noop!(dispatch(unchecked, sudo_key()), filtered());
			assert_noop!(
				RootCall(call).dispatch_bypass_filter(RuntimeOrigin::root()).map_err(|e| e.error),
				filtered()
			);
			assert_eq!(content_and_deposits(), before, "holds and balances byte for byte");
		}
		common::victim::bob_removes_everything();
	});
}

/// Runs `call` as a `Transact` the relay chain sends, with `origin_kind`.
fn transact_from_relay(call: RuntimeCall, origin_kind: OriginKind) -> Outcome {
	let message = Xcm::<RuntimeCall>(vec![
		UnpaidExecution { weight_limit: Unlimited, check_origin: None },
		Transact { origin_kind, fallback_max_weight: None, call: call.encode().into() },
	]);
	let mut id = [0u8; 32];
	XcmExecutor::<XcmConfig>::prepare_and_execute(
		Location::parent(),
		message,
		&mut id,
		Weight::from_parts(100_000_000_000, 1024 * 1024),
		Weight::zero(),
	)
}

fn failed_with(outcome: &Outcome, expected: XcmError) -> bool {
	matches!(outcome, Outcome::Incomplete { error, .. } if error.error == expected)
}

#[test]
fn the_relay_chain_cannot_reach_content_over_xcm() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		bob_publishes();
		let before = content_and_deposits();
		for call in raw_storage_calls().into_iter().chain([sudo_as_bob(delete_bobs_post())]) {
			for kind in [OriginKind::Superuser, OriginKind::Native, OriginKind::SovereignAccount] {
				let outcome = transact_from_relay(call.clone(), kind);
				assert!(failed_with(&outcome, XcmError::NoPermission), "{kind:?}: {outcome:?}");
			}
		}
		// No XCM origin becomes Root.
		let outcome = transact_from_relay(delete_bobs_post(), OriginKind::Superuser);
		assert!(failed_with(&outcome, XcmError::BadOrigin), "{outcome:?}");
		// The relay chain as itself, or as its sovereign account, is not Bob.
		for kind in [OriginKind::Native, OriginKind::SovereignAccount, OriginKind::Xcm] {
			transact_from_relay(delete_bobs_post(), kind);
		}
		assert_eq!(content_and_deposits(), before);
	});
}
