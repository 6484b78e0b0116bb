//! The order the pinner serves owed work in: fair to every CID, whatever an attacker posts.
//!
//! Owed CIDs are served a few at a time ([`PINS_AT_ONCE`]), oldest first (by the block that
//! made them owed, not by CID bytes, which whoever posts chooses), except for a few places in
//! each batch ([`NEWEST_AT_ONCE`]) that go to the newest CIDs never tried. A CID whose pin
//! failed (nobody serves it, the daemon refused) is tried again after a back-off that doubles
//! with each failure ([`FIRST_RETRY`] up to [`LONGEST_RETRY`]), and CIDs never tried go before
//! CIDs being retried. So unavailable CIDs cost each one attempt per back-off period, and a
//! burst of them does not hold up content posted after it: a CID owed from a later block than
//! the burst, while nothing newer is owed, goes into the next batch, after at most the one
//! running (each attempt ends within `--ipfs-timeout`), while the oldest-first places work
//! through the burst. Whoever keeps posting unavailable CIDs block after block holds the newest
//! places; content then waits its turn in the oldest-first places.
//!
//! Back-off is kept in memory: after a restart every owed CID is fresh again. A daemon that
//! is unreachable is not the CID's fault: such attempts do not count.

use std::{
	collections::{BTreeMap, BTreeSet},
	time::{Duration, Instant},
};

use agora_primitives::Cid;

use super::journal::Owed;

/// How many pins and unpins run at once.
pub const PINS_AT_ONCE: usize = 8;
/// How many places of a batch go to the newest CIDs never tried, the rest going oldest first.
pub const NEWEST_AT_ONCE: usize = 2;
/// The wait after a CID's first failure.
pub const FIRST_RETRY: Duration = Duration::from_secs(2);
/// The longest wait between two attempts for one CID.
pub const LONGEST_RETRY: Duration = Duration::from_secs(10 * 60);

/// Failed attempts per CID, and when each may be tried again.
#[derive(Default)]
pub struct Retries {
	failed: BTreeMap<Cid, Failures>,
}

#[derive(Clone, Copy)]
struct Failures {
	count: u32,
	retry_at: Instant,
}

impl Retries {
	/// Records a failed attempt on `cid` at `now`.
	pub fn failed(&mut self, cid: &Cid, now: Instant) {
		let count = self.failed.get(cid).map_or(1, |failures| failures.count.saturating_add(1));
		let doublings = count.saturating_sub(1).min(16);
		let wait = FIRST_RETRY.saturating_mul(1u32 << doublings).min(LONGEST_RETRY);
		self.failed.insert(cid.clone(), Failures { count, retry_at: now + wait });
	}

	/// Forgets `cid`'s failures (it was done, or is no longer owed).
	pub fn forget(&mut self, cid: &Cid) {
		self.failed.remove(cid);
	}

	/// Forgets every CID that is not in `owed` any more.
	pub fn keep_only(&mut self, owed: &[Owed]) {
		let owed: BTreeSet<&Cid> = owed.iter().map(|owed| &owed.cid).collect();
		self.failed.retain(|cid, _| owed.contains(cid));
	}

	/// How many times `cid` has failed.
	pub fn failures(&self, cid: &Cid) -> u32 {
		self.failed.get(cid).map_or(0, |failures| failures.count)
	}

	/// Whether `cid` may be tried at `now`.
	pub fn is_due(&self, cid: &Cid, now: Instant) -> bool {
		self.failed.get(cid).is_none_or(|failures| failures.retry_at <= now)
	}

	/// The earliest time one of the backed-off CIDs may be tried again.
	pub fn next_due(&self) -> Option<Instant> {
		self.failed.values().map(|failures| failures.retry_at).min()
	}
}

