//! App keys and social recovery in the real runtime: what a social app key may do for an
//! account (and every forbidden call, tried through `proxy.proxy` and refused with state
//! unchanged), expiry and revocation, and a lost account recovered by its friends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_runtime::{
	configs::keys::ProxyType, Balances, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use common::{pallet_storage, with_genesis_of};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, tokens::fungible::Inspect},
};
use pallet_reactions::ReactionKind;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, AccountId32, DispatchError, MultiAddress};

const CID: &[u8] = b"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
const OTHER_CID: &[u8] = b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn account(key: Sr25519Keyring) -> AccountId32 {
	key.to_account_id()
}

fn signed(key: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(key))
}

fn cid(bytes: &[u8]) -> agora_primitives::CidInput {
	bytes.to_vec().try_into().unwrap()
}

fn create_post() -> RuntimeCall {
	RuntimeCall::Posts(pallet_posts::Call::create_post { content: cid(CID), size: 100 })
}

/// `call` sent by `delegate` through `proxy.proxy` for `real`.
fn as_proxy(delegate: Sr25519Keyring, real: Sr25519Keyring, call: RuntimeCall) {
	assert_ok!(RuntimeCall::Proxy(pallet_proxy::Call::proxy {
		real: MultiAddress::Id(account(real)),
		force_proxy_type: None,
		call: Box::new(call),
	})
	.dispatch(signed(delegate)));
}

/// The result of the last call dispatched through `proxy.proxy`.
fn last_proxy_result() -> Result<(), DispatchError> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
			_ => None,
		})
		.expect("a call went through proxy.proxy")
}

fn add_app_key(owner: Sr25519Keyring, key: Sr25519Keyring, proxy_type: ProxyType) {
	assert_ok!(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
		delegate: MultiAddress::Id(account(key)),
		proxy_type,
		delay: 0,
	})
	.dispatch(signed(owner)));
}

/// Everything a forbidden call could change: content, keys, recovery and balances.
fn accounts_state() -> Vec<Vec<(Vec<u8>, Vec<u8>)>> {
	["Profiles", "Posts", "Follows", "Reactions", "Proxy", "Recovery", "Balances"]
		.map(pallet_storage)
		.to_vec()
}

fn start() {
	System::set_block_number(1);
}

#[test]
fn a_social_app_key_posts_replies_edits_deletes_reacts_and_follows_as_the_account() {
	use Sr25519Keyring::{Alice, Bob, Charlie};
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		start();
		add_app_key(Alice, Bob, ProxyType::Social);
		let held_before = Balances::total_balance_on_hold(&account(Alice));
		let bob_free_before = Balances::balance(&account(Bob));

		as_proxy(Bob, Alice, create_post());
		assert_eq!(last_proxy_result(), Ok(()));
		let post = pallet_posts::Posts::<Runtime>::get(0).expect("the post exists");
		assert_eq!(post.author, account(Alice), "the account is the author, not the app key");
		assert!(Balances::total_balance_on_hold(&account(Alice)) > held_before, "Alice's deposit");
		assert_eq!(Balances::total_balance_on_hold(&account(Bob)), 0, "nothing held from Bob");

		let social_calls = [
			RuntimeCall::Posts(pallet_posts::Call::reply {
				parent: 0,
				content: cid(CID),
				size: 100,
			}),
			RuntimeCall::Posts(pallet_posts::Call::quote { of: 0, content: cid(CID), size: 100 }),
			RuntimeCall::Posts(pallet_posts::Call::repost { of: 0 }),
			RuntimeCall::Posts(pallet_posts::Call::edit_post {
				post_id: 0,
				content: cid(OTHER_CID),
				size: 100,
			}),
			RuntimeCall::Reactions(pallet_reactions::Call::react {
				post_id: 0,
				kind: ReactionKind::Love,
			}),
			RuntimeCall::Reactions(pallet_reactions::Call::unreact { post_id: 0 }),
			RuntimeCall::Follows(pallet_follows::Call::follow { followee: account(Charlie) }),
			RuntimeCall::Follows(pallet_follows::Call::unfollow { followee: account(Charlie) }),
			RuntimeCall::Follows(pallet_follows::Call::follow { followee: account(Charlie) }),
			RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: 1 }),
		];
		for call in social_calls {
			as_proxy(Bob, Alice, call.clone());
			assert_eq!(last_proxy_result(), Ok(()), "{call:?}");
		}
		assert_eq!(pallet_posts::Posts::<Runtime>::get(0).unwrap().revision, 1);
		assert!(pallet_follows::Following::<Runtime>::contains_key(
			account(Alice),
			account(Charlie)
		));
		assert!(!pallet_posts::Posts::<Runtime>::contains_key(1), "the reply was deleted");
		assert_eq!(pallet_posts::PostCountByAuthor::<Runtime>::get(account(Bob)), 0);
		assert!(
			Balances::balance(&account(Bob)) == bob_free_before,
			"dispatch alone costs Bob nothing"
		);
	});
}

