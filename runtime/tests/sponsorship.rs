//! Sponsorship as the runtime composes it: the fee adapter (`SponsoredFees`) and the deposit
//! ticket (`SponsoredHold`) with the real social pallets and balances. The attacker here is
//! the block: transactions the pool validated together against one state, then applied one
//! after the other, must never spend past the allowance.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_primitives::DepositTicket;
use agora_runtime::{
	configs::{
		social::{PostHoldReason, StorageDeposit},
		sponsorship::SponsoredFees,
	},
	Balance, Balances, Runtime, RuntimeCall, RuntimeHoldReason, RuntimeOrigin, UNIT,
};
use codec::Encode;
use common::{signed_extrinsic, with_genesis_of};
use frame_support::{
	assert_ok,
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	traits::fungible::{HoldConsideration, Inspect, InspectHold},
};
use pallet_transaction_payment::OnChargeTransaction;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	AccountId32,
};

const CID: &[u8] = b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn alice() -> AccountId32 {
	Sr25519Keyring::Alice.to_account_id()
}

/// A brand-new key: no balance, not on chain.
fn newcomer() -> AccountId32 {
	AccountId32::new([42; 32])
}

fn create_post() -> RuntimeCall {
	RuntimeCall::Posts(pallet_posts::Call::create_post {
		content: CID.to_vec().try_into().unwrap(),
		size: 100,
	})
}

/// The fee of `call` as a wallet sends it, at the genesis fee multiplier.
fn fee_of(call: &RuntimeCall) -> Balance {
	let extrinsic = signed_extrinsic(call.clone());
	pallet_transaction_payment::Pallet::<Runtime>::compute_fee(
		extrinsic.encoded_size() as u32,
		&extrinsic.get_dispatch_info(),
		0,
	)
}

/// Alice offers to sponsor the newcomer, and the newcomer accepts.
fn sponsor_newcomer(allowance: Balance) {
	frame_system::Pallet::<Runtime>::set_block_number(1);
	assert_ok!(pallet_sponsorship::Pallet::<Runtime>::sponsor(
		RuntimeOrigin::signed(alice()),
		newcomer(),
		allowance
	));
	assert_ok!(pallet_sponsorship::Pallet::<Runtime>::accept(
		RuntimeOrigin::signed(newcomer()),
		alice()
	));
}

fn books() -> pallet_sponsorship::SponsorshipOf<Runtime> {
	pallet_sponsorship::Sponsorships::<Runtime>::get(newcomer()).expect("sponsored")
}

fn payment_refused() -> TransactionValidityError {
	InvalidTransaction::Payment.into()
}

#[test]
fn transactions_validated_together_never_spend_past_the_allowance_when_applied() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		let call = create_post();
		let info = call.get_dispatch_info();
		let fee = fee_of(&call);
		// Room for two fees and a half.
		sponsor_newcomer(fee * 5 / 2);
		let alice_before = Balances::balance(&alice());

		// The pool validates five of them against the same state: each alone is covered.
		for _ in 0..5 {
			assert_ok!(SponsoredFees::can_withdraw_fee(&newcomer(), &call, &info, fee, 0));
		}
		// The block applies them one after the other: the third finds the allowance spent.
		let mut outcomes = Vec::new();
		for _ in 0..5 {
			let outcome = match SponsoredFees::withdraw_fee(&newcomer(), &call, &info, fee, 0) {
				Ok(liquidity) => SponsoredFees::correct_and_deposit_fee(
					&newcomer(),
					&info,
					&PostDispatchInfo::default(),
					fee,
					0,
					liquidity,
				),
				Err(refused) => Err(refused),
			};
			outcomes.push(outcome);
		}
		assert_eq!(
			outcomes,
			vec![
				Ok(()),
				Ok(()),
				Err(payment_refused()),
				Err(payment_refused()),
				Err(payment_refused())
			]
		);
		assert_eq!(books().fees_paid, 2 * fee);
		assert!(books().fees_paid + books().deposits_held <= books().allowance);
		assert_eq!(alice_before - Balances::balance(&alice()), 2 * fee, "Alice paid two fees");
		assert_eq!(Balances::balance(&newcomer()), 0);
	});
}

#[test]
fn the_unused_part_of_a_fee_goes_back_to_the_sponsor_and_its_allowance() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		let call = create_post();
		let info = call.get_dispatch_info();
		let fee = fee_of(&call);
		sponsor_newcomer(UNIT);
		let alice_before = Balances::balance(&alice());

		let liquidity = SponsoredFees::withdraw_fee(&newcomer(), &call, &info, fee, 0).unwrap();
		assert_eq!(books().fees_paid, fee);
		let actual = fee / 3;
		assert_ok!(SponsoredFees::correct_and_deposit_fee(
			&newcomer(),
			&info,
			&PostDispatchInfo::default(),
			actual,
			0,
			liquidity
		));
		assert_eq!(books().fees_paid, actual, "the books count what was used");
		assert_eq!(
			alice_before - Balances::balance(&alice()),
			actual,
			"and so does Alice's balance"
		);
	});
}

