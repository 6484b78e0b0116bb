//! CID validation against vectors from a real IPFS daemon and hand-made bad inputs.
//!
//! Daemon vectors were produced by js-ipfs 0.66.1 (`scripts/ipfs`) on a loopback-only repo:
//! `printf 'hello world\n' | jsipfs add …`, `jsipfs dag put`, `jsipfs cid base32 …`. js-ipfs
//! has no blake2b-256 or blake3 hasher; those two vectors were built from the same bytes with
//! Python's `hashlib` and the multiformats tables, and are marked as such.

use super::*;

/// `jsipfs add hello.txt` (CIDv0, dag-pb, sha2-256).
const HELLO_V0: &str = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
/// `jsipfs cid base32 QmT78…`: the same dag-pb node as a CIDv1.
const HELLO_V1: &str = "bafybeicg2rebjoofv4kbyovkw7af3rpiitvnl6i7ckcywaq6xjcxnc2mby";
/// `jsipfs add --cid-version 1 --raw-leaves=false hello.txt`: the same, base58btc as js-ipfs
/// prints CIDv1.
const HELLO_V1_BASE58: &str = "zdj7WaCPMsy3FP2whSwpFXHjDEaTVmjnddYSn5W2Gdn4aEZFj";
/// `jsipfs add --cid-version 1 --cid-base base32 hello.txt` (raw leaves, sha2-256).
const HELLO_RAW: &str = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";
/// `jsipfs add --cid-version 1 hello.txt`: the same raw CID in base58btc.
const HELLO_RAW_BASE58: &str = "zb2rhi36Gc9GJWijLEL6zW45MBux5FcFv5gJmjXA7VAMozEXY";
/// `jsipfs add` of an empty file.
const EMPTY_V0: &str = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
/// `echo '{"a":1}' | jsipfs dag put --store-codec dag-cbor`, in base32.
const DAG_CBOR: &str = "bafyreihltcnuuyqp2jm24aqydpnlj7b6w3ogwrplomrjtg5rifv44mmjey";
/// The same as js-ipfs printed it (base58btc).
const DAG_CBOR_BASE58: &str = "zdpuB2H7FsgxU1PVuGcwk4TDYGgv7xrQ7naFJ1YHfRV71t7Rf";
/// `echo '{"a":1}' | jsipfs dag put --store-codec dag-json` (a two-byte codec varint).
const DAG_JSON: &str = "baguqeeraafnl2724yv5c3wklowipaswybbbhhec64m7mltv6vzrco2ux7bra";
/// Built (hashlib): raw + blake2b-256 of "hello world\n".
const HELLO_BLAKE2B: &str = "bafk2bzaceddrwbp5duohx57jfd7rrzmnwumt5eywifwme25jzsijjwua24ar4";
/// Built: dag-json + blake2b-256, the longest accepted CID (39 bytes).
const DAG_JSON_BLAKE2B: &str = "baguqfiheaiqdvcvmv2qayahjyalwogvfemkywb545dhiun2inwgo4itro46qdxq";
/// Built: raw + blake3 code with a 32-byte digest.
const BLAKE3: &str = "bafkr4ifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

fn hex(bytes: &str) -> Vec<u8> {
	(0..bytes.len()).step_by(2).map(|i| u8::from_str_radix(&bytes[i..i + 2], 16).unwrap()).collect()
}

#[test]
fn cid_v0_text_round_trips() {
	let cid = Cid::try_from(HELLO_V0).unwrap();
	assert!(cid.is_v0());
	assert_eq!(cid.codec(), CODEC_DAG_PB);
	assert_eq!(cid.to_text(), HELLO_V0);
	assert_eq!(
		cid.as_bytes(),
		&hex("122046d44814b9c5af141c3aaab7c05dc5e844ead5f91f12858b021eba45768b4c0e")[..]
	);
	assert_eq!(Cid::try_from(EMPTY_V0).unwrap().to_text(), EMPTY_V0);
}

#[test]
fn cid_v1_base32_and_base58_are_the_same_cid() {
	let base32 = Cid::try_from(HELLO_V1).unwrap();
	let base58 = Cid::try_from(HELLO_V1_BASE58).unwrap();
	assert_eq!(base32, base58);
	assert!(!base32.is_v0());
	// Rendered the way Kubo prints CIDv1: base32.
	assert_eq!(base58.to_text(), HELLO_V1);
	assert_ne!(base32, Cid::try_from(HELLO_V0).unwrap(), "v0 and v1 are different CIDs");
}

