//! AGORA over XCM: no foreign asset turns into AGORA (relay-token reserve deposits, siblings'
//! assets and teleports are refused with nothing credited), AGORA held by a sibling comes home,
//! and sending a message has a price: an account pays it, Root (no account) is exempt. Messages run through the runtime's real XCM executor.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_runtime::{
	configs::xcm::{
		BaseDeliveryFee, LocationToAccountId, PriceForParentDelivery, PriceForSiblingDelivery,
		XcmConfig,
	},
	AccountId, Balances, ParachainSystem, PolkadotXcm, RuntimeCall, RuntimeOrigin, UNIT,
};
use common::with_genesis_of;
use cumulus_primitives_core::{ParaId, UpwardMessageSender};
use frame_support::{
	traits::fungible::{Inspect, Mutate},
	weights::Weight,
};
use polkadot_runtime_common::xcm_sender::PriceForMessageDelivery;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use xcm::latest::prelude::*;
use xcm_executor::{traits::ConvertLocation, XcmExecutor};

const SIBLING: u32 = 1000;

fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}

fn bob_location() -> Location {
	AccountId32 { network: None, id: bob().into() }.into()
}

fn sibling() -> Location {
	Location::new(1, [Parachain(SIBLING)])
}

/// Runs `message` as if `origin` had sent it.
fn execute(origin: Location, message: Vec<Instruction<RuntimeCall>>) -> Outcome {
	let mut id = [0u8; 32];
	XcmExecutor::<XcmConfig>::prepare_and_execute(
		origin,
		Xcm(message),
		&mut id,
		Weight::from_parts(100_000_000_000, 1024 * 1024),
		Weight::zero(),
	)
}

/// A paid transfer in: `first` brings `asset` into holding, which pays for execution and goes
/// to Bob.
fn transfer_to_bob(first: Instruction<RuntimeCall>, asset: Asset) -> Vec<Instruction<RuntimeCall>> {
	vec![
		first,
		ClearOrigin,
		BuyExecution { fees: asset, weight_limit: Unlimited },
		DepositAsset { assets: AllCounted(1).into(), beneficiary: bob_location() },
	]
}

fn failed_with(outcome: &Outcome, expected: XcmError) -> bool {
	matches!(outcome, Outcome::Incomplete { error, .. } if error.error == expected)
}

/// Runs `message` from `origin`, checks that it fails with `expected`, and that neither Bob's
/// balance nor the total issuance of AGORA moved.
fn assert_refused(origin: Location, message: Vec<Instruction<RuntimeCall>>, expected: XcmError) {
	let bob_before = Balances::total_balance(&bob());
	let issuance_before = Balances::total_issuance();
	let outcome = execute(origin, message);
	assert!(failed_with(&outcome, expected), "expected {expected:?}, got {outcome:?}");
	assert_eq!(Balances::total_balance(&bob()), bob_before);
	assert_eq!(Balances::total_issuance(), issuance_before);
}

#[test]
fn a_relay_token_reserve_deposit_mints_nothing() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		let relay_token: Asset = (Parent, UNIT).into();
		assert_refused(
			Location::parent(),
			transfer_to_bob(ReserveAssetDeposited(relay_token.clone().into()), relay_token),
			XcmError::UntrustedReserveLocation,
		);
	});
}

#[test]
fn a_siblings_assets_mint_nothing() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		for asset in [(Parent, UNIT).into(), (sibling(), UNIT).into()] {
			let asset: Asset = asset;
			assert_refused(
				sibling(),
				transfer_to_bob(ReserveAssetDeposited(asset.clone().into()), asset),
				XcmError::UntrustedReserveLocation,
			);
		}
	});
}

#[test]
fn teleports_mint_nothing() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		for origin in [Location::parent(), sibling()] {
			for asset in [(Parent, UNIT).into(), (Here, UNIT).into()] {
				let asset: Asset = asset;
				assert_refused(
					origin.clone(),
					transfer_to_bob(ReceiveTeleportedAsset(asset.clone().into()), asset),
					XcmError::UntrustedTeleportLocation,
				);
			}
		}
	});
}

#[test]
fn agora_held_by_a_sibling_comes_home() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		let sovereign = LocationToAccountId::convert_location(&sibling()).unwrap();
		Balances::mint_into(&sovereign, 10 * UNIT).unwrap();
		let bob_before = Balances::total_balance(&bob());
		let agora: Asset = (Here, UNIT).into();
		let outcome =
			execute(sibling(), transfer_to_bob(WithdrawAsset(agora.clone().into()), agora));
		assert!(matches!(outcome, Outcome::Complete { .. }), "{outcome:?}");
		assert_eq!(Balances::total_balance(&sovereign), 9 * UNIT);
		// Bob gets the AGORA less what execution cost, which was paid in AGORA.
		let received = Balances::total_balance(&bob()) - bob_before;
		assert!(received > UNIT * 99 / 100 && received < UNIT, "received {received}");
	});
}

#[test]
fn sending_a_message_has_a_price_in_agora() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		let message = Xcm(vec![ClearOrigin]);
		let to_sibling =
			PriceForSiblingDelivery::price_for_delivery(ParaId::from(SIBLING), &message);
		let to_relay = PriceForParentDelivery::price_for_delivery((), &message);
		for price in [to_sibling, to_relay] {
			let assets = price.into_inner();
			assert_eq!(assets.len(), 1, "{assets:?}");
			assert_eq!(assets[0].id, AssetId(Location::here()));
			let Fungible(amount) = assets[0].fun else { panic!("a fungible price") };
			assert!(amount > BaseDeliveryFee::get(), "{amount}");
		}
	});
}

#[test]
fn an_account_pays_to_send_a_message_and_root_sends_without_an_account() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		// The relay chain's limits, which a real chain learns from its validation data.
		<ParachainSystem as UpwardMessageSender>::ensure_successful_delivery();
		let relay = || Box::new(xcm::VersionedLocation::from(Location::parent()));
		let message = || Box::new(xcm::VersionedXcm::from(Xcm::<()>(vec![ClearOrigin])));

		let before = Balances::balance(&bob());
		PolkadotXcm::send(RuntimeOrigin::signed(bob()), relay(), message()).expect("Bob sends");
		let paid = before - Balances::balance(&bob());
		assert!(paid > BaseDeliveryFee::get(), "Bob paid the delivery price: {paid}");

		// Root is `Here` to XCM and has no account; it sends without paying.
		PolkadotXcm::send(RuntimeOrigin::root(), relay(), message()).expect("Root sends");
		let queued =
			cumulus_pallet_parachain_system::PendingUpwardMessages::<agora_runtime::Runtime>::get();
		assert_eq!(queued.len(), 2, "both messages wait for the relay chain");
	});
}
