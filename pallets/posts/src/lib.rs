#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod migration_tests;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use queries::*;
pub use types::*;
pub use weights::WeightInfo;

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees, so the workspace lint is lifted for this
// module. Only declarations and thin calls live in it (check the origin, parse the arguments,
// hand over to a `do_*` function); the logic is in `impls.rs` and `try_state.rs`, under the
// workspace lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{other_payer_weight, Cid, CidInput, DepositTicket, PostId};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;

	/// The balance type of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A stored post.
	pub type PostOf<T> = Post<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::Consideration,
	>;

	/// Version 1 added the [`Quotes`] index; [`crate::migrations::v1`] fills it for the quotes
	/// published before.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason, which must include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency deposits are held in; `try_state` reads holds back through it.
		type Currency: fungible::InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The deposit ticket of a post, priced by its storage footprint and the size of its
		/// body (`agora_primitives::with_content`).
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// The largest body a post may name, in bytes, as its author declares it (pinning nodes
		/// refuse content larger than declared).
		#[pallet::constant]
		type MaxContentSize: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Limits of the posts runtime API, shown in the metadata; their values are defined once,
	/// in `agora-primitives`.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most posts one page of a query carries (see `agora_primitives::PageSize`).
		#[pallet::constant_name(MaxPageSize)]
		fn max_page_size() -> u32 {
			agora_primitives::MAX_PAGE_SIZE
		}

		/// The most followed accounts a home feed merges; an account that follows more gets a
		/// feed marked `truncated`.
		#[pallet::constant_name(MaxFeedSources)]
		fn max_feed_sources() -> u32 {
			agora_primitives::MAX_FEED_SOURCES
		}
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a post and its index entries.
		#[codec(index = 0)]
		PostDeposit,
	}

	/// The id the next post gets.
	#[pallet::storage]
	pub type NextPostId<T: Config> = StorageValue<_, PostId, ValueQuery>;

	/// Every post that exists.
	#[pallet::storage]
	pub type Posts<T: Config> = CountedStorageMap<_, Twox64Concat, PostId, PostOf<T>>;

	/// Each author's posts, newest first under the author's prefix (see [`newest_first`]).
	#[pallet::storage]
	pub type PostsByAuthor<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, [u8; 8], ()>;

	/// How many posts each author has.
	#[pallet::storage]
	pub type PostCountByAuthor<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The direct replies to each post, oldest first (see [`oldest_first`]). A deleted post's
	/// replies stay, and so do their entries here.
	#[pallet::storage]
	pub type Replies<T: Config> = StorageDoubleMap<_, Twox64Concat, PostId, Identity, [u8; 8], ()>;

	/// The quotes of each post, oldest first (see [`oldest_first`]). Like replies, a deleted
	/// post's quotes stay, and so do their entries here. Complete from storage version 1.
	#[pallet::storage]
	pub type Quotes<T: Config> = StorageDoubleMap<_, Twox64Concat, PostId, Identity, [u8; 8], ()>;

	/// Who reposted each post, and with which repost: one repost per account and post.
	#[pallet::storage]
	pub type RepostOf<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PostId, Blake2_128Concat, T::AccountId, PostId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A post (original, reply or quote) was published.
		PostCreated {
			/// The new post.
			post_id: PostId,
			/// Who wrote it.
			author: T::AccountId,
			/// The CID of its body.
			content: Cid,
			/// The body's size in bytes, as the author declared it.
			size: u32,
			/// Original, reply or quote, with what it answers.
			kind: PostKind,
			/// Only in the runtime a forkless-upgrade test upgrades to (feature `upgrade-test`):
			/// a changed event type, as real upgrades bring.
			#[cfg(feature = "upgrade-test")]
			upgraded: bool,
		},
		/// A post was reposted.
		Reposted {
			/// The repost.
			post_id: PostId,
			/// Who reposted.
			author: T::AccountId,
			/// The post reposted.
			of: PostId,
		},
		/// A post's body was replaced.
		PostEdited {
			/// The post.
			post_id: PostId,
			/// Its author.
			author: T::AccountId,
			/// The new body's CID.
			content: Cid,
			/// The new body's size in bytes, as the author declared it.
			size: u32,
			/// The replaced body's CID, no longer referenced by this post.
			previous: Cid,
			/// The post's revision after the edit.
			revision: u32,
		},
		/// A post was deleted by its author.
		PostDeleted {
			/// The deleted post.
			post_id: PostId,
			/// Its author.
			author: T::AccountId,
			/// Its body's CID (none for a plain repost), no longer referenced by it.
			content: Option<Cid>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The CID is not a valid IPFS content ID (see the CID rules in the README).
		InvalidCid,
		/// No post with this id exists (it never did, or it was deleted).
		PostNotFound,
		/// Only the author may edit or delete a post.
		NotAuthor,
		/// A plain repost has no content to edit.
		NotEditable,
		/// The post already has this content.
		ContentUnchanged,
		/// The account already reposted this post.
		AlreadyReposted,
		/// A counter or the post id reached its maximum.
		Overflow,
		/// The declared size of the body is over `MaxContentSize`.
		ContentTooLarge,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publishes an original post.
		///
		/// - `content`: the CID of the body on IPFS, as IPFS prints it or in binary form;
		/// - `size`: the body's size in bytes (what the upload returned).
		///
		/// Holds a deposit for the post's storage and its body's size until it is deleted.
		///
		/// # Events
		/// `PostCreated`.
		///
		/// # Errors
		/// `InvalidCid`, `ContentTooLarge`, `Overflow`, or a balance error when the deposit
		/// cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_post())]
		pub fn create_post(origin: OriginFor<T>, content: CidInput, size: u32) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let content = Self::parse_content(&content, size)?;
			Self::do_create_post(author, content)
		}

		/// Replies to post `parent`. A reply to a plain repost replies to the reposted post.
		///
		/// # Events
		/// `PostCreated` with `PostKind::Reply`.
		///
		/// # Errors
		/// `InvalidCid`, `ContentTooLarge`, `PostNotFound`, `Overflow`, or a balance error.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::reply())]
		pub fn reply(
			origin: OriginFor<T>,
			parent: PostId,
			content: CidInput,
			size: u32,
		) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let content = Self::parse_content(&content, size)?;
			Self::do_reply(author, parent, content)
		}

		/// Quotes post `of`: a repost with the author's own content. Quoting a plain repost
		/// quotes the reposted post.
		///
		/// # Events
		/// `PostCreated` with `PostKind::Quote`.
		///
		/// # Errors
		/// `InvalidCid`, `ContentTooLarge`, `PostNotFound`, `Overflow`, or a balance error.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::quote())]
		pub fn quote(
			origin: OriginFor<T>,
			of: PostId,
			content: CidInput,
			size: u32,
		) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let content = Self::parse_content(&content, size)?;
			Self::do_quote(author, of, content)
		}

		/// Reposts post `of`. Reposting a plain repost reposts the post it reposted; each
		/// account reposts a post at most once (deleting the repost allows it again).
		///
		/// # Events
		/// `Reposted`.
		///
		/// # Errors
		/// `PostNotFound`, `AlreadyReposted`, `Overflow`, or a balance error.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::repost())]
		pub fn repost(origin: OriginFor<T>, of: PostId) -> DispatchResult {
			let author = ensure_signed(origin)?;
			Self::do_repost(author, of)
		}

		/// Replaces the body of the caller's post `post_id`; the revision goes up by one and
		/// the event carries the previous CID so clients can show the history.
		///
		/// # Events
		/// `PostEdited`.
		///
		/// # Errors
		/// `InvalidCid`, `ContentTooLarge`, `PostNotFound`, `NotAuthor`, `NotEditable`,
		/// `ContentUnchanged`, `Overflow`, or a balance error.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::edit_post().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn edit_post(
			origin: OriginFor<T>,
			post_id: PostId,
			content: CidInput,
			size: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let content = Self::parse_content(&content, size)?;
			Self::do_edit_post(who, post_id, content)
		}

		/// Deletes the caller's post `post_id`: its record and index entries go, its deposit is
		/// refunded. Replies to it stay (their parent shows as missing).
		///
		/// # Events
		/// `PostDeleted`, carrying the CID so pinning services can unpin it.
		///
		/// # Errors
		/// `PostNotFound`, `NotAuthor`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::delete_post().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn delete_post(origin: OriginFor<T>, post_id: PostId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delete_post(who, post_id)
		}
	}
}