#[test]
fn calls_the_sponsorship_does_not_cover_are_refused_for_a_key_with_nothing() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		sponsor_newcomer(UNIT);
		let alice_before = Balances::balance(&alice());
		let not_covered = [
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: alice().into(),
				value: 1,
			}),
			RuntimeCall::Sponsorship(pallet_sponsorship::Call::sponsor {
				account: Sr25519Keyring::Bob.to_account_id(),
				allowance: 1,
			}),
			RuntimeCall::System(frame_system::Call::remark { remark: vec![1, 2, 3] }),
		];
		for call in not_covered {
			let (info, fee) = (call.get_dispatch_info(), fee_of(&call));
			assert_eq!(
				SponsoredFees::can_withdraw_fee(&newcomer(), &call, &info, fee, 0),
				Err(payment_refused())
			);
			assert_eq!(
				SponsoredFees::withdraw_fee(&newcomer(), &call, &info, fee, 0).map(|_| ()),
				Err(payment_refused())
			);
		}
		assert_eq!(Balances::balance(&alice()), alice_before, "nobody paid anything");
		assert_eq!(books().fees_paid, 0);

		// An allowance too small for the fee of a covered call: refused too.
		let call = create_post();
		let fee = fee_of(&call);
		assert_ok!(pallet_sponsorship::Pallet::<Runtime>::revoke(
			RuntimeOrigin::signed(alice()),
			newcomer()
		));
		sponsor_newcomer(fee - 1);
		assert_eq!(
			SponsoredFees::can_withdraw_fee(&newcomer(), &call, &call.get_dispatch_info(), fee, 0),
			Err(payment_refused())
		);
	});
}

#[test]
fn a_sponsored_post_holds_its_deposit_from_the_sponsor_and_gives_it_back() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		sponsor_newcomer(UNIT);
		let held = || Balances::balance_on_hold(&PostHoldReason::get(), &alice());
		assert_ok!(pallet_posts::Pallet::<Runtime>::create_post(
			RuntimeOrigin::signed(newcomer()),
			CID.to_vec().try_into().unwrap(),
			100
		));
		let post = pallet_posts::Posts::<Runtime>::get(0).expect("posted");
		assert_eq!(post.author, newcomer());
		assert_eq!(post.ticket.payer(&newcomer()), alice());
		assert_eq!(held(), post.ticket.held());
		assert_eq!(books().deposits_held, post.ticket.held());
		assert_eq!(Balances::balance_on_hold(&PostHoldReason::get(), &newcomer()), 0);

		// Revoked, then deleted: the deposit still goes back to Alice.
		assert_ok!(pallet_sponsorship::Pallet::<Runtime>::revoke(
			RuntimeOrigin::signed(alice()),
			newcomer()
		));
		assert_ok!(pallet_posts::Pallet::<Runtime>::delete_post(
			RuntimeOrigin::signed(newcomer()),
			0
		));
		assert_eq!(held(), 0);
	});
}

#[test]
fn a_post_stored_before_sponsorship_reads_back_and_releases_its_author_s_deposit() {
	type TicketBefore = HoldConsideration<AccountId32, Balances, PostHoldReason, StorageDeposit>;
	type PostBefore = pallet_posts::Post<AccountId32, u32, TicketBefore>;
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		// Bob's post as the runtime before sponsorship wrote it: its deposit held from Bob,
		// its ticket the amount alone.
		assert_ok!(pallet_posts::Pallet::<Runtime>::create_post(
			RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id()),
			CID.to_vec().try_into().unwrap(),
			100
		));
		let key = pallet_posts::Posts::<Runtime>::hashed_key_for(0);
		let now = pallet_posts::Posts::<Runtime>::get(0).unwrap();
		let amount = now.ticket.held();
		let before = PostBefore {
			author: now.author.clone(),
			content: now.content.clone(),
			kind: now.kind,
			created_at: now.created_at,
			revision: now.revision,
			replies: now.replies,
			reposts: now.reposts,
			quotes: now.quotes,
			ticket: codec::Decode::decode(&mut &amount.encode()[..]).unwrap(),
		};
		frame_support::storage::unhashed::put(&key, &before);
		assert_eq!(
			frame_support::storage::unhashed::get_raw(&key).unwrap().len(),
			before.encoded_size()
		);

		let read = pallet_posts::Posts::<Runtime>::get(0).expect("the old encoding reads back");
		assert_eq!(
			(read.ticket.held(), read.ticket.payer(&read.author)),
			(amount, read.author.clone())
		);
		let bob = Sr25519Keyring::Bob.to_account_id();
		let hold = |who: &AccountId32| {
			Balances::balance_on_hold(
				&RuntimeHoldReason::Posts(pallet_posts::HoldReason::PostDeposit),
				who,
			)
		};
		assert_eq!(hold(&bob), amount);
		assert_ok!(pallet_posts::Pallet::<Runtime>::delete_post(
			RuntimeOrigin::signed(bob.clone()),
			0
		));
		assert_eq!(hold(&bob), 0, "deleting it gives Bob his deposit back");
	});
}

