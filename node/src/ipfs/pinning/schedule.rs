//! The order the pinner serves owed work in: fair to every CID, whatever an attacker posts.
//!
//! Owed CIDs are served a few at a time ([`PINS_AT_ONCE`]), oldest first (by the block that
//! made them owed, not by CID bytes, which whoever posts chooses). A CID whose pin failed
//! (nobody serves it, the daemon refused) is tried again after a back-off that doubles with
//! each failure ([`FIRST_RETRY`] up to [`LONGEST_RETRY`]), and CIDs never tried go before
//! CIDs being retried. So unavailable CIDs cost each one attempt per back-off period, and
//! never hold up content posted after them for longer than that first attempt: a newly owed
//! CID waits only for the fresh CIDs owed before it, [`PINS_AT_ONCE`] at a time.
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

/// The next work to run: up to `at_once` owed items that are due at `now`, never-failed ones
/// first, then by fewest failures; oldest first within each (`owed` comes oldest first).
pub fn next_batch(owed: &[Owed], retries: &Retries, now: Instant, at_once: usize) -> Vec<Owed> {
	let mut due: Vec<&Owed> = owed.iter().filter(|owed| retries.is_due(&owed.cid, now)).collect();
	// A stable sort keeps the oldest-first order among equal failure counts.
	due.sort_by_key(|owed| retries.failures(&owed.cid));
	due.into_iter().take(at_once).cloned().collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::ipfs::pinning::journal::Want;

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
	fn oldest_first_a_few_at_a_time_whatever_the_cid_bytes() {
		// Owed oldest first, as the journal lists them; CID bytes in the other order.
		let list = [owed(9, 1), owed(5, 2), owed(1, 3)];
		let now = Instant::now();
		assert_eq!(seeds(&next_batch(&list, &Retries::default(), now, 2)), vec![9, 5]);
	}

	#[test]
	fn failed_cids_wait_their_back_off_and_go_after_fresh_ones() {
		// Two hundred CIDs nobody serves, owed before a CID that is available.
		let mut list: Vec<Owed> = (0..200u8).map(|seed| owed(seed, 1)).collect();
		list.push(owed(250, 2));
		let mut retries = Retries::default();
		let start = Instant::now();

		// Every old CID gets its first attempt, PINS_AT_ONCE at a time, and fails.
		let mut served = 0;
		loop {
			let batch = next_batch(&list, &retries, start, PINS_AT_ONCE);
			if batch.iter().any(|owed| owed.cid == cid(250)) {
				break;
			}
			for owed in &batch {
				retries.failed(&owed.cid, start);
			}
			served += batch.len();
		}
		assert_eq!(served, 200, "the available CID waited only for the fresh ones before it");

		// While they back off, nothing of theirs is due; a CID owed later goes at once.
		list.push(owed(251, 3));
		assert_eq!(seeds(&next_batch(&list, &retries, start, PINS_AT_ONCE)), vec![250, 251]);
		assert_eq!(retries.next_due(), Some(start + FIRST_RETRY));

		// When the back-off is over they are due again, after anything fresh.
		let later = start + FIRST_RETRY;
		let batch = next_batch(&list, &retries, later, PINS_AT_ONCE);
		assert_eq!(seeds(&batch)[..2], [250, 251]);
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
