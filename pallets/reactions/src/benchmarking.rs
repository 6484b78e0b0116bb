//! Benchmarks of `pallet-reactions` (frame-benchmarking v2), each in its worst case.
// Benchmarks run only under the benchmarking CLI or as tests: a failed setup should stop them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Consideration;
use frame_system::RawOrigin;

/// A reactor able to pay the deposit.
fn funded_reactor<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	T::Consideration::ensure_successful(&who, Pallet::<T>::footprint());
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn react_new() {
		let post_id = T::BenchmarkHelper::create_post();
		let who = funded_reactor::<T>();

		#[extrinsic_call]
		react(RawOrigin::Signed(who.clone()), post_id, ReactionKind::Like);

		assert_eq!(Reactions::<T>::get(post_id, &who).map(|r| r.kind), Some(ReactionKind::Like));
	}

	#[benchmark]
	fn react_change() {
		let post_id = T::BenchmarkHelper::create_post();
		let who = funded_reactor::<T>();
		Pallet::<T>::react(RawOrigin::Signed(who.clone()).into(), post_id, ReactionKind::Upvote)
			.expect("reacted");

		#[extrinsic_call]
		react(RawOrigin::Signed(who.clone()), post_id, ReactionKind::Downvote);

		assert_eq!(ReactionCounts::<T>::get(post_id, ReactionKind::Downvote), 1);
	}

	#[benchmark]
	fn unreact() {
		let post_id = T::BenchmarkHelper::create_post();
		let who = funded_reactor::<T>();
		Pallet::<T>::react(RawOrigin::Signed(who.clone()).into(), post_id, ReactionKind::Love)
			.expect("reacted");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), post_id);

		assert!(!Reactions::<T>::contains_key(post_id, &who));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
