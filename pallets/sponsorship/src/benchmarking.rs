//! Benchmarks of `pallet-sponsorship` (frame-benchmarking v2).
// Benchmarks run only under the benchmarking CLI or as tests: a failed setup should stop them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Consideration;
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

/// A sponsor able to pay a record's deposit.
fn funded_sponsor<T: Config>() -> T::AccountId {
	let payer: T::AccountId = whitelisted_caller();
	T::Consideration::ensure_successful(&payer, Pallet::<T>::footprint());
	payer
}

/// A sponsor and the new account it offers to sponsor.
fn offered<T: Config>() -> (T::AccountId, T::AccountId) {
	let payer = funded_sponsor::<T>();
	let account: T::AccountId = account("newcomer", 0, 0);
	Pallet::<T>::sponsor(
		RawOrigin::Signed(payer.clone()).into(),
		account.clone(),
		allowance::<T>(),
	)
	.expect("offered");
	(payer, account)
}

/// A sponsor and the new account it sponsors (the offer accepted).
fn sponsored<T: Config>() -> (T::AccountId, T::AccountId) {
	let (payer, account) = offered::<T>();
	Pallet::<T>::accept(RawOrigin::Signed(account.clone()).into(), payer.clone())
		.expect("accepted");
	(payer, account)
}

/// An allowance any test currency can express.
fn allowance<T: Config>() -> BalanceOf<T> {
	BalanceOf::<T>::max_value() / 4u32.into()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn sponsor() {
		let payer = funded_sponsor::<T>();
		let account: T::AccountId = account("newcomer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(payer.clone()), account.clone(), allowance::<T>());

		assert!(Offers::<T>::contains_key(&account, &payer));
	}

	#[benchmark]
	fn accept() {
		let (payer, account) = offered::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(account.clone()), payer);

		assert!(Sponsorships::<T>::contains_key(&account));
	}

	#[benchmark]
	fn withdraw_offer() {
		let (payer, account) = offered::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(payer.clone()), account.clone());

		assert!(!Offers::<T>::contains_key(&account, &payer));
	}

	#[benchmark]
	fn top_up() {
		let (payer, account) = sponsored::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), account.clone(), allowance::<T>());

		assert_eq!(Pallet::<T>::left(&account), Some(allowance::<T>() + allowance::<T>()));
	}

	#[benchmark]
	fn revoke() {
		let (payer, account) = sponsored::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), account.clone());

		assert!(!Sponsorships::<T>::contains_key(&account));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
