//! The calls no origin may dispatch: those that would let a privileged origin remove, alter or
//! act for an account's content (its posts, profile, handle, follows, reactions and messages)
//! or its deposits.
//!
//! The social pallets already refuse every origin but the owner's. What Root may do at all is
//! the allowlist of [`super::root`], enforced where Root is made (`sudo`'s call type). This
//! filter, `BaseCallFilter` of the runtime, refuses the same paths already at the outer call,
//! for every origin FRAME filters (all but Root):
//! - `sudo.sudo(call)` and `sudo.sudo_unchecked_weight(call)` whose `call` the allowlist does
//!   not name (so also `sudo` inside `sudo`);
//! - `sudo.sudo_as(who, call)`, which would dispatch as `who`, so the owner check would pass;
//! - `system.set_storage`, `kill_storage` and `kill_prefix`, which write storage directly: they
//!   would erase an item together with the ticket of its deposit, leaving the deposit held.
//!
//! XCM `Transact` is held to the same filter (`SafeCallFilter` in [`super::xcm`]), and no XCM
//! origin converts to Root.

use frame_support::traits::Contains;

use super::root::RootAllowlist;
use crate::RuntimeCall;

/// `BaseCallFilter` of the runtime: every call except the privileged paths to content.
pub struct NoPrivilegedPathToContent;

impl Contains<RuntimeCall> for NoPrivilegedPathToContent {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::System(
				frame_system::Call::set_storage { .. }
				| frame_system::Call::kill_storage { .. }
				| frame_system::Call::kill_prefix { .. },
			) => false,
			RuntimeCall::Sudo(pallet_sudo::Call::sudo_as { .. }) => false,
			RuntimeCall::Sudo(
				pallet_sudo::Call::sudo { call }
				| pallet_sudo::Call::sudo_unchecked_weight { call, .. },
			) => RootAllowlist::contains(&call.0),
			_ => true,
		}
	}
}
