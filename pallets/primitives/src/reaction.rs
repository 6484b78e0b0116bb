//! Reaction kinds, stored by `pallet-reactions` and returned by its runtime API.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// How an account reacts to a post. The set is small and fixed; new kinds get new indices,
/// existing indices never change meaning.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum ReactionKind {
	/// 👍 like.
	#[codec(index = 0)]
	Like,
	/// ⬆️ upvote.
	#[codec(index = 1)]
	Upvote,
	/// ⬇️ downvote.
	#[codec(index = 2)]
	Downvote,
	/// ❤️ love.
	#[codec(index = 3)]
	Love,
	/// 😂 laugh.
	#[codec(index = 4)]
	Laugh,
	/// 😮 wow.
	#[codec(index = 5)]
	Wow,
	/// 😢 sad.
	#[codec(index = 6)]
	Sad,
	/// 😠 angry.
	#[codec(index = 7)]
	Angry,
	/// 🎉 celebrate.
	#[codec(index = 8)]
	Celebrate,
}
