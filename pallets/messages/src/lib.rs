#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

/// Gives the benchmarks a follow, for the "only accounts I follow" policy.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `follower` follow `followee` (with whatever the follows pallet needs).
	fn follow(follower: &AccountId, followee: &AccountId);
}

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees, so the workspace lint is lifted for this
// module. Only declarations and thin calls live in it (check the origin, parse the arguments,
// hand over to a `do_*` function); the logic is in `impls.rs` and `try_state.rs`, under the
// workspace lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{other_payer_weight, Cid, CidInput, DepositTicket, FollowsInspect};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;

	/// The balance type of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A stored mailbox.
	pub type MailboxOf<T> = Mailbox<BlockNumberFor<T>, <T as Config>::Consideration>;
	/// A stored earlier key.
	pub type PreviousKeyOf<T> = PreviousKey<BlockNumberFor<T>, <T as Config>::Consideration>;
	/// A stored inbox notice.
	pub type NoticeOf<T> = Notice<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::Consideration,
	>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason, which must include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency deposits are held in; `try_state` reads holds back through it.
		type Currency: fungible::InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The deposit ticket of a mailbox, an earlier key, a block or a notice, priced by its
		/// storage footprint.
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// Tells whether one account follows another (the follows pallet, through
		/// `agora-primitives`), for the "only accounts I follow" policy.
		type Follows: FollowsInspect<Self::AccountId>;

		/// The largest envelope a message may name, in bytes, as its sender declares it
		/// (pinning nodes refuse content larger than declared).
		#[pallet::constant]
		type MaxContentSize: Get<u32>;

		/// The most notices one sender may have waiting in one inbox.
		#[pallet::constant]
		type MaxPendingPerSender: Get<u32>;

		/// How long a notice is the recipient's alone to remove; after that its sender may
		/// remove it too and take back the deposit.
		#[pallet::constant]
		type NoticeLifetime: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up follows for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Limits of the messages runtime API, shown in the metadata; the value is defined once,
	/// in `agora-primitives`.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most notices one page of `inbox` carries (see `agora_primitives::PageSize`).
		#[pallet::constant_name(MaxPageSize)]
		fn max_page_size() -> u32 {
			agora_primitives::MAX_PAGE_SIZE
		}
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a mailbox, an earlier key, a block or a notice.
		#[codec(index = 0)]
		MessagesDeposit,
	}

	/// Each account's mailbox: its current message key and its policy. An account without one
	/// receives no messages.
	#[pallet::storage]
	pub type Mailboxes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MailboxOf<T>>;

	/// The keys each account's rotations replaced (account → key id).
	#[pallet::storage]
	pub type PreviousKeys<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, KeyId, PreviousKeyOf<T>>;

	/// The senders each account blocked (recipient → sender), with the block's deposit.
	#[pallet::storage]
	pub type Blocked<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		T::Consideration,
	>;

	/// Each account's inbox, newest first under its prefix (see [`newest_first`]).
	#[pallet::storage]
	pub type Inbox<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, [u8; 8], NoticeOf<T>>;

	/// How many notices each sender has waiting in each inbox (recipient → sender); zero
	/// counts are removed.
	#[pallet::storage]
	pub type PendingFrom<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// The id the next message gets.
	#[pallet::storage]
	pub type NextMessageId<T: Config> = StorageValue<_, MessageId, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account published a message key (its first, or a rotation).
		KeyPublished {
			/// The account.
			who: T::AccountId,
			/// The key's number.
			key_id: KeyId,
			/// The X25519 public key.
			key: X25519PublicKey,
		},
		/// An account gave up an earlier key; its deposit was refunded.
		KeyForgotten {
			/// The account.
			who: T::AccountId,
			/// The key's number.
			key_id: KeyId,
		},
		/// An account changed who may send it messages.
		PolicySet {
			/// The account.
			who: T::AccountId,
			/// The new policy.
			policy: DmPolicy,
		},
		/// `who` blocked `sender`.
		SenderBlocked {
			/// The recipient.
			who: T::AccountId,
			/// The sender it no longer accepts.
			sender: T::AccountId,
		},
		/// `who` unblocked `sender`; the block's deposit was refunded.
		SenderUnblocked {
			/// The recipient.
			who: T::AccountId,
			/// The sender.
			sender: T::AccountId,
		},
		/// A message was sent: its envelope waits at `envelope`.
		MessageSent {
			/// The message's number.
			message_id: MessageId,
			/// The sender.
			from: T::AccountId,
			/// The recipient.
			to: T::AccountId,
			/// The CID of the encrypted envelope.
			envelope: Cid,
			/// The envelope's size in bytes, as the sender declared it.
			size: u32,
		},
		/// A notice left an inbox; the sender's deposit was refunded.
		NoticeRemoved {
			/// The message's number.
			message_id: MessageId,
			/// The recipient whose inbox it was in.
			to: T::AccountId,
			/// The sender.
			from: T::AccountId,
			/// The CID of the envelope, which the chain no longer references.
			envelope: Cid,
			/// Who removed it (the recipient, or the sender after the notice's lifetime).
			by: T::AccountId,
		},
		/// An account closed its mailbox: it receives no more messages until it publishes a
		/// key again; the mailbox's deposit was refunded.
		MailboxClosed {
			/// The account.
			who: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The key is not a usable X25519 public key (not canonical, or of small order).
		InvalidKey,
		/// The key is already the account's current key.
		SameKey,
		/// The account has no such earlier key.
		KeyNotFound,
		/// The account has published no message key (so has no mailbox).
		NoMailbox,
		/// The recipient has published no message key: nobody can write to it.
		RecipientHasNoKey,
		/// The recipient's policy does not accept messages from the sender.
		NotAccepted,
		/// The recipient blocked the sender.
		SenderBlocked,
		/// The sender already has `MaxPendingPerSender` notices waiting in this inbox.
		InboxFull,
		/// The envelope is not a valid CID.
		InvalidCid,
		/// The sender is already blocked.
		AlreadyBlocked,
		/// The sender is not blocked.
		NotBlocked,
		/// No notice with this id is in this inbox.
		NoticeNotFound,
		/// Only the recipient, or the sender once the notice's lifetime is over, may remove it.
		NotAllowed,
		/// The notice's lifetime is not over: only the recipient may remove it yet.
		NotExpired,
		/// A counter reached its maximum.
		Overflow,
		/// The account still keeps earlier keys: forget them first (`forget_key`), so that a
		/// mailbox opened again numbers its keys from 0 without meeting an old one.
		EarlierKeysKept,
		/// The declared size of the envelope is over `MaxContentSize`.
		ContentTooLarge,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxPendingPerSender::get() > 0, "a sender must be able to send one message");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publishes `key`, the caller's X25519 public key for messages. The first key opens
		/// the caller's mailbox (policy: anyone) and holds its deposit; a later one rotates:
		/// the current key is kept as an earlier key (with a deposit of its own), so the
		/// history of keys stays readable, and new messages are encrypted to `key`.
		///
		/// # Events
		/// `KeyPublished`.
		///
		/// # Errors
		/// `InvalidKey`, `SameKey`, `Overflow`, or a balance error when the deposit cannot be
		/// held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::publish_first_key().max(T::WeightInfo::rotate_key()))]
		pub fn publish_key(origin: OriginFor<T>, key: X25519PublicKey) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_publish_key(who, key)
		}

		/// Gives up the caller's earlier key `key_id` and refunds its deposit. The current key
		/// cannot be given up (rotate first). A client that still holds the secret can still
		/// open messages sent to it; the chain just stops listing it.
		///
		/// # Events
		/// `KeyForgotten`.
		///
		/// # Errors
		/// `KeyNotFound`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::forget_key().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn forget_key(origin: OriginFor<T>, key_id: KeyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_forget_key(who, key_id)
		}

		/// Sets who may send the caller messages: anyone, only accounts the caller follows, or
		/// nobody. Notices already in the inbox stay.
		///
		/// # Events
		/// `PolicySet`.
		///
		/// # Errors
		/// `NoMailbox` (publish a key first).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_policy())]
		pub fn set_policy(origin: OriginFor<T>, policy: DmPolicy) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_policy(who, policy)
		}

		/// Refuses all further messages from `sender`, whatever the policy, holding a small
		/// deposit. The caller's own choice about the caller's own inbox: it hides nothing
		/// `sender` publishes.
		///
		/// # Events
		/// `SenderBlocked`.
		///
		/// # Errors
		/// `AlreadyBlocked`, or a balance error when the deposit cannot be held.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::block())]
		pub fn block(origin: OriginFor<T>, sender: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_block(who, sender)
		}

		/// Accepts messages from `sender` again (as far as the policy does) and refunds the
		/// block's deposit.
		///
		/// # Events
		/// `SenderUnblocked`.
		///
		/// # Errors
		/// `NotBlocked`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::unblock().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn unblock(origin: OriginFor<T>, sender: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unblock(who, sender)
		}

		/// Delivers a message to `to`: a notice in `to`'s inbox pointing at `envelope`, the CID
		/// of an envelope the client encrypted to `to`'s current key. Holds a deposit from the
		/// caller until the notice is removed.
		///
		/// # Events
		/// `MessageSent`.
		///
		/// # Errors
		/// `InvalidCid`, `RecipientHasNoKey`, `SenderBlocked`, `NotAccepted`, `InboxFull`,
		/// `Overflow`, or a balance error when the deposit cannot be held.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::send_message())]
		pub fn send_message(
			origin: OriginFor<T>,
			to: T::AccountId,
			envelope: CidInput,
			size: u32,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			let envelope = Cid::parse(&envelope).map_err(|_| Error::<T>::InvalidCid)?;
			ensure!(size <= T::MaxContentSize::get(), Error::<T>::ContentTooLarge);
			Self::do_send_message(from, to, envelope, size)
		}

		/// Removes notice `message_id` from `to`'s inbox and refunds the sender's deposit. The
		/// recipient may remove any notice at any time (reading needs no removal: a client
		/// removes what its user deleted). The sender may remove its notice once
		/// `NoticeLifetime` blocks have passed since it was sent, so a recipient who never
		/// clears cannot keep a sender's deposit, or its place in the inbox, forever.
		///
		/// # Events
		/// `NoticeRemoved`.
		///
		/// # Errors
		/// `NoticeNotFound`, `NotAllowed`, `NotExpired`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_notice().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn remove_notice(
			origin: OriginFor<T>,
			to: T::AccountId,
			message_id: MessageId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_notice(who, to, message_id)
		}

		/// Closes the caller's mailbox: nobody can send it messages any more (until it
		/// publishes a key again), and the mailbox's deposit is refunded. Notices already in
		/// its inbox, and its blocks, stay until they are removed as usual.
		///
		/// # Events
		/// `MailboxClosed`.
		///
		/// # Errors
		/// `NoMailbox`, `EarlierKeysKept`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::close_mailbox().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn close_mailbox(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_mailbox(who)
		}
	}
}
