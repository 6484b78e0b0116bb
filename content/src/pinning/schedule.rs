//! The order the pinner serves owed work in: fair to every author, whatever an attacker posts.
//!
//! Owed CIDs are served a few at a time ([`PINS_AT_ONCE`]), the places of each batch shared
//! across the authors who referenced them (the chain reports who did): one CID of each author
//! in turn, authors in the order of their oldest due CID. Within an author, CIDs never tried
//! go before CIDs being retried, and oldest first (by the block that made them owed, not by
//! CID bytes, which whoever posts chooses). Unpins, and pins whose author the chain did not
//! report (blocks of an older runtime), form groups of their own. A CID whose pin failed
//! (nobody serves it, the daemon refused) is tried again after a back-off that doubles with
//! each failure ([`FIRST_RETRY`] up to [`LONGEST_RETRY`]).
//!
//! So one author's unavailable CIDs, however many, take one place per batch while others are
//! owed: another author's post goes into the next batch, after at most the one running, each
//! of whose first attempts ends within the short first probe (`FIRST_PROBE`).
//!
//! Back-off is kept in memory: after a restart every owed CID is fresh again. A daemon that
//! is unreachable is not the CID's fault: such attempts do not count.

use std::{
	collections::{BTreeMap, BTreeSet, VecDeque},
	time::{Duration, Instant},
};

use agora_primitives::Cid;

use crate::journal::{Owed, Want};

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

/// The next work to run: up to `at_once` owed items that are due at `now`, one of each group
/// in turn (see the module docs). `owed` comes oldest first.
pub fn next_batch(owed: &[Owed], retries: &Retries, now: Instant, at_once: usize) -> Vec<Owed> {
	let mut due: Vec<&Owed> = owed.iter().filter(|owed| retries.is_due(&owed.cid, now)).collect();
	// A stable sort keeps the oldest-first order among equal failure counts.
	due.sort_by_key(|owed| retries.failures(&owed.cid));
	// Groups in the order their first item comes in, each keeping the order of service.
	let mut groups: Vec<VecDeque<&Owed>> = Vec::new();
	let mut group_of: BTreeMap<(bool, Option<&[u8]>), usize> = BTreeMap::new();
	for owed in due {
		let key = (owed.want == Want::Unpinned, owed.reference.by.as_deref());
		let index = *group_of.entry(key).or_insert_with(|| {
			groups.push(VecDeque::new());
			groups.len() - 1
		});
		groups[index].push_back(owed);
	}
	let mut batch = Vec::with_capacity(at_once);
	while batch.len() < at_once && groups.iter().any(|group| !group.is_empty()) {
		for group in groups.iter_mut() {
			if batch.len() == at_once {
				break;
			}
			if let Some(owed) = group.pop_front() {
				batch.push(owed.clone());
			}
		}
	}
	batch
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::journal::Reference;

	fn cid(seed: u8) -> Cid {
		let mut bytes = vec![0x01, 0x55, 0x12, 0x20];
		bytes.extend([seed; 32]);
		Cid::parse(&bytes).unwrap()
	}

	/// A pin of CID `seed`, owed since block `since`, referenced by `author`.
	fn pin(seed: u8, since: u32, author: u8) -> Owed {
		let reference = Reference { declared: Some(100), by: Some(vec![author; 32]) };
		Owed { cid: cid(seed), want: Want::Pinned, since, reference }
	}

	fn owed(seed: u8, since: u32) -> Owed {
		Owed { cid: cid(seed), want: Want::Pinned, since, reference: Reference::default() }
	}

	fn seeds(batch: &[Owed]) -> Vec<u8> {
		batch.iter().map(|owed| owed.cid.as_bytes()[4]).collect()
	}

	#[test]
	fn one_place_per_author_in_turn_oldest_first_whatever_the_cid_bytes() {
		// Owed oldest first, as the journal lists them; CID bytes in the other order.
		let list = [pin(9, 1, 0xa), pin(7, 2, 0xa), pin(5, 3, 0xa), pin(3, 4, 0xb), pin(1, 5, 0xc)];
		let now = Instant::now();
		let none = Retries::default();
		assert_eq!(seeds(&next_batch(&list, &none, now, 1)), vec![9]);
		assert_eq!(seeds(&next_batch(&list, &none, now, 3)), vec![9, 3, 1], "one each");
		assert_eq!(seeds(&next_batch(&list, &none, now, 4)), vec![9, 3, 1, 7]);
		assert_eq!(seeds(&next_batch(&list, &none, now, 8)), vec![9, 3, 1, 7, 5]);
		// Without authors (an older runtime's blocks), one group: oldest first.
		let anonymous = [owed(9, 1), owed(7, 2), owed(5, 3)];
		assert_eq!(seeds(&next_batch(&anonymous, &none, now, 2)), vec![9, 7]);
	}

	#[test]
	fn one_authors_unavailable_cids_take_one_place_and_anothers_post_goes_at_once() {
		// Author A referenced two hundred CIDs nobody serves, before author B's post.
		let mut list: Vec<Owed> = (0..200u8).map(|seed| pin(seed, 1, 0xa)).collect();
		list.push(pin(250, 2, 0xb));
		let mut retries = Retries::default();
		let start = Instant::now();

		let batch = next_batch(&list, &retries, start, PINS_AT_ONCE);
		assert_eq!(batch.len(), PINS_AT_ONCE);
		assert_eq!(seeds(&batch)[..2], [0, 250], "B's post is in the first batch, next to A's");
		list.retain(|owed| owed.cid != cid(250));

		// A's all get their first attempt, a batch at a time, and fail.
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

		// While they back off, B's next post goes at once, alone; after the back-off, B's
		// fresh post still goes first, one place, and A's retries fill the rest.
		list.push(pin(251, 3, 0xb));
		assert_eq!(seeds(&next_batch(&list, &retries, start, PINS_AT_ONCE)), vec![251]);
		assert_eq!(retries.next_due(), Some(start + FIRST_RETRY));
		let batch = next_batch(&list, &retries, start + FIRST_RETRY, PINS_AT_ONCE);
		assert_eq!(seeds(&batch)[0], 251);
		assert_eq!(batch.len(), PINS_AT_ONCE);
	}

	#[test]
	fn unpins_are_a_group_of_their_own() {
		let unpin = Owed { want: Want::Unpinned, ..owed(4, 1) };
		let list = [pin(1, 1, 0xa), pin(2, 1, 0xa), unpin, pin(3, 2, 0xa)];
		let batch = next_batch(&list, &Retries::default(), Instant::now(), 2);
		assert_eq!(seeds(&batch), vec![1, 4]);
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
