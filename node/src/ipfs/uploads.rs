//! Public uploads: `content_add` for callers the node does not trust with unsafe methods.
//!
//! `content_add` writes to the daemon, so by default it is an unsafe method. An operator who
//! wants a public node to accept uploads turns on `--ipfs-public-uploads` instead of
//! `--rpc-methods unsafe` (which would also expose `author_insertKey` and the rest). Callers
//! allowed unsafe methods (localhost by default) keep the node's usual limits; every other
//! caller gets these: a body of at most `--ipfs-upload-max-bytes`, and at most
//! `--ipfs-uploads-per-minute` uploads per connection in any minute.

use std::{
	collections::HashMap,
	sync::Mutex,
	time::{Duration, Instant},
};

use jsonrpsee::ConnectionId;

/// How long a rate window lasts.
const WINDOW: Duration = Duration::from_secs(60);

/// Why a public upload was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
	/// The body is over the public upload size limit.
	TooLarge { size: usize, max: usize },
	/// The connection has used up its uploads for this minute.
	TooMany { per_minute: u32 },
}

impl std::fmt::Display for Refused {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::TooLarge { size, max } => write!(
				f,
				"the body is {size} bytes; this node accepts public uploads of at most {max} bytes"
			),
			Self::TooMany { per_minute } => write!(
				f,
				"this node accepts at most {per_minute} public uploads per connection per minute; try again later"
			),
		}
	}
}

/// The limits of public uploads, and how many each connection has used in its current minute.
pub struct PublicUploads {
	max_bytes: usize,
	per_minute: u32,
	windows: Mutex<HashMap<Option<ConnectionId>, (Instant, u32)>>,
}

impl PublicUploads {
	/// Public uploads of at most `max_bytes`, `per_minute` per connection.
	pub fn new(max_bytes: usize, per_minute: u32) -> Self {
		Self { max_bytes, per_minute, windows: Mutex::new(HashMap::new()) }
	}

	/// Admits an upload of `size` bytes from `connection` at `now`, or says why not. Calls
	/// that arrive without a connection id share one allowance. A refused upload uses none.
	pub fn admit(
		&self,
		connection: Option<ConnectionId>,
		size: usize,
		now: Instant,
	) -> Result<(), Refused> {
		if size > self.max_bytes {
			return Err(Refused::TooLarge { size, max: self.max_bytes });
		}
		let mut windows = self.windows.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		// Windows of closed connections end too: nothing grows without bound.
		windows.retain(|_, (start, _)| now.saturating_duration_since(*start) < WINDOW);
		let (_, used) = windows.entry(connection).or_insert((now, 0));
		if *used >= self.per_minute {
			return Err(Refused::TooMany { per_minute: self.per_minute });
		}
		*used = used.saturating_add(1);
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn each_connection_gets_its_allowance_per_minute_and_large_bodies_none() {
		let uploads = PublicUploads::new(100, 2);
		let (one, two) = (Some(ConnectionId(1)), Some(ConnectionId(2)));
		let start = Instant::now();
		assert_eq!(uploads.admit(one, 101, start), Err(Refused::TooLarge { size: 101, max: 100 }));
		assert_eq!(uploads.admit(one, 100, start), Ok(()));
		assert_eq!(uploads.admit(one, 1, start), Ok(()));
		assert_eq!(uploads.admit(one, 1, start), Err(Refused::TooMany { per_minute: 2 }));
		assert_eq!(uploads.admit(two, 1, start), Ok(()), "another connection, its own allowance");
		let later = start + WINDOW;
		assert_eq!(uploads.admit(one, 1, later), Ok(()), "a new minute");
	}
}