#[test]
fn a_social_app_key_is_refused_everything_else_and_nothing_changes() {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		start();
		add_app_key(Alice, Bob, ProxyType::Social);
		assert_ok!(RuntimeCall::Profiles(pallet_profiles::Call::set_profile {
			metadata: cid(CID),
			size: 100
		})
		.dispatch(signed(Alice)));
		let handle = b"alice".to_vec().try_into().unwrap();
		assert_ok!(RuntimeCall::Profiles(pallet_profiles::Call::set_handle { handle })
			.dispatch(signed(Alice)));
		let proxy_call = |call: RuntimeCall| {
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(account(Alice)),
				force_proxy_type: None,
				call: Box::new(call),
			})
		};
		let forbidden = [
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(account(Bob)),
				value: 1_000_000_000_000,
			}),
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: MultiAddress::Id(account(Bob)),
				keep_alive: false,
			}),
			RuntimeCall::Profiles(pallet_profiles::Call::set_profile {
				metadata: cid(CID),
				size: 100,
			}),
			RuntimeCall::Profiles(pallet_profiles::Call::set_handle {
				handle: b"stolen".to_vec().try_into().unwrap(),
			}),
			RuntimeCall::Profiles(pallet_profiles::Call::clear_handle {}),
			RuntimeCall::Profiles(pallet_profiles::Call::remove_profile {}),
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: MultiAddress::Id(account(Eve)),
				proxy_type: ProxyType::Any,
				delay: 0,
			}),
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: MultiAddress::Id(account(Eve)),
				proxy_type: ProxyType::Social,
				delay: 0,
			}),
			RuntimeCall::Proxy(pallet_proxy::Call::remove_proxy {
				delegate: MultiAddress::Id(account(Bob)),
				proxy_type: ProxyType::Social,
				delay: 0,
			}),
			RuntimeCall::Proxy(pallet_proxy::Call::remove_proxies {}),
			RuntimeCall::Proxy(pallet_proxy::Call::create_pure {
				proxy_type: ProxyType::Any,
				delay: 0,
				index: 0,
			}),
			// A proxy call inside the proxy call: the app key cannot reach another account's
			// keys through Alice either.
			proxy_call(create_post()),
			RuntimeCall::Recovery(pallet_recovery::Call::set_friend_groups {
				friend_groups: vec![],
			}),
			RuntimeCall::Recovery(pallet_recovery::Call::initiate_attempt {
				lost: MultiAddress::Id(account(Dave)),
				friend_group_index: 0,
			}),
			RuntimeCall::Recovery(pallet_recovery::Call::revoke_inheritor {}),
			RuntimeCall::System(frame_system::Call::remark { remark: b"hi".to_vec() }),
			RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: create_post().into() }),
		];
		for call in forbidden {
			let before = accounts_state();
			as_proxy(Bob, Alice, call.clone());
			assert_eq!(
				last_proxy_result(),
				Err(frame_system::Error::<Runtime>::CallFiltered.into()),
				"{call:?}"
			);
			assert_eq!(accounts_state(), before, "{call:?} changed state");
		}
		// And a social key cannot pretend to be a full one.
		assert_noop!(
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(account(Alice)),
				force_proxy_type: Some(ProxyType::Any),
				call: Box::new(create_post()),
			})
			.dispatch(signed(Bob))
			.map_err(|e| e.error),
			pallet_proxy::Error::<Runtime>::NotProxy
		);
		// Charlie, who is no key of Alice's, gets nothing through.
		assert_noop!(
			proxy_call(create_post()).dispatch(signed(Charlie)).map_err(|e| e.error),
			pallet_proxy::Error::<Runtime>::NotProxy
		);
	});
}

#[test]
fn an_expiring_app_key_works_until_its_block_and_is_refused_after() {
	use Sr25519Keyring::{Alice, Bob};
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		start();
		add_app_key(Alice, Bob, ProxyType::SocialUntil(10));
		System::set_block_number(10);
		as_proxy(Bob, Alice, create_post());
		assert_eq!(last_proxy_result(), Ok(()));

		System::set_block_number(11);
		let before = accounts_state();
		as_proxy(Bob, Alice, create_post());
		assert_eq!(last_proxy_result(), Err(frame_system::Error::<Runtime>::CallFiltered.into()));
		assert_eq!(accounts_state(), before);
		// An expiring key is still only a social one before its end.
		System::set_block_number(5);
		as_proxy(
			Bob,
			Alice,
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: MultiAddress::Id(account(Bob)),
				keep_alive: false,
			}),
		);
		assert_eq!(last_proxy_result(), Err(frame_system::Error::<Runtime>::CallFiltered.into()));
	});
}

