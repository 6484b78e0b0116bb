//! Benchmarks of `pallet-messages` (frame-benchmarking v2), each in its worst case.
// Benchmarks run only under the benchmarking CLI or as tests: a failed setup should stop them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use agora_primitives::CidInput;
use frame_benchmarking::v2::*;
use frame_support::traits::{Consideration, Footprint, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::Saturating;

const KEY: X25519PublicKey = [9; 32];
const NEW_KEY: X25519PublicKey = [10; 32];
const ENVELOPE: &[u8] = b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

/// An account able to pay the deposit of `footprint`.
fn funded<T: Config>(name: &'static str, footprint: Footprint) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::Consideration::ensure_successful(&who, footprint);
	who
}

/// A recipient with a mailbox whose policy is "only accounts I follow", following `sender`.
fn strict_recipient<T: Config>(sender: &T::AccountId) -> T::AccountId {
	let to = funded::<T>("recipient", Pallet::<T>::mailbox_footprint());
	Pallet::<T>::publish_key(RawOrigin::Signed(to.clone()).into(), KEY).unwrap();
	Pallet::<T>::set_policy(RawOrigin::Signed(to.clone()).into(), DmPolicy::Following).unwrap();
	T::BenchmarkHelper::follow(&to, sender);
	to
}

fn envelope() -> CidInput {
	CidInput::truncate_from(ENVELOPE.to_vec())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn publish_first_key() {
		let who = funded::<T>("who", Pallet::<T>::mailbox_footprint());

		#[extrinsic_call]
		publish_key(RawOrigin::Signed(who.clone()), KEY);

		assert_eq!(Mailboxes::<T>::get(&who).map(|m| m.key), Some(KEY));
	}

	#[benchmark]
	fn rotate_key() {
		let who = funded::<T>("who", Pallet::<T>::mailbox_footprint());
		Pallet::<T>::publish_key(RawOrigin::Signed(who.clone()).into(), KEY).unwrap();
		T::Consideration::ensure_successful(&who, Pallet::<T>::previous_key_footprint());

		#[extrinsic_call]
		publish_key(RawOrigin::Signed(who.clone()), NEW_KEY);

		assert_eq!(Mailboxes::<T>::get(&who).map(|m| m.key_id), Some(1));
		assert!(PreviousKeys::<T>::contains_key(&who, 0));
	}

	#[benchmark]
	fn forget_key() {
		let who = funded::<T>("who", Pallet::<T>::mailbox_footprint());
		Pallet::<T>::publish_key(RawOrigin::Signed(who.clone()).into(), KEY).unwrap();
		T::Consideration::ensure_successful(&who, Pallet::<T>::previous_key_footprint());
		Pallet::<T>::publish_key(RawOrigin::Signed(who.clone()).into(), NEW_KEY).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 0);

		assert!(!PreviousKeys::<T>::contains_key(&who, 0));
	}

	#[benchmark]
	fn close_mailbox() {
		let who = funded::<T>("who", Pallet::<T>::mailbox_footprint());
		Pallet::<T>::publish_key(RawOrigin::Signed(who.clone()).into(), KEY).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Mailboxes::<T>::contains_key(&who));
	}

	#[benchmark]
	fn set_policy() {
		let who = funded::<T>("who", Pallet::<T>::mailbox_footprint());
		Pallet::<T>::publish_key(RawOrigin::Signed(who.clone()).into(), KEY).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), DmPolicy::Nobody);

		assert_eq!(Mailboxes::<T>::get(&who).map(|m| m.policy), Some(DmPolicy::Nobody));
	}

	#[benchmark]
	fn block() {
		let who = funded::<T>("who", Pallet::<T>::block_footprint());
		let sender: T::AccountId = account("sender", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), sender.clone());

		assert!(Blocked::<T>::contains_key(&who, &sender));
	}

	#[benchmark]
	fn unblock() {
		let who = funded::<T>("who", Pallet::<T>::block_footprint());
		let sender: T::AccountId = account("sender", 0, 0);
		Pallet::<T>::block(RawOrigin::Signed(who.clone()).into(), sender.clone()).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), sender.clone());

		assert!(!Blocked::<T>::contains_key(&who, &sender));
	}

	#[benchmark]
	fn send_message() {
		let from: T::AccountId = whitelisted_caller();
		T::Consideration::ensure_successful(
			&from,
			Pallet::<T>::notice_footprint(T::MaxContentSize::get()),
		);
		let to = strict_recipient::<T>(&from);

		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), to.clone(), envelope(), T::MaxContentSize::get());

		assert_eq!(PendingFrom::<T>::get(&to, &from), 1);
	}

	#[benchmark]
	fn remove_notice() {
		let from: T::AccountId = whitelisted_caller();
		T::Consideration::ensure_successful(
			&from,
			Pallet::<T>::notice_footprint(T::MaxContentSize::get()),
		);
		let to = strict_recipient::<T>(&from);
		let id = NextMessageId::<T>::get();
		Pallet::<T>::send_message(
			RawOrigin::Signed(from.clone()).into(),
			to.clone(),
			envelope(),
			T::MaxContentSize::get(),
		)
		.unwrap();
		let later: BlockNumberFor<T> =
			frame_system::Pallet::<T>::block_number().saturating_add(T::NoticeLifetime::get());
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), to.clone(), id);

		assert_eq!(PendingFrom::<T>::get(&to, &from), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
