//! The XCM runtime APIs wallets and other chains call before they send anything: fees
//! (`XcmPaymentApi`), dry runs (`DryRunApi`), location to account (`LocationToAccountApi`) and
//! trust (`TrustedQueryApi`). Each must answer what the XCM executor would actually do.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_runtime::{
	configs::xcm::{LocationToAccountId, UnitWeightCost},
	OriginCaller, ParachainSystem, Runtime, RuntimeCall, RuntimeEvent, TransactionPayment,
};
use common::with_genesis_of;
use cumulus_primitives_core::{ParaId, UpwardMessageSender};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use xcm::{latest::prelude::*, VersionedAsset, VersionedAssetId, VersionedLocation, VersionedXcm};
use xcm_executor::traits::ConvertLocation;
use xcm_runtime_apis::{
	conversions::runtime_decl_for_location_to_account_api::LocationToAccountApiV1,
	dry_run::runtime_decl_for_dry_run_api::DryRunApiV2,
	fees::{runtime_decl_for_xcm_payment_api::XcmPaymentApiV2, Error as FeeError},
	trusted_query::runtime_decl_for_trusted_query_api::TrustedQueryApiV1,
};

fn agora() -> VersionedAssetId {
	VersionedAssetId::from(AssetId(Location::here()))
}

fn dot() -> AssetId {
	AssetId(Location::parent())
}

fn message() -> VersionedXcm<()> {
	VersionedXcm::from(Xcm::<()>(vec![
		WithdrawAsset((Here, 1_000_000_000u128).into()),
		ClearOrigin,
		DepositAsset { assets: AllCounted(1).into(), beneficiary: Location::parent() },
	]))
}

#[test]
fn fees_are_quoted_in_agora_only_at_the_transaction_rate() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		assert_eq!(Runtime::query_acceptable_payment_assets(XCM_VERSION), Ok(vec![agora()]));

		let weight = Runtime::query_xcm_weight(message()).unwrap();
		assert_eq!(weight, UnitWeightCost::get().saturating_mul(3), "three instructions");
		assert_eq!(
			Runtime::query_weight_to_asset_fee(weight, agora()),
			Ok(TransactionPayment::weight_to_fee(weight)),
			"the executor's trader charges what a transaction of that weight pays"
		);
		assert_eq!(
			Runtime::query_weight_to_asset_fee(weight, VersionedAssetId::from(dot())),
			Err(FeeError::AssetNotFound),
			"the relay token buys no execution here"
		);

		// Routes as a running chain has them: the relay chain's upward queue and a channel to a
		// sibling.
		<ParachainSystem as UpwardMessageSender>::ensure_successful_delivery();
		ParachainSystem::open_outbound_hrmp_channel_for_benchmarks_or_tests(ParaId::from(1000));
		for destination in [Location::parent(), Location::new(1, [Parachain(1000)])] {
			let fees = Runtime::query_delivery_fees(
				VersionedLocation::from(destination.clone()),
				message(),
				agora(),
			)
			.unwrap();
			let fees: Assets = fees.try_into().unwrap();
			let [fee] = fees.inner().as_slice() else { panic!("one fee asset: {fees:?}") };
			assert_eq!(fee.id, AssetId(Location::here()), "to {destination:?}");
			assert!(matches!(fee.fun, Fungible(amount) if amount > 0), "a price: {fee:?}");
		}
		assert!(
			Runtime::query_delivery_fees(
				VersionedLocation::from(Location::parent()),
				message(),
				VersionedAssetId::from(dot())
			)
			.is_err(),
			"no exchange: delivery is paid in AGORA"
		);
	});
}

#[test]
fn a_dry_run_shows_a_calls_events_and_the_call_filter_holds() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let call = RuntimeCall::Posts(pallet_posts::Call::create_post {
			content: b"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH".to_vec().try_into().unwrap(),
			size: 100,
		});
		let origin = OriginCaller::system(frame_system::RawOrigin::Signed(alice.clone()));
		let effects = Runtime::dry_run_call(origin, call, XCM_VERSION).unwrap();
		assert!(effects.execution_result.is_ok(), "{:?}", effects.execution_result);
		assert!(effects.emitted_events.iter().any(|event| matches!(
			event,
			RuntimeEvent::Posts(pallet_posts::Event::PostCreated { author, .. }) if *author == alice
		)));
		assert!(effects.forwarded_xcms.is_empty(), "a post sends nothing over XCM");

		// A call the runtime refuses is reported as refused: the sudo key acting as Bob.
		let origin = OriginCaller::system(frame_system::RawOrigin::Signed(alice));
		let refused = RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
			who: Sr25519Keyring::Bob.to_account_id().into(),
			call: RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: 0 }).into(),
		});
		let effects = Runtime::dry_run_call(origin, refused, XCM_VERSION).unwrap();
		assert!(effects.execution_result.is_err(), "the call filter holds in a dry run too");
	});
}

#[test]
fn locations_map_to_the_accounts_the_executor_uses() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		for location in [Location::parent(), Location::new(1, [Parachain(1000)])] {
			assert_eq!(
				Runtime::convert_location(VersionedLocation::from(location.clone())),
				Ok(LocationToAccountId::convert_location(&location).unwrap())
			);
		}
		let bob = Sr25519Keyring::Bob.to_account_id();
		let bob_location =
			Location::new(0, [AccountId32 { network: None, id: bob.clone().into() }]);
		assert_eq!(Runtime::convert_location(VersionedLocation::from(bob_location)), Ok(bob));
	});
}

#[test]
fn no_location_is_trusted_as_a_reserve_or_teleporter() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		let dot = VersionedAsset::from(Asset::from((Location::parent(), 1_000u128)));
		for location in [Location::parent(), Location::new(1, [Parachain(1000)])] {
			let location = VersionedLocation::from(location);
			assert_eq!(Runtime::is_trusted_reserve(dot.clone(), location.clone()), Ok(false));
			assert_eq!(Runtime::is_trusted_teleporter(dot.clone(), location), Ok(false));
		}
	});
}