#[test]
fn a_revoked_app_key_is_refused_at_once_and_its_deposit_returns() {
	use Sr25519Keyring::{Alice, Bob};
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		start();
		let reserved_before = Balances::reserved_balance(account(Alice));
		add_app_key(Alice, Bob, ProxyType::Social);
		assert!(
			Balances::reserved_balance(account(Alice)) > reserved_before,
			"a key costs a deposit"
		);
		as_proxy(Bob, Alice, create_post());
		assert_eq!(last_proxy_result(), Ok(()));

		assert_ok!(RuntimeCall::Proxy(pallet_proxy::Call::remove_proxy {
			delegate: MultiAddress::Id(account(Bob)),
			proxy_type: ProxyType::Social,
			delay: 0,
		})
		.dispatch(signed(Alice)));
		// The key's deposit is back; what stays reserved is the post's deposit (a hold).
		assert_eq!(pallet_proxy::Proxies::<Runtime>::get(account(Alice)).1, 0);
		assert_eq!(
			Balances::reserved_balance(account(Alice)),
			Balances::total_balance_on_hold(&account(Alice))
		);
		let before = accounts_state();
		assert_noop!(
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(account(Alice)),
				force_proxy_type: None,
				call: Box::new(create_post()),
			})
			.dispatch(signed(Bob))
			.map_err(|e| e.error),
			pallet_proxy::Error::<Runtime>::NotProxy
		);
		assert_eq!(accounts_state(), before);
	});
}

/// Dave names Alice, Bob and Charlie, two of whom must approve, with Ferdie (a key Dave keeps
/// apart) as the heir and a delay of `DELAY` blocks.
const DELAY: u32 = 20;

fn dave_names_his_friends() {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Ferdie};
	let mut friends = vec![account(Alice), account(Bob), account(Charlie)];
	friends.sort();
	let group = pallet_recovery::FriendGroup {
		friends: friends.try_into().unwrap(),
		friends_needed: 2,
		inheritor: account(Ferdie),
		inheritance_delay: DELAY,
		inheritance_priority: 0,
		cancel_delay: DELAY,
	};
	assert_ok!(RuntimeCall::Recovery(pallet_recovery::Call::set_friend_groups {
		friend_groups: vec![group],
	})
	.dispatch(signed(Dave)));
}

fn recovery_call(
	call: pallet_recovery::Call<Runtime>,
	by: Sr25519Keyring,
) -> Result<(), DispatchError> {
	RuntimeCall::Recovery(call).dispatch(signed(by)).map(|_| ()).map_err(|e| e.error)
}

/// `call` dispatched as Dave by his heir.
fn as_heir(call: RuntimeCall) -> Result<(), DispatchError> {
	recovery_call(
		pallet_recovery::Call::control_inherited_account {
			recovered: MultiAddress::Id(account(Sr25519Keyring::Dave)),
			call: Box::new(call),
		},
		Sr25519Keyring::Ferdie,
	)?;
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Recovery(pallet_recovery::Event::RecoveredAccountControlled {
				call_result,
				..
			}) => Some(call_result),
			_ => None,
		})
		.expect("the heir's call was dispatched")
}

