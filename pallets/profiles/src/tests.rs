//! Unit tests: every call's success path and every error path (`assert_noop!`: nothing
//! changes), with the invariants checked after each test.

use crate::{mock::*, AccountByHandle, Error, Event, HoldReason, Profiles as ProfileRecords};
use agora_primitives::{Cid, CidInput};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

const DOC_V0: &str = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
const DOC_V1: &str = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn input(text: &str) -> CidInput {
	CidInput::try_from(text.as_bytes().to_vec()).unwrap()
}

fn cid(text: &str) -> Cid {
	Cid::try_from(text).unwrap()
}

fn handle(text: &str) -> crate::HandleInput {
	crate::HandleInput::try_from(text.as_bytes().to_vec()).unwrap()
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProfileDeposit.into(), &who)
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

#[test]
fn set_profile_creates_a_profile_and_holds_a_deposit() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		let profile = ProfileRecords::<Test>::get(ALICE).unwrap();
		assert_eq!(profile.metadata, cid(DOC_V0));
		assert_eq!(profile.handle, None);
		assert!(held(ALICE) > 0);
		assert_eq!(ProfileRecords::<Test>::count(), 1);
		System::assert_last_event(
			Event::ProfileCreated { who: ALICE, metadata: cid(DOC_V0), size: SIZE }.into(),
		);
	});
}

#[test]
fn set_profile_again_updates_the_document() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		System::set_block_number(5);
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V1), SIZE));
		let profile = ProfileRecords::<Test>::get(ALICE).unwrap();
		assert_eq!(profile.metadata, cid(DOC_V1));
		assert_eq!(profile.updated_at, 5);
		assert_eq!(ProfileRecords::<Test>::count(), 1);
		System::assert_last_event(
			Event::ProfileUpdated {
				who: ALICE,
				metadata: cid(DOC_V1),
				size: SIZE,
				previous: cid(DOC_V0),
			}
			.into(),
		);
	});
}

#[test]
fn set_profile_accepts_the_binary_form() {
	build_and_execute(|| {
		let binary = CidInput::try_from(cid(DOC_V1).as_bytes().to_vec()).unwrap();
		assert_ok!(Profiles::set_profile(signed(ALICE), binary, SIZE));
		assert_eq!(ProfileRecords::<Test>::get(ALICE).unwrap().metadata, cid(DOC_V1));
	});
}

#[test]
fn set_profile_with_bad_cid_fails() {
	build_and_execute(|| {
		assert_noop!(
			Profiles::set_profile(signed(ALICE), input("not a cid"), SIZE),
			Error::<Test>::InvalidCid
		);
		assert_noop!(
			Profiles::set_profile(signed(ALICE), input(&DOC_V0[..40]), SIZE),
			Error::<Test>::InvalidCid
		);
	});
}

#[test]
fn set_profile_with_the_same_document_fails() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		assert_noop!(
			Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE),
			Error::<Test>::ProfileUnchanged
		);
	});
}

#[test]
fn set_profile_without_funds_for_the_deposit_fails() {
	build_and_execute(|| {
		assert!(Profiles::set_profile(signed(POOR), input(DOC_V0), SIZE).is_err());
		assert!(ProfileRecords::<Test>::get(POOR).is_none());
		assert_eq!(held(POOR), 0);
	});
}

#[test]
fn remove_profile_refunds_the_deposit_and_frees_the_handle() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		assert_ok!(Profiles::set_handle(signed(ALICE), handle("alice")));
		assert_ok!(Profiles::remove_profile(signed(ALICE)));
		assert!(ProfileRecords::<Test>::get(ALICE).is_none());
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT);
		assert!(AccountByHandle::<Test>::get(crate::normalize_handle(b"alice").unwrap()).is_none());
		System::assert_last_event(
			Event::ProfileRemoved {
				who: ALICE,
				metadata: cid(DOC_V0),
				handle: Some(crate::normalize_handle(b"alice").unwrap()),
			}
			.into(),
		);
		// The handle is free again.
		assert_ok!(Profiles::set_profile(signed(BOB), input(DOC_V1), SIZE));
		assert_ok!(Profiles::set_handle(signed(BOB), handle("alice")));
	});
}

#[test]
fn remove_profile_without_a_profile_fails() {
	build_and_execute(|| {
		assert_noop!(Profiles::remove_profile(signed(ALICE)), Error::<Test>::ProfileNotFound);
	});
}

#[test]
fn set_handle_normalises_to_lowercase_and_is_unique() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		assert_ok!(Profiles::set_profile(signed(BOB), input(DOC_V1), SIZE));
		let deposit_without_handle = held(ALICE);
		assert_ok!(Profiles::set_handle(signed(ALICE), handle("Alice_1")));
		let normalised = crate::normalize_handle(b"alice_1").unwrap();
		assert_eq!(ProfileRecords::<Test>::get(ALICE).unwrap().handle, Some(normalised.clone()));
		assert_eq!(crate::Pallet::<Test>::account_by_handle(b"ALICE_1"), Some(ALICE));
		assert!(held(ALICE) > deposit_without_handle, "a handle costs storage");
		System::assert_last_event(
			Event::HandleSet { who: ALICE, handle: normalised, previous: None }.into(),
		);
		assert_noop!(
			Profiles::set_handle(signed(BOB), handle("alice_1")),
			Error::<Test>::HandleTaken
		);
		assert_noop!(
			Profiles::set_handle(signed(ALICE), handle("ALICE_1")),
			Error::<Test>::HandleUnchanged
		);
	});
}

