//! What Root may do: an allowlist, deny by default.
//!
//! FRAME lets the Root origin past `BaseCallFilter`, and a pallet that dispatches as Root
//! (`sudo` today, a governance pallet later) hands it whatever call it carries. A deny list
//! always misses the next dangerous call: `balances.force_unreserve` frees every content
//! deposit while the holds stay recorded (after which the owner can no longer delete), and
//! `migrations.force_set_cursor` with a stuck cursor blocks every transaction for good,
//! including the `set_code` that would undo it.
//!
//! So Root may dispatch only the calls [`RootAllowlist`] names: the runtime upgrade, collator
//! management, XCM configuration, and the migration controls that cannot stop the chain. None
//! of them writes an account's content, deposits or balances. Every other call of every pallet,
//! present or added later, is refused until someone adds it here on purpose
//! (`runtime/tests/root_allowlist.rs` walks every call in the metadata).
//!
//! The list is enforced where Root is made: a pallet that dispatches as Root takes [`RootCall`]
//! as its call type, which refuses at dispatch every call the list does not name, and every
//! origin but Root (so `sudo.sudo_as`, which would act as any account, can do nothing).
//! `BaseCallFilter` ([`super::call_filter`]) refuses the same calls already at the outer call.

use alloc::boxed::Box;

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::{DispatchInfo, DispatchResultWithPostInfo, GetDispatchInfo},
	traits::{Contains, UnfilteredDispatchable},
};
use scale_info::{Type, TypeInfo};

use crate::{Runtime, RuntimeCall, RuntimeOrigin};

/// The calls Root may dispatch. Everything not matched here is refused.
pub struct RootAllowlist;

impl Contains<RuntimeCall> for RootAllowlist {
	fn contains(call: &RuntimeCall) -> bool {
		use cumulus_pallet_xcmp_queue::Call as XcmpQueue;
		use frame_system::Call as System;
		use pallet_collator_selection::Call as CollatorSelection;
		use pallet_migrations::Call as Migrations;
		use pallet_xcm::Call as PolkadotXcm;

		matches!(
			call,
			// The runtime upgrade, with its checks (spec name, higher spec version).
			RuntimeCall::System(
				System::authorize_upgrade { .. }
					| System::apply_authorized_upgrade { .. }
					| System::set_code { .. }
			)
			// Collator management. Raising the bond or naming a candidate invulnerable returns
			// that candidate's bond to it; nothing is taken.
			| RuntimeCall::CollatorSelection(
				CollatorSelection::set_invulnerables { .. }
					| CollatorSelection::add_invulnerable { .. }
					| CollatorSelection::remove_invulnerable { .. }
					| CollatorSelection::set_desired_candidates { .. }
					| CollatorSelection::set_candidacy_bond { .. }
			)
			// XCM configuration: versions, queue thresholds, suspension. `send` writes nothing
			// on this chain (it is how a parachain asks the relay chain for HRMP channels).
			| RuntimeCall::PolkadotXcm(
				PolkadotXcm::send { .. }
					| PolkadotXcm::force_xcm_version { .. }
					| PolkadotXcm::force_default_xcm_version { .. }
					| PolkadotXcm::force_subscribe_version_notify { .. }
					| PolkadotXcm::force_unsubscribe_version_notify { .. }
					| PolkadotXcm::force_suspension { .. }
			)
			| RuntimeCall::XcmpQueue(
				XcmpQueue::suspend_xcm_execution { .. }
					| XcmpQueue::resume_xcm_execution { .. }
					| XcmpQueue::update_suspend_threshold { .. }
					| XcmpQueue::update_drop_threshold { .. }
					| XcmpQueue::update_resume_threshold { .. }
			)
			// Migration bookkeeping. Not the cursor calls: any cursor they set blocks every
			// transaction while it stands, and a stuck one for good.
			| RuntimeCall::MultiBlockMigrations(
				Migrations::clear_historic { .. } | Migrations::force_onboard_mbms { .. }
			)
		)
	}
}

/// The call type of every pallet that dispatches as Root (`pallet_sudo::Config::RuntimeCall`):
/// a [`RuntimeCall`] that dispatches only as Root and only when [`RootAllowlist`] names it.
///
/// It encodes, decodes and describes itself in the metadata exactly as the call it wraps, so
/// wallets and Polkadot.js build `sudo.sudo(call)` as before.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking)]
pub struct RootCall(pub RuntimeCall);

impl TypeInfo for RootCall {
	type Identity = RuntimeCall;

	fn type_info() -> Type {
		RuntimeCall::type_info()
	}
}

impl From<RuntimeCall> for RootCall {
	fn from(call: RuntimeCall) -> Self {
		Self(call)
	}
}

impl From<RuntimeCall> for Box<RootCall> {
	fn from(call: RuntimeCall) -> Self {
		Box::new(RootCall(call))
	}
}

/// `sudo`'s benchmarks build their call from a `frame_system` call.
#[cfg(feature = "runtime-benchmarks")]
impl From<frame_system::Call<Runtime>> for RootCall {
	fn from(call: frame_system::Call<Runtime>) -> Self {
		Self(call.into())
	}
}

impl GetDispatchInfo for RootCall {
	fn get_dispatch_info(&self) -> DispatchInfo {
		self.0.get_dispatch_info()
	}
}

impl UnfilteredDispatchable for RootCall {
	type RuntimeOrigin = RuntimeOrigin;

	fn dispatch_bypass_filter(self, origin: RuntimeOrigin) -> DispatchResultWithPostInfo {
		let as_root = frame_system::ensure_root(origin.clone()).is_ok();
		if !as_root || !RootAllowlist::contains(&self.0) {
			return Err(frame_system::Error::<Runtime>::CallFiltered.into());
		}
		self.0.dispatch_bypass_filter(origin)
	}
}
