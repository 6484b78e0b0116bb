//! Root's allowlist, checked for every call of every pallet the runtime's metadata lists (not
//! a hand-written list of calls): a pallet added later is covered the day it is added.
//!
//! One value of each call is built from its type in the metadata (the smallest value of each
//! argument) and tried, with Bob's content and deposits on chain:
//! - as Root is made (`RootCall`, the call type of `sudo` and of any governance added later):
//!   refused with `CallFiltered` unless the allowlist names it, and always refused for any
//!   origin but Root (what `sudo_as` would use);
//! - through the sudo key, as `sudo`, `sudo` in `sudo` and `sudo_unchecked_weight`: refused
//!   with `CallFiltered` already at the outer call unless the allowlist names it;
//! - for a signed account, the call itself: `BaseCallFilter` passes it unless it is one of the
//!   raw storage calls or a `sudo` path the allowlist refuses.
//!
//! Every refusal leaves the whole state as it was, byte for byte. The allowlist itself is
//! compared with [`ALLOWED`], the list the security model documents (docs/security-model.md).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use agora_runtime::{
	configs::{call_filter::NoPrivilegedPathToContent, root::RootAllowlist, root::RootCall},
	Runtime, RuntimeCall, RuntimeOrigin,
};
use codec::Decode;
use common::{victim::bob_publishes, with_genesis_of};
use frame_support::{
	traits::{Contains, GetCallMetadata, UnfilteredDispatchable},
	weights::Weight,
};
use scale_info::{form::MetaForm, MetaType, Type, TypeDef, TypeDefPrimitive, TypeInfo};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DispatchError};

/// What Root may dispatch, as (pallet, call): the list docs/security-model.md shows.
const ALLOWED: &[(&str, &str)] = &[
	("System", "set_code"),
	("System", "authorize_upgrade"),
	("System", "apply_authorized_upgrade"),
	("MultiBlockMigrations", "force_onboard_mbms"),
	("MultiBlockMigrations", "clear_historic"),
	("CollatorSelection", "set_invulnerables"),
	("CollatorSelection", "set_desired_candidates"),
	("CollatorSelection", "set_candidacy_bond"),
	("CollatorSelection", "add_invulnerable"),
	("CollatorSelection", "remove_invulnerable"),
	("XcmpQueue", "suspend_xcm_execution"),
	("XcmpQueue", "resume_xcm_execution"),
	("XcmpQueue", "update_suspend_threshold"),
	("XcmpQueue", "update_drop_threshold"),
	("XcmpQueue", "update_resume_threshold"),
	("PolkadotXcm", "send"),
	("PolkadotXcm", "force_xcm_version"),
	("PolkadotXcm", "force_default_xcm_version"),
	("PolkadotXcm", "force_subscribe_version_notify"),
	("PolkadotXcm", "force_unsubscribe_version_notify"),
	("PolkadotXcm", "force_suspension"),
];

/// The calls no origin may make at all (`BaseCallFilter`), besides `sudo` paths.
const NEVER: &[(&str, &str)] = &[
	("System", "set_storage"),
	("System", "kill_storage"),
	("System", "kill_prefix"),
	("Sudo", "sudo_as"),
];

/// Appends the SCALE encoding of the smallest value of `ty`: zero numbers, empty sequences,
/// the variant with the lowest index (`None` for an option).
fn smallest(ty: &Type<MetaForm>, out: &mut Vec<u8>) {
	let field = |ty: &MetaType, out: &mut Vec<u8>| smallest(&ty.type_info(), out);
	match &ty.type_def {
		TypeDef::Composite(composite) => composite.fields.iter().for_each(|f| field(&f.ty, out)),
		TypeDef::Variant(variants) => {
			let first = variants.variants.iter().min_by_key(|v| v.index).expect("a variant");
			out.push(first.index);
			first.fields.iter().for_each(|f| field(&f.ty, out));
		},
		TypeDef::Sequence(_) | TypeDef::Compact(_) | TypeDef::BitSequence(_) => out.push(0),
		TypeDef::Array(array) => (0..array.len).for_each(|_| field(&array.type_param, out)),
		TypeDef::Tuple(tuple) => tuple.fields.iter().for_each(|f| field(f, out)),
		TypeDef::Primitive(primitive) => {
			let size = match primitive {
				TypeDefPrimitive::Bool | TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => 1,
				TypeDefPrimitive::Str => 1,
				TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => 2,
				TypeDefPrimitive::Char | TypeDefPrimitive::U32 | TypeDefPrimitive::I32 => 4,
				TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => 8,
				TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => 16,
				TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => 32,
			};
			out.extend(core::iter::repeat_n(0, size));
		},
	}
}