#[test]
fn changing_a_handle_frees_the_old_one() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		assert_ok!(Profiles::set_handle(signed(ALICE), handle("first")));
		assert_ok!(Profiles::set_handle(signed(ALICE), handle("second")));
		assert_eq!(crate::Pallet::<Test>::account_by_handle(b"first"), None);
		assert_eq!(crate::Pallet::<Test>::account_by_handle(b"second"), Some(ALICE));
		System::assert_last_event(
			Event::HandleSet {
				who: ALICE,
				handle: crate::normalize_handle(b"second").unwrap(),
				previous: Some(crate::normalize_handle(b"first").unwrap()),
			}
			.into(),
		);
	});
}

#[test]
fn bad_handles_are_rejected() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		for bad in ["ab", "1alice", "_alice", "al ice", "alice!", "élan", "a-b-c"] {
			assert_noop!(
				Profiles::set_handle(signed(ALICE), handle(bad)),
				Error::<Test>::BadHandle
			);
		}
		let longest_ok = "a".repeat(32);
		assert_ok!(Profiles::set_handle(signed(ALICE), handle(&longest_ok)));
	});
}

#[test]
fn set_handle_without_a_profile_fails() {
	build_and_execute(|| {
		assert_noop!(
			Profiles::set_handle(signed(ALICE), handle("alice")),
			Error::<Test>::ProfileNotFound
		);
	});
}

#[test]
fn clear_handle_frees_it_and_lowers_the_deposit() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		let deposit_without_handle = held(ALICE);
		assert_ok!(Profiles::set_handle(signed(ALICE), handle("alice")));
		assert_ok!(Profiles::clear_handle(signed(ALICE)));
		assert_eq!(held(ALICE), deposit_without_handle);
		assert_eq!(ProfileRecords::<Test>::get(ALICE).unwrap().handle, None);
		assert_eq!(crate::Pallet::<Test>::account_by_handle(b"alice"), None);
		System::assert_last_event(
			Event::HandleCleared { who: ALICE, handle: crate::normalize_handle(b"alice").unwrap() }
				.into(),
		);
	});
}

#[test]
fn clear_handle_errors() {
	build_and_execute(|| {
		assert_noop!(Profiles::clear_handle(signed(ALICE)), Error::<Test>::ProfileNotFound);
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		assert_noop!(Profiles::clear_handle(signed(ALICE)), Error::<Test>::NoHandle);
	});
}

#[test]
fn no_privileged_origin_can_remove_a_profile() {
	build_and_execute(|| {
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), SIZE));
		assert_noop!(
			Profiles::remove_profile(RuntimeOrigin::root()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Profiles::remove_profile(RuntimeOrigin::none()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert!(ProfileRecords::<Test>::get(ALICE).is_some());
	});
}

#[test]
fn queries_find_a_profile_by_account_and_by_handle_in_any_case() {
	build_and_execute(|| {
		assert_eq!(Profiles::profile_view(ALICE), None);
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V1), SIZE));
		assert_ok!(Profiles::set_handle(signed(ALICE), handle("Alice_1")));
		let view = Profiles::profile_view(ALICE).unwrap();
		assert_eq!(view.account, ALICE);
		assert_eq!(view.metadata, cid(DOC_V1));
		assert_eq!(view.handle.as_ref().map(|h| h.to_vec()), Some(b"alice_1".to_vec()));
		assert_eq!(Profiles::profile_by_handle(b"ALICE_1"), Some(view));
		assert_eq!(Profiles::profile_by_handle(b"bob"), None);
		assert_eq!(Profiles::profile_by_handle(b"no spaces allowed"), None);
		assert_eq!(Profiles::profile_by_handle(b""), None);
	});
}

#[test]
fn the_handle_bounds_are_in_the_metadata() {
	use codec::Encode;
	let constants: Vec<_> =
		Profiles::pallet_constants_metadata().into_iter().map(|c| (c.name, c.value)).collect();
	assert_eq!(
		constants,
		vec![
			("MaxContentSize", MAX_CONTENT_SIZE.encode()),
			("MinHandleLength", crate::MIN_HANDLE_LEN.encode()),
			("MaxHandleLength", crate::MAX_HANDLE_LEN.encode()),
		]
	);
}

#[test]
fn a_document_over_the_largest_size_is_refused_and_a_handle_change_keeps_its_price() {
	build_and_execute(|| {
		assert_noop!(
			Profiles::set_profile(signed(ALICE), input(DOC_V0), MAX_CONTENT_SIZE + 1),
			Error::<Test>::ContentTooLarge
		);
		assert_ok!(Profiles::set_profile(signed(ALICE), input(DOC_V0), MAX_CONTENT_SIZE));
		assert_eq!(Profiles::document_size(&ALICE), MAX_CONTENT_SIZE);
		let with_document = held(ALICE);
		// Setting and clearing a handle prices the profile again, its document included.
		assert_ok!(Profiles::set_handle(signed(ALICE), handle("alice")));
		assert_ok!(Profiles::clear_handle(signed(ALICE)));
		assert_eq!(held(ALICE), with_document);
		assert_ok!(Profiles::remove_profile(signed(ALICE)));
		assert_eq!(Profiles::document_size(&ALICE), 0);
		assert_eq!(held(ALICE), 0);
	});
}
