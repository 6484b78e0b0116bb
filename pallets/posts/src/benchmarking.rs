//! Benchmarks of `pallet-posts` (frame-benchmarking v2), each in its worst case.
// Benchmarks run only under the benchmarking CLI or as tests: a failed setup should stop them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use agora_primitives::{CidInput, PostId};
use frame_benchmarking::v2::*;
use frame_support::traits::{Consideration, Footprint, Get};
use frame_system::RawOrigin;

/// The longest CID accepted (raw, blake2b-256): the costliest to decode and store.
const BODY: &[u8] = b"bafk2bzaceddrwbp5duohx57jfd7rrzmnwumt5eywifwme25jzsijjwua24ar4";
/// Another body, for edits.
const OTHER_BODY: &[u8] = b"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn cid_input(bytes: &[u8]) -> CidInput {
	CidInput::try_from(bytes.to_vec()).expect("test CIDs fit")
}

/// An account able to pay many post deposits.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Consideration::ensure_successful(&who, Footprint::from_parts(64, 64 * 1024));
	who
}

/// Publishes an original post by `author` and returns its id.
fn original_by<T: Config>(author: &T::AccountId) -> PostId {
	let id = NextPostId::<T>::get();
	Pallet::<T>::create_post(
		RawOrigin::Signed(author.clone()).into(),
		cid_input(OTHER_BODY),
		T::MaxContentSize::get(),
	)
	.expect("post created");
	id
}

/// A reply in a thread: the worst case of reply targets (a reply has a root to look up).
fn reply_target<T: Config>() -> PostId {
	let author = funded::<T>("author", 0);
	let root = original_by::<T>(&author);
	let id = NextPostId::<T>::get();
	Pallet::<T>::reply(
		RawOrigin::Signed(author).into(),
		root,
		cid_input(OTHER_BODY),
		T::MaxContentSize::get(),
	)
	.expect("reply created");
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_post() {
		let caller = funded::<T>("caller", 0);
		let id = NextPostId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), cid_input(BODY), T::MaxContentSize::get());

		assert_eq!(Posts::<T>::get(id).map(|p| p.author), Some(caller));
	}

	#[benchmark]
	fn reply() {
		let parent = reply_target::<T>();
		let caller = funded::<T>("caller", 0);
		let id = NextPostId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), parent, cid_input(BODY), T::MaxContentSize::get());

		assert!(Replies::<T>::contains_key(parent, oldest_first(id)));
	}

	#[benchmark]
	fn quote() {
		let author = funded::<T>("author", 0);
		let of = original_by::<T>(&author);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), of, cid_input(BODY), T::MaxContentSize::get());

		assert_eq!(Posts::<T>::get(of).map(|p| p.quotes), Some(1));
	}

	#[benchmark]
	fn repost() {
		// Worst case: reposting a repost, which resolves to the original first.
		let author = funded::<T>("author", 0);
		let original = original_by::<T>(&author);
		let reposter = funded::<T>("reposter", 0);
		let repost_id = NextPostId::<T>::get();
		Pallet::<T>::repost(RawOrigin::Signed(reposter).into(), original).expect("reposted");
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), repost_id);

		assert!(RepostOf::<T>::contains_key(original, &caller));
	}

	#[benchmark]
	fn edit_post() {
		let caller = funded::<T>("caller", 0);
		let id = original_by::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, cid_input(BODY), T::MaxContentSize::get());

		assert_eq!(Posts::<T>::get(id).map(|p| p.revision), Some(1));
	}

	#[benchmark]
	fn delete_post() {
		// Worst case: a reply, whose parent's counter and reply index change too.
		let parent = reply_target::<T>();
		let caller = funded::<T>("caller", 0);
		let id = NextPostId::<T>::get();
		Pallet::<T>::reply(
			RawOrigin::Signed(caller.clone()).into(),
			parent,
			cid_input(BODY),
			T::MaxContentSize::get(),
		)
		.expect("reply created");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(!Posts::<T>::contains_key(id));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
