//! Content identifiers: the only thing about a post body or profile document the chain keeps.
//!
//! A [`Cid`] is an IPFS CID that passed strict validation, stored in its binary form (at most
//! [`MAX_CID_BYTES`] bytes). Users hand the pallets a [`CidInput`]: either the text IPFS prints
//! (`Qm…` for CIDv0, `b…` base32 or `z…` base58btc for CIDv1) or the binary CID itself.
//!
//! Accepted, and nothing else:
//!
//! | part | accepted |
//! | --- | --- |
//! | version | CIDv0, CIDv1 |
//! | codec | raw `0x55`, dag-pb `0x70`, dag-cbor `0x71`, dag-json `0x0129` (CIDv0 is always dag-pb) |
//! | hash | sha2-256 `0x12`, blake3 `0x1e`, blake2b-256 `0xb220` |
//! | digest | exactly 32 bytes |
//! | text | `Qm…` (CIDv0, base58btc), `b…` (base32 lower), `z…` (base58btc) |
//!
//! Both forms must be canonical, so each content ID has exactly one stored form: the binary
//! form has minimal varints and nothing after the digest, and the text is exactly what the CID
//! encodes to in its base (no trailing characters or bytes, no `…/ipfs/` path). Decoding uses the multiformats `cid` crate (no_std,
//! `alloc` only), which builds for the runtime's Wasm target; the checks above are ours.

use alloc::{
	string::{String, ToString},
	vec::Vec,
};

use cid::multibase::Base;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// The longest binary CID accepted: CIDv1 (1 byte) + dag-json codec (2) + blake2b-256 code (3)
/// + digest length (1) + 32-byte digest = 39 bytes.
pub const MAX_CID_BYTES: u32 = 39;

/// The longest CID input accepted: a base32 CIDv1 of [`MAX_CID_BYTES`] is 64 characters; a bit
/// of room keeps the error for slightly longer junk an `InvalidCid` rather than a decode error.
pub const MAX_CID_INPUT_BYTES: u32 = 96;

/// A CID as a call argument: its text form (UTF-8) or its binary form.
pub type CidInput = BoundedVec<u8, ConstU32<MAX_CID_INPUT_BYTES>>;

/// Multicodec: raw bytes.
pub const CODEC_RAW: u64 = 0x55;
/// Multicodec: dag-pb (what `ipfs add` produces for files by default).
pub const CODEC_DAG_PB: u64 = 0x70;
/// Multicodec: dag-cbor.
pub const CODEC_DAG_CBOR: u64 = 0x71;
/// Multicodec: dag-json.
pub const CODEC_DAG_JSON: u64 = 0x0129;
/// Multihash: sha2-256.
pub const HASH_SHA2_256: u64 = 0x12;
/// Multihash: blake3 (32-byte output).
pub const HASH_BLAKE3: u64 = 0x1e;
/// Multihash: blake2b-256.
pub const HASH_BLAKE2B_256: u64 = 0xb220;
/// The digest length every accepted hash function has.
pub const DIGEST_BYTES: usize = 32;

/// Why an input is not an acceptable CID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CidError {
	/// Not decodable as a CID at all (bad base, bad varint, truncated, ...).
	Malformed,
	/// Text in a multibase other than base32 (`b`) or base58btc (`z`/`Qm`).
	UnsupportedBase,
	/// A codec outside raw, dag-pb, dag-cbor and dag-json.
	UnsupportedCodec,
	/// A hash function outside sha2-256, blake3 and blake2b-256.
	UnsupportedHash,
	/// A digest that is not 32 bytes long.
	BadDigestLength,
	/// A binary or text form that is not canonical (anything after the digest, non-minimal
	/// varints, a text that is not the CID's own text in its base).
	NotCanonical,
}

/// A validated content identifier, stored in its canonical binary form.
#[derive(
	Clone,
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
pub struct Cid(BoundedVec<u8, ConstU32<MAX_CID_BYTES>>);

