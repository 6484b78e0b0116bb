//! The follower run on a fake chain: a list of blocks and the content changes each one's
//! runtime reports, read into a real journal. No node, no runtime, no IPFS daemon.

use std::cell::RefCell;

use agora_primitives::Cid;
use futures::FutureExt;
use tokio::sync::Notify;

use crate::journal::{Change, PinJournal, Reference, Want};

use super::{metrics::PinMetrics, read_finalized, source::ContentSource, Stalled};

use Change::Released;

/// A reference of unknown size and author.
#[allow(non_snake_case)]
fn Referenced(cid: Cid) -> Change {
	Change::Referenced(cid, Reference::default())
}

/// A chain that holds only what the follower reads: how far it is finalized and what each
/// block's runtime says the block did to the content.
#[derive(Default)]
struct FakeChain {
	/// Blocks 1, 2, ... in order; an `Err` for a block that cannot be read right now.
	blocks: Vec<Result<Vec<Change>, String>>,
	finalized: u32,
	/// Every block number the follower asked about, in order.
	asked: RefCell<Vec<u32>>,
}

impl FakeChain {
	fn push(&mut self, block: Result<Vec<Change>, String>) {
		self.blocks.push(block);
	}

	fn finalize_all(&mut self) {
		self.finalized = self.blocks.len() as u32;
	}
}

impl ContentSource for FakeChain {
	fn finalized_number(&self) -> u32 {
		self.finalized
	}

	fn content_changes(&self, number: u32) -> Result<Vec<Change>, String> {
		self.asked.borrow_mut().push(number);
		let index = number.checked_sub(1).ok_or("genesis is never asked for")? as usize;
		self.blocks.get(index).cloned().ok_or_else(|| format!("no block #{number}"))?
	}
}

/// The fake chain and the follower's own parts, with a journal in a temporary directory.
struct Follower {
	chain: FakeChain,
	journal: PinJournal,
	metrics: PinMetrics,
	work_owed: Notify,
	_dir: tempfile::TempDir,
}

impl Follower {
	fn new() -> Self {
		let dir = tempfile::tempdir().unwrap();
		Self {
			chain: FakeChain::default(),
			journal: PinJournal::open(dir.path(), &[0; 32]).unwrap().0,
			metrics: PinMetrics::new(None).unwrap(),
			work_owed: Notify::new(),
			_dir: dir,
		}
	}

	/// Reads what is finalized and not read yet, as the follower does on each finality
	/// notification; returns the block it stopped at, if any.
	fn read(&self) -> Option<Stalled> {
		read_finalized(&self.chain, &self.journal, &self.metrics, &self.work_owed).unwrap()
	}

	/// Whether the pinner was woken since the last call.
	fn pinner_woken(&self) -> bool {
		self.work_owed.notified().now_or_never().is_some()
	}
}

fn cid(seed: u8) -> Cid {
	let mut bytes = vec![0x01, 0x55, 0x12, 0x20];
	bytes.extend([seed; 32]);
	Cid::parse(&bytes).unwrap()
}

#[test]
fn finalized_blocks_are_read_in_order_into_owed_pins_and_unpins() {
	let mut follower = Follower::new();
	follower.chain.push(Ok(vec![Referenced(cid(1))]));
	follower.chain.push(Ok(vec![Referenced(cid(2)), Released(cid(1))]));
	follower.chain.finalize_all();
	follower.chain.push(Ok(vec![Released(cid(2))]));

	assert!(follower.read().is_none());
	assert_eq!(follower.journal.next_block().unwrap(), Some(3));
	assert_eq!(
		follower.journal.owed().unwrap(),
		vec![(cid(1), Want::Unpinned), (cid(2), Want::Pinned)]
	);
	assert_eq!(follower.metrics.block.get(), 2);
	assert!(follower.pinner_woken());

	follower.chain.finalize_all();
	assert!(follower.read().is_none());
	assert_eq!(follower.journal.next_block().unwrap(), Some(4));
	assert_eq!(
		follower.journal.owed().unwrap(),
		vec![(cid(1), Want::Unpinned), (cid(2), Want::Unpinned)]
	);
	assert!(follower.pinner_woken());
}

#[test]
fn unfinalized_blocks_wait_and_blocks_without_content_wake_nobody() {
	let mut follower = Follower::new();
	follower.chain.push(Ok(Vec::new()));

	assert!(follower.read().is_none());
	assert_eq!(follower.journal.next_block().unwrap(), None);

	follower.chain.finalize_all();
	assert!(follower.read().is_none());
	assert_eq!(follower.journal.next_block().unwrap(), Some(2));
	assert!(follower.journal.owed().unwrap().is_empty());
	assert!(!follower.pinner_woken());
}

#[test]
fn a_block_that_cannot_be_read_stops_the_follower_there_until_it_can() {
	let mut follower = Follower::new();
	follower.chain.push(Ok(vec![Referenced(cid(1))]));
	follower.chain.push(Err("the events do not decode".into()));
	follower.chain.push(Ok(vec![Referenced(cid(3))]));
	follower.chain.finalize_all();

	// Block 2 stops it: block 1 is recorded, block 3 is not even asked about.
	let stalled = follower.read().expect("stalled");
	assert_eq!((stalled.block, stalled.error.as_str()), (2, "the events do not decode"));
	assert_eq!(follower.journal.next_block().unwrap(), Some(2));
	assert_eq!(follower.journal.owed().unwrap(), vec![(cid(1), Want::Pinned)]);
	assert_eq!(*follower.chain.asked.borrow(), vec![1, 2]);

	// Asked again, still unreadable: nothing moves.
	assert_eq!(follower.read().expect("still stalled").block, 2);
	assert_eq!(follower.journal.next_block().unwrap(), Some(2));

	// Once block 2 reads, the follower goes on from exactly there.
	follower.chain.blocks[1] = Ok(vec![Referenced(cid(2))]);
	assert!(follower.read().is_none());
	assert_eq!(follower.journal.next_block().unwrap(), Some(4));
	assert_eq!(
		follower.journal.owed().unwrap(),
		vec![(cid(1), Want::Pinned), (cid(2), Want::Pinned), (cid(3), Want::Pinned)]
	);
	assert_eq!(*follower.chain.asked.borrow(), vec![1, 2, 2, 2, 3]);
}