#[test]
fn friends_recover_a_lost_account_and_the_heir_acts_as_it_with_everything_intact() {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		start();
		let dave = account(Dave);
		// Dave's life before the loss: a profile and handle, a post, a follower and an app key.
		assert_ok!(RuntimeCall::Profiles(pallet_profiles::Call::set_profile {
			metadata: cid(CID),
			size: 100
		})
		.dispatch(signed(Dave)));
		assert_ok!(RuntimeCall::Profiles(pallet_profiles::Call::set_handle {
			handle: b"dave".to_vec().try_into().unwrap(),
		})
		.dispatch(signed(Dave)));
		assert_ok!(create_post().dispatch(signed(Dave)));
		assert_ok!(RuntimeCall::Follows(pallet_follows::Call::follow { followee: dave.clone() })
			.dispatch(signed(Eve)));
		add_app_key(Dave, Eve, ProxyType::Social);
		dave_names_his_friends();
		assert!(
			Balances::balance_on_hold(
				&pallet_recovery::HoldReason::FriendGroupsStorage.into(),
				&dave
			) > 0
		);

		// Dave's key is lost. The heir cannot act before the friends have recovered him.
		assert_eq!(
			as_heir(create_post()),
			Err(pallet_recovery::Error::<Runtime>::NoInheritor.into())
		);
		// Someone who is no friend cannot open an attempt.
		assert_eq!(
			recovery_call(
				pallet_recovery::Call::initiate_attempt {
					lost: MultiAddress::Id(dave.clone()),
					friend_group_index: 0
				},
				Eve
			),
			Err(pallet_recovery::Error::<Runtime>::NotFriend.into())
		);
		// Alice opens the attempt (her approval counts) and Bob approves.
		assert_ok!(recovery_call(
			pallet_recovery::Call::initiate_attempt {
				lost: MultiAddress::Id(dave.clone()),
				friend_group_index: 0
			},
			Alice
		));
		assert!(
			Balances::balance_on_hold(
				&pallet_recovery::HoldReason::SecurityDeposit.into(),
				&account(Alice)
			) > 0
		);
		assert_ok!(recovery_call(
			pallet_recovery::Call::approve_attempt {
				lost: MultiAddress::Id(dave.clone()),
				friend_group_index: 0
			},
			Bob
		));
		// A third approval is useless and refused.
		assert_eq!(
			recovery_call(
				pallet_recovery::Call::approve_attempt {
					lost: MultiAddress::Id(dave.clone()),
					friend_group_index: 0
				},
				Charlie
			),
			Err(pallet_recovery::Error::<Runtime>::AlreadyApproved.into())
		);
		// Not before the delay.
		let finish = pallet_recovery::Call::finish_attempt {
			lost: MultiAddress::Id(dave.clone()),
			friend_group_index: 0,
		};
		assert_eq!(
			recovery_call(finish.clone(), Ferdie),
			Err(pallet_recovery::Error::<Runtime>::NotYetInheritable.into())
		);
		System::set_block_number(1 + DELAY);
		assert_ok!(recovery_call(finish, Ferdie));
		assert_eq!(
			pallet_recovery::Pallet::<Runtime>::inheritor(dave.clone()),
			Some(account(Ferdie))
		);

		// The heir posts as Dave: same account, same handle, same follower.
		assert_ok!(as_heir(create_post()));
		let post = pallet_posts::Posts::<Runtime>::get(1).expect("the heir's post");
		assert_eq!(post.author, dave);
		assert_eq!(
			pallet_profiles::AccountByHandle::<Runtime>::get(
				agora_primitives::Handle::try_from(b"dave".to_vec()).unwrap()
			),
			Some(dave.clone())
		);
		assert_eq!(pallet_follows::FollowerCount::<Runtime>::get(&dave), 1);

		// The heir cuts off what the lost key set up: its app keys, then the funds move to the
		// heir's own account.
		assert_ok!(as_heir(RuntimeCall::Proxy(pallet_proxy::Call::remove_proxies {})));
		assert!(pallet_proxy::Proxies::<Runtime>::get(&dave).0.is_empty());
		assert_ok!(as_heir(RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: MultiAddress::Id(account(Ferdie)),
			value: 1_000_000_000_000,
		})));
		// The heir cannot rewrite Dave's recovery setup through the account it controls, nor
		// by giving itself a full key on it and going through `proxy.proxy`.
		let close_recovery = RuntimeCall::Recovery(pallet_recovery::Call::set_friend_groups {
			friend_groups: vec![],
		});
		assert_eq!(
			as_heir(close_recovery.clone()),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);
		assert_ok!(as_heir(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
			delegate: MultiAddress::Id(account(Ferdie)),
			proxy_type: ProxyType::Any,
			delay: 0,
		})));
		let before = accounts_state();
		as_proxy(Ferdie, Dave, close_recovery);
		assert_eq!(last_proxy_result(), Err(frame_system::Error::<Runtime>::CallFiltered.into()));
		assert_eq!(accounts_state(), before);
		assert!(pallet_recovery::FriendGroups::<Runtime>::contains_key(&dave));
	});
}

#[test]
fn root_cannot_recover_or_act_for_an_account() {
	use Sr25519Keyring::{Alice, Dave};
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		start();
		dave_names_his_friends();
		let before = accounts_state();
		for call in [
			RuntimeCall::Recovery(pallet_recovery::Call::control_inherited_account {
				recovered: MultiAddress::Id(account(Dave)),
				call: Box::new(create_post()),
			}),
			RuntimeCall::Recovery(pallet_recovery::Call::finish_attempt {
				lost: MultiAddress::Id(account(Dave)),
				friend_group_index: 0,
			}),
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(account(Dave)),
				force_proxy_type: None,
				call: Box::new(create_post()),
			}),
		] {
			// Alice holds the sudo key of the development preset. Root's allowlist names none
			// of these calls: refused at the outer call.
			let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: call.clone().into() });
			let result = sudo.dispatch(signed(Alice)).map(|_| ()).map_err(|e| e.error);
			assert_eq!(
				result,
				Err(frame_system::Error::<Runtime>::CallFiltered.into()),
				"{call:?} as Root"
			);
			assert_eq!(accounts_state(), before, "{call:?}");
		}
	});
}
