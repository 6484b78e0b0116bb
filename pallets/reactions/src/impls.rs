//! What the calls of `pallet-reactions` do once the origin is checked, and the storage
//! footprint a reaction's deposit is priced on.

use agora_primitives::{decrement_or_remove, PostId, PostsInspect};
use codec::MaxEncodedLen;
use frame_support::{
	ensure,
	traits::{Consideration, Footprint},
};
use sp_runtime::DispatchResult;

use crate::{
	Config, Error, Event, Pallet, Reaction, ReactionCounts, ReactionKind, ReactionOf, Reactions,
};

impl<T: Config> Pallet<T> {
	/// Gives `who`'s reaction `kind` to post `post_id`: a new reaction, holding its deposit, or
	/// a change of the one it had (`react`).
	pub(crate) fn do_react(
		who: T::AccountId,
		post_id: PostId,
		kind: ReactionKind,
	) -> DispatchResult {
		ensure!(T::Posts::post_exists(post_id), Error::<T>::PostNotFound);
		match Reactions::<T>::get(post_id, &who) {
			None => {
				let count = ReactionCounts::<T>::get(post_id, kind)
					.checked_add(1)
					.ok_or(Error::<T>::Overflow)?;
				let ticket = T::Consideration::new(&who, Self::footprint())?;
				Reactions::<T>::insert(post_id, &who, Reaction { kind, ticket });
				ReactionCounts::<T>::insert(post_id, kind, count);
				Self::deposit_event(Event::Reacted { who, post_id, kind });
			},
			Some(reaction) => {
				let from = reaction.kind;
				ensure!(from != kind, Error::<T>::SameReaction);
				let count = ReactionCounts::<T>::get(post_id, kind)
					.checked_add(1)
					.ok_or(Error::<T>::Overflow)?;
				ReactionCounts::<T>::insert(post_id, kind, count);
				ReactionCounts::<T>::mutate_exists(post_id, from, decrement_or_remove);
				Reactions::<T>::insert(post_id, &who, Reaction { kind, ..reaction });
				Self::deposit_event(Event::ReactionChanged { who, post_id, from, to: kind });
			},
		}
		Ok(())
	}

	/// Removes `who`'s reaction to post `post_id`; refunds the deposit (`unreact`).
	pub(crate) fn do_unreact(who: T::AccountId, post_id: PostId) -> DispatchResult {
		let reaction = Reactions::<T>::take(post_id, &who).ok_or(Error::<T>::NoReaction)?;
		reaction.ticket.drop(&who)?;
		ReactionCounts::<T>::mutate_exists(post_id, reaction.kind, decrement_or_remove);
		Self::deposit_event(Event::Unreacted { who, post_id, kind: reaction.kind });
		Ok(())
	}

	/// The storage one reaction occupies: its entry, and its share of a counter.
	pub fn footprint() -> Footprint {
		let entry = PostId::max_encoded_len()
			+ T::AccountId::max_encoded_len()
			+ ReactionOf::<T>::max_encoded_len();
		let counter = PostId::max_encoded_len() + ReactionKind::max_encoded_len() + 4;
		Footprint::from_parts(1, entry + counter)
	}
}
