#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
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
pub mod types;
pub mod weights;

pub use queries::*;
pub use types::*;
pub use weights::WeightInfo;

// FRAME's expansion of `#[pallet::pallet]`, `#[pallet::storage]` and `#[pallet::error]` calls
// `expect()` on invariants the macro itself guarantees. The workspace lint is lifted for the
// module so that generated code compiles under it, and denied again on each block of this
// pallet's own code (`#[deny(clippy::expect_used)]` below).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agora_primitives::{
		decrement_or_remove, other_payer_weight, Cid, CidInput, DepositTicket, PostId, PostsInspect,
	};
	use codec::{Encode, MaxEncodedLen};
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

		/// The deposit ticket of a post, priced by its storage footprint.
		type Consideration: Consideration<Self::AccountId, Footprint>
			+ DepositTicket<Self::AccountId, BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Limits of the posts runtime API, shown in the metadata; their values are defined once,
	/// in `agora-primitives`.
	#[pallet::extra_constants]
	#[deny(clippy::expect_used)]
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
	}

	#[pallet::hooks]
	#[deny(clippy::expect_used)]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	#[deny(clippy::expect_used)]
	impl<T: Config> Pallet<T> {
		/// Publishes an original post.
		///
		/// - `content`: the CID of the body on IPFS, as IPFS prints it or in binary form.
		///
		/// Holds a deposit for the post's storage until it is deleted.
		///
		/// # Events
		/// `PostCreated`.
		///
		/// # Errors
		/// `InvalidCid`, `Overflow`, or a balance error when the deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_post())]
		pub fn create_post(origin: OriginFor<T>, content: CidInput) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let content = Self::parse_cid(&content)?;
			Self::publish(author, Some(content), PostKind::Original).map(|_| ())
		}

		/// Replies to post `parent`. A reply to a plain repost replies to the reposted post.
		///
		/// # Events
		/// `PostCreated` with `PostKind::Reply`.
		///
		/// # Errors
		/// `InvalidCid`, `PostNotFound`, `Overflow`, or a balance error.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::reply())]
		pub fn reply(origin: OriginFor<T>, parent: PostId, content: CidInput) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let content = Self::parse_cid(&content)?;
			let parent = Self::resolve_target(parent)?;
			let root = match Posts::<T>::get(parent).map(|post| post.kind) {
				Some(PostKind::Reply { root, .. }) => root,
				_ => parent,
			};
			Self::publish(author, Some(content), PostKind::Reply { parent, root }).map(|_| ())
		}

		/// Quotes post `of`: a repost with the author's own content. Quoting a plain repost
		/// quotes the reposted post.
		///
		/// # Events
		/// `PostCreated` with `PostKind::Quote`.
		///
		/// # Errors
		/// `InvalidCid`, `PostNotFound`, `Overflow`, or a balance error.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::quote())]
		pub fn quote(origin: OriginFor<T>, of: PostId, content: CidInput) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let content = Self::parse_cid(&content)?;
			let of = Self::resolve_target(of)?;
			Self::publish(author, Some(content), PostKind::Quote { of }).map(|_| ())
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
			let of = Self::resolve_target(of)?;
			ensure!(!RepostOf::<T>::contains_key(of, &author), Error::<T>::AlreadyReposted);
			let post_id = Self::publish(author.clone(), None, PostKind::Repost { of })?;
			Self::deposit_event(Event::Reposted { post_id, author, of });
			Ok(())
		}

		/// Replaces the body of the caller's post `post_id`; the revision goes up by one and
		/// the event carries the previous CID so clients can show the history.
		///
		/// # Events
		/// `PostEdited`.
		///
		/// # Errors
		/// `InvalidCid`, `PostNotFound`, `NotAuthor`, `NotEditable`, `ContentUnchanged`,
		/// `Overflow`, or a balance error.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::edit_post().saturating_add(other_payer_weight(T::DbWeight::get())))]
		pub fn edit_post(
			origin: OriginFor<T>,
			post_id: PostId,
			content: CidInput,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let content = Self::parse_cid(&content)?;
			let post = Posts::<T>::get(post_id).ok_or(Error::<T>::PostNotFound)?;
			ensure!(post.author == who, Error::<T>::NotAuthor);
			let previous = post.content.clone().ok_or(Error::<T>::NotEditable)?;
			ensure!(previous != content, Error::<T>::ContentUnchanged);
			let revision = post.revision.checked_add(1).ok_or(Error::<T>::Overflow)?;

			let footprint = Self::footprint(&post.author, Some(&content), &post.kind);
			let ticket = post.ticket.update(&who, footprint)?;
			let post = Post { content: Some(content.clone()), revision, ticket, ..post };
			Posts::<T>::insert(post_id, post);
			Self::deposit_event(Event::PostEdited {
				post_id,
				author: who,
				content,
				previous,
				revision,
			});
			Ok(())
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
			let post = Posts::<T>::get(post_id).ok_or(Error::<T>::PostNotFound)?;
			ensure!(post.author == who, Error::<T>::NotAuthor);
			post.ticket.drop(&who)?;

			match post.kind {
				PostKind::Original => {},
				PostKind::Reply { parent, .. } => {
					Replies::<T>::remove(parent, oldest_first(post_id));
					Self::mutate_counters(parent, |target| {
						target.replies = target.replies.saturating_sub(1)
					});
				},
				PostKind::Repost { of } => {
					RepostOf::<T>::remove(of, &who);
					Self::mutate_counters(of, |target| {
						target.reposts = target.reposts.saturating_sub(1)
					});
				},
				PostKind::Quote { of } => {
					Quotes::<T>::remove(of, oldest_first(post_id));
					Self::mutate_counters(of, |target| {
						target.quotes = target.quotes.saturating_sub(1)
					});
				},
			}
			PostsByAuthor::<T>::remove(&who, newest_first(post_id));
			PostCountByAuthor::<T>::mutate_exists(&who, decrement_or_remove);
			Posts::<T>::remove(post_id);
			Self::deposit_event(Event::PostDeleted { post_id, author: who, content: post.content });
			Ok(())
		}
	}

	#[deny(clippy::expect_used)]
	impl<T: Config> Pallet<T> {
		fn parse_cid(input: &[u8]) -> Result<Cid, Error<T>> {
			Cid::parse(input).map_err(|_| Error::<T>::InvalidCid)
		}

		/// The post a reply, quote or repost of `id` actually targets: `id` itself, or for a
		/// plain repost the post it reposted.
		fn resolve_target(id: PostId) -> Result<PostId, Error<T>> {
			let post = Posts::<T>::get(id).ok_or(Error::<T>::PostNotFound)?;
			match post.kind {
				PostKind::Repost { of } => {
					ensure!(Posts::<T>::contains_key(of), Error::<T>::PostNotFound);
					Ok(of)
				},
				_ => Ok(id),
			}
		}

		/// Stores a new post, its index entries and counters, and holds its deposit.
		fn publish(
			author: T::AccountId,
			content: Option<Cid>,
			kind: PostKind,
		) -> Result<PostId, DispatchError> {
			let post_id = NextPostId::<T>::get();
			let next_id = post_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let author_posts =
				PostCountByAuthor::<T>::get(&author).checked_add(1).ok_or(Error::<T>::Overflow)?;

			match kind {
				PostKind::Original => {},
				PostKind::Reply { parent, .. } => {
					Self::try_mutate_counters(parent, |target| {
						target.replies =
							target.replies.checked_add(1).ok_or(Error::<T>::Overflow)?;
						Ok(())
					})?;
					Replies::<T>::insert(parent, oldest_first(post_id), ());
				},
				PostKind::Repost { of } => {
					Self::try_mutate_counters(of, |target| {
						target.reposts =
							target.reposts.checked_add(1).ok_or(Error::<T>::Overflow)?;
						Ok(())
					})?;
					RepostOf::<T>::insert(of, &author, post_id);
				},
				PostKind::Quote { of } => {
					Self::try_mutate_counters(of, |target| {
						target.quotes = target.quotes.checked_add(1).ok_or(Error::<T>::Overflow)?;
						Ok(())
					})?;
					Quotes::<T>::insert(of, oldest_first(post_id), ());
				},
			}

			let ticket =
				T::Consideration::new(&author, Self::footprint(&author, content.as_ref(), &kind))?;
			let post = Post {
				author: author.clone(),
				content: content.clone(),
				kind,
				created_at: frame_system::Pallet::<T>::block_number(),
				revision: 0,
				replies: 0,
				reposts: 0,
				quotes: 0,
				ticket,
			};
			Posts::<T>::insert(post_id, post);
			PostsByAuthor::<T>::insert(&author, newest_first(post_id), ());
			PostCountByAuthor::<T>::insert(&author, author_posts);
			NextPostId::<T>::put(next_id);
			if let Some(content) = content {
				Self::deposit_event(Event::PostCreated {
					post_id,
					author,
					content,
					kind,
					#[cfg(feature = "upgrade-test")]
					upgraded: true,
				});
			}
			Ok(post_id)
		}

		fn try_mutate_counters(
			id: PostId,
			change: impl FnOnce(&mut PostOf<T>) -> Result<(), Error<T>>,
		) -> Result<(), Error<T>> {
			Posts::<T>::try_mutate(id, |post| {
				change(post.as_mut().ok_or(Error::<T>::PostNotFound)?)
			})
		}

		/// Updates the counters of `id` if it still exists (it may have been deleted).
		fn mutate_counters(id: PostId, change: impl FnOnce(&mut PostOf<T>)) {
			Posts::<T>::mutate(id, |post| {
				if let Some(post) = post {
					change(post)
				}
			});
		}

		/// The storage a post occupies: its record, its entry in the author index, and its
		/// entry in the reply, quote or repost index. The deposit is priced on this.
		pub fn footprint(
			author: &T::AccountId,
			content: Option<&Cid>,
			kind: &PostKind,
		) -> Footprint {
			// author, content, kind, created_at, and four u32 counters.
			let record = author.encoded_size()
				+ content.encoded_size()
				+ PostKind::max_encoded_len()
				+ BlockNumberFor::<T>::max_encoded_len()
				+ 4 * 4;
			let author_index = author.encoded_size() + 8;
			let (items, kind_index) = match kind {
				PostKind::Original => (2, 0),
				PostKind::Reply { .. } | PostKind::Quote { .. } => (3, 8 + 8),
				PostKind::Repost { .. } => (3, 8 + author.encoded_size() + 8),
			};
			Footprint::from_parts(items, record + author_index + kind_index)
		}

		/// Checks the pallet's invariants: counters equal the sizes of their indexes, every
		/// index entry points at a post that agrees with it, and each author's hold equals the
		/// sum of their posts' tickets.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use sp_runtime::traits::Saturating;

			let next = NextPostId::<T>::get();
			let mut posts = 0u32;
			let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			let mut per_author: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			let mut quotes: BTreeMap<PostId, u32> = BTreeMap::new();
			// Before the v1 migration has run, quotes are counted but not yet indexed.
			let quotes_indexed = Pallet::<T>::on_chain_storage_version() >= 1;
			for (id, post) in Posts::<T>::iter() {
				posts += 1;
				ensure!(id < next, "a post id is not below NextPostId");
				ensure!(
					PostsByAuthor::<T>::contains_key(&post.author, newest_first(id)),
					"a post is missing from its author's index"
				);
				ensure!(
					Replies::<T>::iter_prefix(id).count() as u32 == post.replies,
					"a reply counter differs from its index"
				);
				ensure!(
					RepostOf::<T>::iter_prefix(id).count() as u32 == post.reposts,
					"a repost counter differs from its index"
				);
				ensure!(
					post.content.is_some() || matches!(post.kind, PostKind::Repost { .. }),
					"only reposts lack content"
				);
				if let PostKind::Quote { of } = post.kind {
					*quotes.entry(of).or_default() += 1;
					ensure!(
						!quotes_indexed || Quotes::<T>::contains_key(of, oldest_first(id)),
						"a quote is missing from the quotes index"
					);
				}
				let entry = held.entry(post.ticket.payer(&post.author)).or_default();
				*entry = entry.saturating_add(post.ticket.held());
				*per_author.entry(post.author.clone()).or_default() += 1;
			}
			ensure!(posts == Posts::<T>::count(), "the post counter is off");
			for (id, post) in Posts::<T>::iter() {
				ensure!(
					quotes.get(&id).copied().unwrap_or_default() == post.quotes,
					"a quote counter differs from the quotes that exist"
				);
			}
			if quotes_indexed {
				for (of, key, ()) in Quotes::<T>::iter() {
					let quote = Posts::<T>::get(from_oldest_first(key))
						.ok_or("a quote index entry points at a deleted post")?;
					ensure!(
						quote.kind == PostKind::Quote { of },
						"a quote index entry points at a post that is not its quote"
					);
				}
			}
			for (author, count) in &per_author {
				ensure!(
					PostCountByAuthor::<T>::get(author) == *count,
					"an author's post count is off"
				);
				ensure!(
					PostsByAuthor::<T>::iter_prefix(author).count() as u32 == *count,
					"an author's index size differs from their posts"
				);
			}
			ensure!(
				PostCountByAuthor::<T>::iter().count() == per_author.len(),
				"a post count is kept for an author without posts"
			);
			for (parent, key, ()) in Replies::<T>::iter() {
				let child = from_oldest_first(key);
				if let Some(post) = Posts::<T>::get(child) {
					ensure!(
						matches!(post.kind, PostKind::Reply { parent: p, .. } if p == parent),
						"a reply index entry points at a post that is not its reply"
					);
				} else {
					return Err("a reply index entry points at a deleted post".into());
				}
			}
			for (of, author, repost) in RepostOf::<T>::iter() {
				let post = Posts::<T>::get(repost).ok_or("a repost index entry has no post")?;
				ensure!(
					post.author == author && post.kind == PostKind::Repost { of },
					"a repost index entry disagrees with its post"
				);
			}
			let reason: T::RuntimeHoldReason = HoldReason::PostDeposit.into();
			agora_primitives::ensure_holds_match_tickets::<_, T::Currency>(&reason, held)?;
			Ok(())
		}
	}

	#[deny(clippy::expect_used)]
	impl<T: Config> PostsInspect<T::AccountId> for Pallet<T> {
		fn post_author(id: PostId) -> Option<T::AccountId> {
			Posts::<T>::get(id).map(|post| post.author)
		}
	}
}