/// Applies `call` signed by `who` the way a block does: the fee checked at the pool and
/// withdrawn before the call, the call dispatched, the fee settled after it. Returns what the
/// fee came to.
fn transact(who: &AccountId32, call: RuntimeCall) -> Balance {
	use sp_runtime::traits::Dispatchable;
	let (info, fee) = (call.get_dispatch_info(), fee_of(&call));
	assert_ok!(SponsoredFees::can_withdraw_fee(who, &call, &info, fee, 0));
	let liquidity = SponsoredFees::withdraw_fee(who, &call, &info, fee, 0).expect("fee withdrawn");
	let post = call.dispatch(RuntimeOrigin::signed(who.clone())).expect("the call succeeds");
	assert_ok!(SponsoredFees::correct_and_deposit_fee(who, &info, &post, fee, 0, liquidity));
	fee
}

/// What `who` holds for items (posts, follows, reactions, profiles, messages).
fn held_for_items(who: &AccountId32) -> Balance {
	use agora_runtime::configs::{messages::MessagesHoldReason, social::*};
	[
		PostHoldReason::get(),
		FollowHoldReason::get(),
		ReactionHoldReason::get(),
		ProfileHoldReason::get(),
		MessagesHoldReason::get(),
	]
	.iter()
	.map(|reason| Balances::balance_on_hold(reason, who))
	.sum()
}

#[test]
fn a_revoked_account_with_nothing_removes_everything_and_each_deposit_goes_back_to_its_sponsor() {
	use pallet_reactions::ReactionKind;
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		sponsor_newcomer(UNIT);
		let bob = Sr25519Keyring::Bob.to_account_id();
		let cid = || CID.to_vec().try_into().unwrap();
		let calls = [
			RuntimeCall::Profiles(pallet_profiles::Call::set_profile {
				metadata: cid(),
				size: 100,
			}),
			RuntimeCall::Profiles(pallet_profiles::Call::set_handle {
				handle: b"newcomer".to_vec().try_into().unwrap(),
			}),
			create_post(),
			RuntimeCall::Follows(pallet_follows::Call::follow { followee: bob.clone() }),
			RuntimeCall::Reactions(pallet_reactions::Call::react {
				post_id: 0,
				kind: ReactionKind::Like,
			}),
			RuntimeCall::Messages(pallet_messages::Call::publish_key { key: [9; 32] }),
			RuntimeCall::Messages(pallet_messages::Call::block { sender: bob.clone() }),
		];
		for call in calls {
			transact(&newcomer(), call);
		}
		let held = held_for_items(&alice());
		assert!(held > 0, "Alice holds the newcomer's deposits");
		assert_ok!(pallet_sponsorship::Pallet::<Runtime>::revoke(
			RuntimeOrigin::signed(alice()),
			newcomer()
		));
		assert_eq!(Balances::balance(&newcomer()), 0);
		let alice_before = Balances::balance(&alice());

		// With nothing and no sponsor, the newcomer removes everything it has; each fee comes
		// out of the deposit the removal gives back to Alice.
		let removals = [
			RuntimeCall::Profiles(pallet_profiles::Call::clear_handle {}),
			RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: 0 }),
			RuntimeCall::Follows(pallet_follows::Call::unfollow { followee: bob.clone() }),
			RuntimeCall::Reactions(pallet_reactions::Call::unreact { post_id: 0 }),
			RuntimeCall::Profiles(pallet_profiles::Call::remove_profile {}),
			RuntimeCall::Messages(pallet_messages::Call::unblock { sender: bob }),
			RuntimeCall::Messages(pallet_messages::Call::close_mailbox {}),
		];
		let fees: Balance = removals.into_iter().map(|call| transact(&newcomer(), call)).sum();

		assert_eq!(held_for_items(&alice()), 0, "every deposit went back");
		assert_eq!(Balances::balance(&alice()), alice_before + held - fees, "less the fees");
		assert_eq!(Balances::balance(&newcomer()), 0, "the newcomer never held a token");
		assert_eq!(held_for_items(&newcomer()), 0);
	});
}

#[test]
fn a_removal_nobody_can_pay_for_is_refused_at_the_pool() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		// A key with nothing, removing what it does not have: no deposit comes back, so no fee.
		let call = RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: 0 });
		let (info, fee) = (call.get_dispatch_info(), fee_of(&call));
		assert_eq!(
			SponsoredFees::can_withdraw_fee(&newcomer(), &call, &info, fee, 0),
			Err(payment_refused())
		);
	});
}