/// The next work to run: up to `at_once` owed items that are due at `now`. In the order of
/// service (never-failed ones first, then by fewest failures; oldest first within each, as
/// `owed` comes oldest first), except that up to [`NEWEST_AT_ONCE`] places (at most half)
/// go to the newest never-failed items.
pub fn next_batch(owed: &[Owed], retries: &Retries, now: Instant, at_once: usize) -> Vec<Owed> {
	let mut due: Vec<&Owed> = owed.iter().filter(|owed| retries.is_due(&owed.cid, now)).collect();
	// A stable sort keeps the oldest-first order among equal failure counts.
	due.sort_by_key(|owed| retries.failures(&owed.cid));
	let fresh = due.iter().take_while(|owed| retries.failures(&owed.cid) == 0).count();
	let newest_places = NEWEST_AT_ONCE.min(at_once / 2);
	let oldest_places = at_once - newest_places;
	// The newest fresh items the oldest-first places do not already take.
	let newest = fresh.saturating_sub(newest_places).max(oldest_places.min(fresh))..fresh;
	let (chosen, others): (Vec<_>, Vec<_>) =
		due.into_iter().enumerate().partition(|(at, _)| *at < oldest_places || newest.contains(at));
	// Places the newest did not fill go on in the order of service.
	chosen.into_iter().chain(others).take(at_once).map(|(_, owed)| owed.clone()).collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::pinning::journal::Want;

	fn cid(seed: u8) -> Cid {
		let mut bytes = vec![0x01, 0x55, 0x12, 0x20];
		bytes.extend([seed; 32]);
		Cid::parse(&bytes).unwrap()
	}

	fn owed(seed: u8, since: u32) -> Owed {
		Owed { cid: cid(seed), want: Want::Pinned, since }
	}

	fn seeds(batch: &[Owed]) -> Vec<u8> {
		batch.iter().map(|owed| owed.cid.as_bytes()[4]).collect()
	}

	#[test]
	fn oldest_first_a_few_at_a_time_whatever_the_cid_bytes_and_the_newest_too() {
		// Owed oldest first, as the journal lists them; CID bytes in the other order.
		let list = [owed(9, 1), owed(7, 2), owed(5, 3), owed(3, 4), owed(1, 5)];
		let now = Instant::now();
		let none = Retries::default();
		assert_eq!(seeds(&next_batch(&list, &none, now, 1)), vec![9]);
		assert_eq!(seeds(&next_batch(&list, &none, now, 2)), vec![9, 1], "one place each");
		assert_eq!(seeds(&next_batch(&list, &none, now, 4)), vec![9, 7, 3, 1]);
		assert_eq!(seeds(&next_batch(&list, &none, now, 5)), vec![9, 7, 5, 3, 1]);
		assert_eq!(seeds(&next_batch(&list, &none, now, 8)), vec![9, 7, 5, 3, 1]);
	}

	#[test]
	fn content_posted_after_unavailable_cids_goes_in_the_next_batch() {
		// Two hundred CIDs nobody serves, owed before a CID that is available.
		let mut list: Vec<Owed> = (0..200u8).map(|seed| owed(seed, 1)).collect();
		list.push(owed(250, 2));
		let mut retries = Retries::default();
		let start = Instant::now();

		// The available CID is served at once, next to the oldest of the unavailable ones ...
		let batch = next_batch(&list, &retries, start, PINS_AT_ONCE);
		assert_eq!(batch.len(), PINS_AT_ONCE);
		assert_eq!(seeds(&batch)[..PINS_AT_ONCE - NEWEST_AT_ONCE], [0, 1, 2, 3, 4, 5]);
		assert!(seeds(&batch).contains(&250));
		list.retain(|owed| owed.cid != cid(250));

		// ... which all get their first attempt, oldest first, and fail.
		let mut served = PINS_AT_ONCE - 1;
		for owed in &batch {
			retries.failed(&owed.cid, start);
		}
		loop {
			let batch = next_batch(&list, &retries, start, PINS_AT_ONCE);
			if batch.is_empty() {
				break;
			}
			for owed in &batch {
				retries.failed(&owed.cid, start);
			}
			served += batch.len();
		}
		assert_eq!(served, 200, "each had one attempt");

		// While they back off, nothing of theirs is due; a CID owed later goes at once.
		list.push(owed(251, 3));
		assert_eq!(seeds(&next_batch(&list, &retries, start, PINS_AT_ONCE)), vec![251]);
		assert_eq!(retries.next_due(), Some(start + FIRST_RETRY));

		// When the back-off is over they are due again, after anything fresh.
		let later = start + FIRST_RETRY;
		let batch = next_batch(&list, &retries, later, PINS_AT_ONCE);
		assert_eq!(seeds(&batch)[0], 251);
		assert_eq!(batch.len(), PINS_AT_ONCE);
	}

	#[test]
	fn back_off_doubles_up_to_the_longest_wait_and_is_forgotten_when_done() {
		let mut retries = Retries::default();
		let now = Instant::now();
		let waits: Vec<Duration> = (0..12)
			.map(|_| {
				retries.failed(&cid(1), now);
				retries.next_due().unwrap() - now
			})
			.collect();
		assert_eq!(waits[0], FIRST_RETRY);
		assert_eq!(waits[1], FIRST_RETRY * 2);
		assert_eq!(waits[2], FIRST_RETRY * 4);
		assert_eq!(*waits.last().unwrap(), LONGEST_RETRY);
		assert_eq!(retries.failures(&cid(1)), 12);

		retries.keep_only(&[owed(2, 1)]);
		assert_eq!(retries.failures(&cid(1)), 0);
		assert!(retries.is_due(&cid(1), now));
	}
}
