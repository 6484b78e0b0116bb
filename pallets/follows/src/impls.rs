//! What the calls of `pallet-follows` do once the origin is checked, the storage footprint a
//! follow's deposit is priced on, and what other pallets may ask about follows
//! ([`FollowsInspect`]).

use agora_primitives::{decrement_or_remove, FollowsInspect};
use codec::MaxEncodedLen;
use frame_support::{
	ensure,
	traits::{Consideration, Footprint},
};
use sp_runtime::DispatchResult;

use crate::{Config, Error, Event, FollowerCount, Followers, Following, FollowingCount, Pallet};

impl<T: Config> Pallet<T> {
	/// Makes `follower` follow `followee`, holding the follow's deposit from `follower`
	/// (`follow`).
	pub(crate) fn do_follow(follower: T::AccountId, followee: T::AccountId) -> DispatchResult {
		ensure!(follower != followee, Error::<T>::CannotFollowSelf);
		ensure!(!Following::<T>::contains_key(&follower, &followee), Error::<T>::AlreadyFollowing);
		let following =
			FollowingCount::<T>::get(&follower).checked_add(1).ok_or(Error::<T>::Overflow)?;
		let followers =
			FollowerCount::<T>::get(&followee).checked_add(1).ok_or(Error::<T>::Overflow)?;

		let ticket = T::Consideration::new(&follower, Self::footprint())?;
		Following::<T>::insert(&follower, &followee, ticket);
		Followers::<T>::insert(&followee, &follower, ());
		FollowingCount::<T>::insert(&follower, following);
		FollowerCount::<T>::insert(&followee, followers);
		Self::deposit_event(Event::Followed { follower, followee });
		Ok(())
	}

	/// Ends `follower`'s follow of `followee`; refunds the deposit (`unfollow`).
	pub(crate) fn do_unfollow(follower: T::AccountId, followee: T::AccountId) -> DispatchResult {
		let ticket = Following::<T>::take(&follower, &followee).ok_or(Error::<T>::NotFollowing)?;
		ticket.drop(&follower)?;
		Followers::<T>::remove(&followee, &follower);
		FollowingCount::<T>::mutate_exists(&follower, decrement_or_remove);
		FollowerCount::<T>::mutate_exists(&followee, decrement_or_remove);
		Self::deposit_event(Event::Unfollowed { follower, followee });
		Ok(())
	}

	/// The storage one follow occupies: an entry in each direction.
	pub fn footprint() -> Footprint {
		let key = T::AccountId::max_encoded_len();
		let following = 2 * key + T::Consideration::max_encoded_len();
		let followers = 2 * key;
		Footprint::from_parts(2, following + followers)
	}
}

/// Other pallets (private messages' "only accounts I follow") ask through
/// [`FollowsInspect`], one read.
impl<T: Config> FollowsInspect<T::AccountId> for Pallet<T> {
	fn is_following(follower: &T::AccountId, followee: &T::AccountId) -> bool {
		Following::<T>::contains_key(follower, followee)
	}
}
