//! Benchmarks of `pallet-follows` (frame-benchmarking v2).
// Benchmarks run only under the benchmarking CLI or as tests: a failed setup should stop them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Consideration;
use frame_system::RawOrigin;

/// A follower able to pay the deposit.
fn funded_follower<T: Config>() -> T::AccountId {
	let follower: T::AccountId = whitelisted_caller();
	T::Consideration::ensure_successful(&follower, Pallet::<T>::footprint());
	follower
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn follow() {
		let follower = funded_follower::<T>();
		let followee: T::AccountId = account("followee", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(follower.clone()), followee.clone());

		assert!(Following::<T>::contains_key(&follower, &followee));
	}

	#[benchmark]
	fn unfollow() {
		let follower = funded_follower::<T>();
		let followee: T::AccountId = account("followee", 0, 0);
		Pallet::<T>::follow(RawOrigin::Signed(follower.clone()).into(), followee.clone())
			.expect("followed");

		#[extrinsic_call]
		_(RawOrigin::Signed(follower.clone()), followee.clone());

		assert!(!Following::<T>::contains_key(&follower, &followee));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