type ParsedCid = cid::CidGeneric<64>;

impl Cid {
	/// Validates `input`, the text or binary form of a CID.
	pub fn parse(input: &[u8]) -> Result<Cid, CidError> {
		let parsed = match input.first() {
			Some(b'Q' | b'b' | b'z') => Self::parse_text(input)?,
			Some(0x12 | 0x01) => Self::parse_binary(input)?,
			Some(_) => return Err(CidError::UnsupportedBase),
			None => return Err(CidError::Malformed),
		};
		Self::check(&parsed)?;
		let bytes = parsed.to_bytes();
		BoundedVec::try_from(bytes).map(Cid).map_err(|_| CidError::Malformed)
	}

	fn parse_text(input: &[u8]) -> Result<ParsedCid, CidError> {
		let text = core::str::from_utf8(input).map_err(|_| CidError::Malformed)?;
		// `Qm…` is CIDv0 only when it has exactly CIDv0's length; `cid` checks that too.
		let parsed = ParsedCid::try_from(text).map_err(|_| CidError::Malformed)?;
		// The same rule as for the binary form: the text must be exactly the CID's own text in
		// its base. `cid` reads past what it does not use (bytes after the digest, a path
		// before `/ipfs/`, a `z` before a CIDv0); re-encoding and comparing refuses all of it.
		let base = if input.first() == Some(&b'b') { Base::Base32Lower } else { Base::Base58Btc };
		let canonical = parsed.to_string_of_base(base).map_err(|_| CidError::NotCanonical)?;
		if canonical.as_bytes() != input {
			return Err(CidError::NotCanonical);
		}
		Ok(parsed)
	}

	fn parse_binary(input: &[u8]) -> Result<ParsedCid, CidError> {
		let parsed = ParsedCid::try_from(input).map_err(|_| CidError::Malformed)?;
		if parsed.to_bytes() != input {
			return Err(CidError::NotCanonical);
		}
		Ok(parsed)
	}

	fn check(parsed: &ParsedCid) -> Result<(), CidError> {
		if !matches!(parsed.codec(), CODEC_RAW | CODEC_DAG_PB | CODEC_DAG_CBOR | CODEC_DAG_JSON) {
			return Err(CidError::UnsupportedCodec);
		}
		let hash = parsed.hash();
		if !matches!(hash.code(), HASH_SHA2_256 | HASH_BLAKE3 | HASH_BLAKE2B_256) {
			return Err(CidError::UnsupportedHash);
		}
		if usize::from(hash.size()) != DIGEST_BYTES || hash.digest().len() != DIGEST_BYTES {
			return Err(CidError::BadDigestLength);
		}
		Ok(())
	}

	/// The canonical binary form.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}

	/// The canonical text form: `Qm…` for CIDv0, base32 `b…` for CIDv1 (as Kubo prints them).
	pub fn to_text(&self) -> String {
		// Stored CIDs were validated on the way in, so they always decode.
		ParsedCid::try_from(self.as_bytes()).map(|cid| cid.to_string()).unwrap_or_default()
	}

	/// Whether this is a CIDv0.
	pub fn is_v0(&self) -> bool {
		self.0.first() == Some(&0x12)
	}

	/// The multicodec of the content.
	pub fn codec(&self) -> u64 {
		ParsedCid::try_from(self.as_bytes()).map(|cid| cid.codec()).unwrap_or_default()
	}
}

impl TryFrom<&[u8]> for Cid {
	type Error = CidError;
	fn try_from(input: &[u8]) -> Result<Self, Self::Error> {
		Cid::parse(input)
	}
}

impl TryFrom<&str> for Cid {
	type Error = CidError;
	fn try_from(input: &str) -> Result<Self, Self::Error> {
		Cid::parse(input.as_bytes())
	}
}

impl From<Cid> for Vec<u8> {
	fn from(cid: Cid) -> Vec<u8> {
		cid.0.into_inner()
	}
}

#[cfg(test)]
mod tests;
