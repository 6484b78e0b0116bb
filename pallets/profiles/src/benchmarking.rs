//! Benchmarks of `pallet-profiles` (frame-benchmarking v2), each in its worst case.
// Benchmarks run only under the benchmarking CLI or as tests: a failed setup should stop them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use agora_primitives::CidInput;
use frame_benchmarking::v2::*;
use frame_support::traits::{Consideration, Footprint, Get};
use frame_system::RawOrigin;

/// A CIDv1 (blake2b-256): the longest CID accepted, so the costliest to decode and store.
const DOC: &[u8] = b"bafk2bzaceddrwbp5duohx57jfd7rrzmnwumt5eywifwme25jzsijjwua24ar4";
/// Another document.
const OTHER_DOC: &[u8] = b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn cid_input(bytes: &[u8]) -> CidInput {
	CidInput::try_from(bytes.to_vec()).expect("test CIDs fit")
}

/// The longest handle.
fn long_handle(first: u8) -> HandleInput {
	let mut handle = alloc::vec![b'a'; MAX_HANDLE_LEN as usize];
	handle[0] = first;
	HandleInput::try_from(handle).expect("fits")
}

/// A funded caller able to pay any profile deposit.
fn funded_caller<T: Config>() -> T::AccountId {
	let caller: T::AccountId = whitelisted_caller();
	T::Consideration::ensure_successful(&caller, Footprint::from_parts(4, 1024));
	caller
}

/// A caller with a profile and the given handle.
fn caller_with_profile<T: Config>(handle: HandleInput) -> T::AccountId {
	let caller = funded_caller::<T>();
	let origin = RawOrigin::Signed(caller.clone());
	Pallet::<T>::set_profile(origin.clone().into(), cid_input(OTHER_DOC), T::MaxContentSize::get())
		.expect("profile set");
	Pallet::<T>::set_handle(origin.into(), handle).expect("handle set");
	caller
}

/// The shortest handle.
fn short_handle() -> HandleInput {
	HandleInput::try_from(b"bob".to_vec()).expect("fits")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_profile() {
		let caller = funded_caller::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), cid_input(DOC), T::MaxContentSize::get());

		assert!(Profiles::<T>::contains_key(&caller));
	}

	#[benchmark]
	fn remove_profile() {
		let caller = caller_with_profile::<T>(long_handle(b'b'));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(!Profiles::<T>::contains_key(&caller));
	}

	#[benchmark]
	fn set_handle() {
		// Worst case: the old handle is freed and the longer new one raises the deposit.
		let caller = caller_with_profile::<T>(short_handle());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), long_handle(b'c'));

		assert!(Profiles::<T>::get(&caller).and_then(|p| p.handle).is_some());
	}

	#[benchmark]
	fn clear_handle() {
		let caller = caller_with_profile::<T>(long_handle(b'b'));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(Profiles::<T>::get(&caller).is_some_and(|p| p.handle.is_none()));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