#[test]
fn every_accepted_codec_and_hash_parses() {
	for (text, codec) in [
		(HELLO_RAW, CODEC_RAW),
		(HELLO_BLAKE2B, CODEC_RAW),
		(DAG_CBOR, CODEC_DAG_CBOR),
		(DAG_JSON, CODEC_DAG_JSON),
		(BLAKE3, CODEC_RAW),
	] {
		let cid = Cid::try_from(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
		assert_eq!(cid.codec(), codec, "{text}");
		assert_eq!(cid.to_text(), text);
	}
}

#[test]
fn js_ipfs_base58_output_is_accepted_and_rendered_as_kubo_does() {
	assert_eq!(Cid::try_from(HELLO_RAW_BASE58).unwrap().to_text(), HELLO_RAW);
	assert_eq!(Cid::try_from(DAG_CBOR_BASE58).unwrap().to_text(), DAG_CBOR);
}

#[test]
fn binary_form_is_accepted_and_equals_the_text_form() {
	let text = Cid::try_from(HELLO_RAW).unwrap();
	let binary = Cid::parse(text.as_bytes()).unwrap();
	assert_eq!(text, binary);
	let v0 = Cid::try_from(HELLO_V0).unwrap();
	assert_eq!(Cid::parse(v0.as_bytes()).unwrap(), v0);
}

#[test]
fn longest_accepted_cid_fits_the_bound() {
	let cid = Cid::try_from(DAG_JSON_BLAKE2B).unwrap();
	assert_eq!(cid.codec(), CODEC_DAG_JSON);
	assert_eq!(cid.as_bytes().len(), MAX_CID_BYTES as usize);
	assert!(cid.to_text().len() <= MAX_CID_INPUT_BYTES as usize);
}

#[test]
fn unsupported_hash_functions_are_rejected() {
	// sha2-512 (64-byte digest).
	let sha512 = "bafkrgqfevpkejdcjkywyfaiv2e5b7thksj7vfngviwjjp6fuhzbnvcjdrpatmjxehxftrxnqqjeisj7msbh3iicxiq4yh2efqulz2ucvdl7ge";
	assert_eq!(Cid::try_from(sha512), Err(CidError::UnsupportedHash));
	// identity "hash" (the content inline).
	assert_eq!(Cid::try_from("bafkqablimvwgy3y"), Err(CidError::UnsupportedHash));
}

#[test]
fn unsupported_codecs_are_rejected() {
	// git-raw.
	let git = "baf4beifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";
	assert_eq!(Cid::try_from(git), Err(CidError::UnsupportedCodec));
}

#[test]
fn wrong_digest_lengths_are_rejected() {
	// sha2-256 claiming a 20-byte digest.
	assert_eq!(
		Cid::try_from("bafkreffjjcie6lypi6ny7amxnfftagclbuxndqi"),
		Err(CidError::BadDigestLength)
	);
}

#[test]
fn other_multibases_are_rejected() {
	let base16 = "f0170122046d44814b9c5af141c3aaab7c05dc5e844ead5f91f12858b021eba45768b4c0e";
	assert_eq!(Cid::try_from(base16), Err(CidError::UnsupportedBase));
	assert_eq!(
		Cid::try_from("/ipfs/QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"),
		Err(CidError::UnsupportedBase)
	);
	assert_eq!(
		Cid::try_from(" QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"),
		Err(CidError::UnsupportedBase)
	);
}

#[test]
fn malformed_and_truncated_inputs_are_rejected() {
	assert_eq!(Cid::parse(b""), Err(CidError::Malformed));
	// One character short of a CIDv0.
	assert_eq!(Cid::try_from(&HELLO_V0[..45]), Err(CidError::Malformed));
	// Truncated CIDv1.
	assert_eq!(Cid::try_from(&HELLO_V1[..30]), Err(CidError::Malformed));
	// Characters outside base58 (`0`, `O`, `I`, `l`) and outside base32.
	assert_eq!(
		Cid::try_from("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff50"),
		Err(CidError::Malformed)
	);
	assert_eq!(
		Cid::try_from("bafybeicg2rebjoofv4kbyovkw7af3rpiitvnl6i7ckcywaq6xjcxnc2mb1"),
		Err(CidError::Malformed)
	);
	// Not UTF-8.
	assert_eq!(Cid::parse(&[b'b', 0xff, 0xfe]), Err(CidError::Malformed));
	// Truncated binary.
	let binary = Cid::try_from(HELLO_RAW).unwrap();
	assert_eq!(Cid::parse(&binary.as_bytes()[..20]), Err(CidError::Malformed));
	// A lone version byte.
	assert_eq!(Cid::parse(&[0x01]), Err(CidError::Malformed));
}

#[test]
fn binary_with_trailing_bytes_is_not_canonical() {
	let mut bytes = Cid::try_from(HELLO_RAW).unwrap().as_bytes().to_vec();
	bytes.push(0);
	assert_eq!(Cid::parse(&bytes), Err(CidError::NotCanonical));
}

#[test]
fn text_with_anything_after_the_cid_is_not_canonical() {
	use cid::multibase::{encode, Base};
	let mut bytes = Cid::try_from(HELLO_RAW).unwrap().as_bytes().to_vec();
	bytes.push(0);
	// The base32 and base58btc text of a valid CIDv1 followed by one extra byte.
	for base in [Base::Base32Lower, Base::Base58Btc] {
		assert_eq!(Cid::try_from(encode(base, &bytes).as_str()), Err(CidError::NotCanonical));
	}
	// A path before `/ipfs/`, which the `cid` crate would cut away.
	let with_path = format!("b-anything-at-all/ipfs/{HELLO_RAW}");
	assert_eq!(Cid::try_from(with_path.as_str()), Err(CidError::NotCanonical));
	// A CIDv0 behind a base58btc multibase prefix: CIDv0 text is `Qm…` only.
	let prefixed_v0 = format!("z{HELLO_V0}");
	assert!(Cid::try_from(prefixed_v0.as_str()).is_err());
	// The binary form with the same extra byte is refused the same way.
	assert_eq!(Cid::parse(&bytes), Err(CidError::NotCanonical));
}

#[test]
fn oversized_inputs_are_rejected() {
	let long = "b".repeat(500);
	assert!(Cid::try_from(long.as_str()).is_err());
	let long_binary = [0x01u8; 200];
	assert!(Cid::parse(&long_binary).is_err());
}

#[test]
fn cid_encoding_is_bounded() {
	use codec::MaxEncodedLen;
	assert_eq!(Cid::max_encoded_len(), 1 + MAX_CID_BYTES as usize);
	let cid = Cid::try_from(HELLO_V0).unwrap();
	assert_eq!(Cid::decode(&mut &cid.encode()[..]).unwrap(), cid);
}
