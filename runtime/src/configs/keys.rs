//! Keys a person can live with: app keys (`pallet-proxy`) and social recovery
//! (`pallet-recovery`).
//!
//! An Agora identity is an account, and an account is one key. Two polkadot-sdk pallets take
//! the sharp edges off that:
//! - **App keys.** An account lets another key act for it through `proxy.proxy`, limited by a
//!   [`ProxyType`]: [`ProxyType::Social`] admits exactly the social actions (posts, follows,
//!   reactions) and nothing else — no transfer, no profile or handle change, no key management,
//!   no recovery. [`ProxyType::SocialUntil`] is the same with an expiry block, checked by the
//!   filter itself, so an app key can stop working on its own without forking the pallet.
//!   What an app key does is the account's own act: the origin of the inner call is the
//!   account, so it is the author and pays the deposits (the app key pays the fee).
//! - **Social recovery.** An account names friend groups (friends, how many must approve, the
//!   heir that inherits access, a delay). When the key is lost, friends open and approve an
//!   attempt; after the delay the heir controls the *same* account through
//!   `recovery.control_inherited_account`, with its handle, posts and followers.
//!
//! Deposits are priced like the social pallets' ([`super::social::StorageDeposit`]): held from
//! the account that causes the storage and returned when it is removed.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, ConstU32, InstanceFilter},
};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

use super::social::{deposit, StorageDeposit};
use crate::{
	AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, System, UNIT,
};

/// What a key added with `proxy.add_proxy` may do for the account.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Full control: every call the account itself could make except recovery's (those only
	/// the account's own key makes). For the owner's own devices.
	#[default]
	Any,
	/// An app key: posts (create, reply, quote, repost, edit, delete), follows and reactions.
	Social,
	/// An app key that works until the given block, inclusive, and is refused after it.
	SocialUntil(BlockNumber),
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			// Recovery stays with the account's own key. pallet-recovery keeps its calls from
			// an heir (`control_inherited_account` filters them); without this, an heir could
			// add itself a full key and reach them through `proxy.proxy`, and undo what a
			// stronger friend group or the returning owner set up.
			ProxyType::Any => !matches!(call, RuntimeCall::Recovery(..)),
			ProxyType::Social => is_social(call),
			ProxyType::SocialUntil(last_block) => {
				System::block_number() <= *last_block && is_social(call)
			},
		}
	}

	/// Whether a key of this type may add or remove a key of type `other` through a proxy:
	/// only full control may. (App keys never get that far: their filter refuses every proxy
	/// call.)
	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(ProxyType::Any, _) => true,
			(this, other) => this == other,
		}
	}
}

/// The calls an app key may make: exactly the social pallets' (never profiles, whose handle and
/// profile belong to the owner).
fn is_social(call: &RuntimeCall) -> bool {
	matches!(call, RuntimeCall::Posts(..) | RuntimeCall::Follows(..) | RuntimeCall::Reactions(..))
}

parameter_types! {
	/// Held for having any proxy: one storage item (the account's proxy list) plus its key.
	pub const ProxyDepositBase: Balance = deposit(1, 40);
	/// Held per key in the list: an account id, a proxy type and a delay.
	pub const ProxyDepositFactor: Balance = deposit(0, 41);
	/// Held for having announcements pending (time-delayed proxies).
	pub const AnnouncementDepositBase: Balance = deposit(1, 40);
	/// Held per pending announcement: an account id, a call hash and a block number.
	pub const AnnouncementDepositFactor: Balance = deposit(0, 68);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	/// Keys per account: a phone, a laptop and a handful of apps, with room to spare.
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}

parameter_types! {
	pub const FriendGroupsHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Recovery(pallet_recovery::HoldReason::FriendGroupsStorage);
	pub const AttemptHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Recovery(pallet_recovery::HoldReason::AttemptStorage);
	pub const InheritorHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Recovery(pallet_recovery::HoldReason::InheritorStorage);
	/// Held from whoever opens a recovery attempt, on top of the attempt's storage deposit. The
	/// account being recovered can slash it (`slash_attempt`) when the attempt is an attack.
	pub const RecoverySecurityDeposit: Balance = UNIT;
}

impl pallet_recovery::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Delays count this chain's own blocks (as the pallet recommends for a parachain).
	type BlockNumberProvider = System;
	type Currency = Balances;
	type FriendGroupsConsideration =
		HoldConsideration<AccountId, Balances, FriendGroupsHoldReason, StorageDeposit>;
	type AttemptConsideration =
		HoldConsideration<AccountId, Balances, AttemptHoldReason, StorageDeposit>;
	type InheritorConsideration =
		HoldConsideration<AccountId, Balances, InheritorHoldReason, StorageDeposit>;
	type SecurityDeposit = RecoverySecurityDeposit;
	/// A slashed security deposit is burnt: nobody profits from an attacker's loss.
	type Slash = ();
	type MaxFriendsPerConfig = ConstU32<16>;
	type WeightInfo = crate::weights::pallet_recovery::WeightInfo<Runtime>;
}
