//! The limits of public uploads: how large a body, and how many uploads a minute, the node
//! takes from a caller it does not trust with unsafe methods.
//!
//! `content_add` writes to the daemon, so by default it is an unsafe method. An operator who
//! wants a public node to accept uploads turns on `--ipfs-public-uploads` instead of
//! `--rpc-methods unsafe` (which would also expose `author_insertKey` and the rest). Callers
//! allowed unsafe methods (localhost by default) keep the node's usual limits; every other
//! caller gets these: a body of at most `--ipfs-upload-max-bytes`, and at most
//! `--ipfs-uploads-per-minute` uploads per caller in any minute. [`PublicUploads`] counts them
//! per caller of whatever kind its user names: the `content_*` RPC ([`crate::rpc`]) per
//! connection, the upload endpoint ([`crate::upload_endpoint`]) per IP address (an IPv6 /64
//! counting as one) of a caller from another host.

use std::{
	collections::HashMap,
	hash::Hash,
	sync::Mutex,
	time::{Duration, Instant},
};

/// How long a rate window lasts.
const WINDOW: Duration = Duration::from_secs(60);

/// Why a public upload was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
	/// The body is over the public upload size limit.
	TooLarge { size: usize, max: usize },
	/// The caller has used up its uploads for this minute.
	TooMany { per_minute: u32, per: &'static str },
}

impl std::fmt::Display for Refused {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::TooLarge { size, max } => write!(
				f,
				"the body is {size} bytes; this node accepts public uploads of at most {max} bytes"
			),
			Self::TooMany { per_minute, per } => write!(
				f,
				"this node accepts at most {per_minute} public uploads per {per} per minute; try again later"
			),
		}
	}
}

/// The limits of public uploads, and how many each caller (a connection, an address: `K`)
/// has used in its current minute.
pub struct PublicUploads<K> {
	max_bytes: usize,
	per_minute: u32,
	/// What a caller is, for messages: "connection", "address".
	per: &'static str,
	windows: Mutex<HashMap<K, (Instant, u32)>>,
}

impl<K: Hash + Eq> PublicUploads<K> {
	/// Public uploads of at most `max_bytes`, `per_minute` per caller (named `per`).
	pub fn new(max_bytes: usize, per_minute: u32, per: &'static str) -> Self {
		Self { max_bytes, per_minute, per, windows: Mutex::new(HashMap::new()) }
	}

	/// The largest body a public upload may have.
	pub fn max_bytes(&self) -> usize {
		self.max_bytes
	}

	/// Admits an upload of `size` bytes from `caller` at `now`, or says why not. A refused
	/// upload uses none of the allowance.
	pub fn admit(&self, caller: K, size: usize, now: Instant) -> Result<(), Refused> {
		if size > self.max_bytes {
			return Err(Refused::TooLarge { size, max: self.max_bytes });
		}
		let mut windows = self.windows.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		// Windows of callers gone quiet end too: nothing grows without bound.
		windows.retain(|_, (start, _)| now.saturating_duration_since(*start) < WINDOW);
		let (_, used) = windows.entry(caller).or_insert((now, 0));
		if *used >= self.per_minute {
			return Err(Refused::TooMany { per_minute: self.per_minute, per: self.per });
		}
		*used = used.saturating_add(1);
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use jsonrpsee::ConnectionId;

	use super::*;

	#[test]
	fn each_connection_gets_its_allowance_per_minute_and_large_bodies_none() {
		let uploads = PublicUploads::new(100, 2, "connection");
		let (one, two) = (Some(ConnectionId(1)), Some(ConnectionId(2)));
		let start = Instant::now();
		assert_eq!(uploads.admit(one, 101, start), Err(Refused::TooLarge { size: 101, max: 100 }));
		assert_eq!(uploads.admit(one, 100, start), Ok(()));
		assert_eq!(uploads.admit(one, 1, start), Ok(()));
		assert_eq!(
			uploads.admit(one, 1, start),
			Err(Refused::TooMany { per_minute: 2, per: "connection" })
		);
		assert_eq!(uploads.admit(two, 1, start), Ok(()), "another connection, its own allowance");
		let later = start + WINDOW;
		assert_eq!(uploads.admit(one, 1, later), Ok(()), "a new minute");
	}
}
