//! The calls no origin may dispatch: those that would let a privileged origin remove, alter or
//! act for an account's content (its posts, profile, handle, follows and reactions).
//!
//! The social pallets already refuse every origin but the owner's. Three paths went around
//! them, and this filter closes each one:
//! - `sudo.sudo_as(who, call)` dispatches as `who`, so the owner check passes;
//! - `system.set_storage`, `kill_storage` and `kill_prefix` write storage directly: they would
//!   erase an item together with the ticket of its deposit, leaving the deposit held forever;
//! - `sudo.sudo(call)` dispatches `call` as Root, and FRAME lets Root bypass `BaseCallFilter`,
//!   so a filtered call wrapped in `sudo` would pass. The filter therefore looks inside what
//!   `sudo` carries.
//!
//! The one power left to Root is a runtime upgrade (`system.authorize_upgrade`,
//! `set_code`): public on chain, and it must keep everyone's data (see the README). With it
//! come `pallet-migrations`' Root calls, which steer the migrations an upgrade brings (resume,
//! skip or restart one) and write no pallet's storage themselves.
//! XCM `Transact` is held to the same filter (`SafeCallFilter` in [`super::xcm`]), and no XCM
//! origin converts to Root. A governance pallet added later dispatches as Root past this filter
//! too: it has to wrap its calls the way `sudo` is wrapped here.

use frame_support::traits::Contains;

use crate::RuntimeCall;

/// `sudo` inside `sudo` deeper than this is refused rather than inspected further.
const MAX_NESTED_CALLS: u32 = 4;

/// `BaseCallFilter` of the runtime: every call except the privileged paths to content.
pub struct NoPrivilegedPathToContent;

impl Contains<RuntimeCall> for NoPrivilegedPathToContent {
	fn contains(call: &RuntimeCall) -> bool {
		is_allowed(call, 0)
	}
}

fn is_allowed(call: &RuntimeCall, depth: u32) -> bool {
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
		) => depth < MAX_NESTED_CALLS && is_allowed(call, depth.saturating_add(1)),
		_ => true,
	}
}