/// One value of every call of every pallet, built from the metadata's types.
fn every_call() -> Vec<RuntimeCall> {
	let TypeDef::Variant(pallets) = RuntimeCall::type_info().type_def else {
		panic!("RuntimeCall is an enum")
	};
	let mut calls = Vec::new();
	for pallet in &pallets.variants {
		let pallet_calls = pallet.fields[0].ty.type_info();
		let TypeDef::Variant(variants) = pallet_calls.type_def else {
			panic!("{}'s calls are an enum", pallet.name)
		};
		for call in &variants.variants {
			let mut bytes = vec![pallet.index, call.index];
			call.fields.iter().for_each(|f| smallest(&f.ty.type_info(), &mut bytes));
			let decoded = RuntimeCall::decode(&mut &bytes[..]).unwrap_or_else(|e| {
				panic!("{}.{} does not decode from its smallest value: {e}", pallet.name, call.name)
			});
			calls.push(decoded);
		}
	}
	calls
}

fn name(call: &RuntimeCall) -> (&'static str, &'static str) {
	let metadata = call.get_call_metadata();
	(metadata.pallet_name, metadata.function_name)
}

/// Every key and value of the state, but for the events that a refused call may leave behind.
fn whole_state() -> Vec<(Vec<u8>, Vec<u8>)> {
	let system = sp_io::hashing::twox_128(b"System");
	let events: Vec<Vec<u8>> = [&b"Events"[..], b"EventCount", b"EventTopics"]
		.iter()
		.map(|item| [system, sp_io::hashing::twox_128(item)].concat())
		.collect();
	let mut entries = Vec::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		if !events.iter().any(|prefix| next.starts_with(prefix)) {
			entries.push((next.clone(), sp_io::storage::get(&next).unwrap().to_vec()));
		}
		key = next;
	}
	entries
}

fn filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

fn sudo_key() -> RuntimeOrigin {
	RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id())
}

fn sudo(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: call.into() })
}

/// Every way the sudo key reaches Root with `call`: plain, nested, with an explicit weight.
fn through_sudo(call: &RuntimeCall) -> [RuntimeCall; 3] {
	[
		sudo(call.clone()),
		sudo(sudo(call.clone())),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
			call: sudo(call.clone()).into(),
			weight: Weight::zero(),
		}),
	]
}

/// Runs `attempt`, which must be refused with `CallFiltered` and leave the state as it was.
fn refused(what: &str, attempt: impl FnOnce() -> Result<(), DispatchError>) {
	let before = whole_state();
	assert_eq!(attempt(), Err(filtered()), "{what}");
	assert_eq!(whole_state(), before, "{what} changed the state");
}

#[test]
fn the_allowlist_is_the_documented_list() {
	let mut allowed: Vec<_> =
		every_call().iter().filter(|c| RootAllowlist::contains(c)).map(name).collect();
	let mut documented = ALLOWED.to_vec();
	allowed.sort();
	documented.sort();
	println!("Root may dispatch ({}):", allowed.len());
	allowed.iter().for_each(|(pallet, call)| println!("  {pallet}.{call}"));
	assert_eq!(allowed, documented);
}

#[test]
fn root_reaches_nothing_the_allowlist_does_not_name() {
	with_genesis_of(DEV_RUNTIME_PRESET, || {
		bob_publishes();
		let calls = every_call();
		assert!(calls.len() > 100, "the metadata lists {} calls", calls.len());
		for call in calls {
			let (pallet, function) = name(&call);
			let what = format!("{pallet}.{function}");
			// No origin but Root may make it through `RootCall` (what `sudo_as` would use).
			let as_bob = RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id());
			refused(&format!("{what} as Bob"), || {
				RootCall(call.clone())
					.dispatch_bypass_filter(as_bob)
					.map(|_| ())
					.map_err(|e| e.error)
			});
			if RootAllowlist::contains(&call) {
				assert!(NoPrivilegedPathToContent::contains(&sudo(call.clone())), "sudo({what})");
				continue;
			}
			refused(&format!("{what} as Root"), || {
				RootCall(call.clone())
					.dispatch_bypass_filter(RuntimeOrigin::root())
					.map(|_| ())
					.map_err(|e| e.error)
			});
			for wrapped in through_sudo(&call) {
				refused(&format!("{what} through the sudo key"), || {
					wrapped.dispatch(sudo_key()).map(|_| ()).map_err(|e| e.error)
				});
			}
		}
	});
}

#[test]
fn a_signed_account_meets_the_filter_only_on_the_privileged_paths() {
	for call in every_call() {
		let (pallet, function) = name(&call);
		let expected = match (pallet, function) {
			("Sudo", "sudo" | "sudo_unchecked_weight") => {
				// Their smallest value carries `System.remark`, which Root may not make.
				false
			},
			named => !NEVER.contains(&named),
		};
		assert_eq!(
			NoPrivilegedPathToContent::contains(&call),
			expected,
			"BaseCallFilter on {pallet}.{function}"
		);
	}
}
