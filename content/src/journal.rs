//! The content service's memory, kept in a RocksDB database under the node's base path: what
//! the pinning follower has read and owes, and the uploads this node pinned.
//!
//! It holds three things that must move together: the next finalized block to read, how many
//! live on-chain references each CID has, and the pins and unpins still owed to the daemon
//! (with, for a pin, the size its author declared and who the author is). Each block is
//! recorded in one atomic write, so a node killed at any moment resumes exactly where it
//! stopped, and owed work survives restarts until the daemon has done it.
//!
//! It also records the pins the follower refused and why (larger than declared, larger than
//! the node's bound), and the uploads this node pinned and when, so uploads no post references
//! within `--ipfs-upload-ttl` are unpinned again.
//!
//! The journal also remembers which pins the follower made itself ("ours"). IPFS pins carry no
//! owner: a CID may already be pinned by an upload (`content_add`) or by the operator. The
//! follower takes such a pin as it finds it, never claims it, and so never removes it; it
//! unpins only what it pinned.
//!
//! References are counted because two posts may carry the same body (the same bytes have the
//! same CID): deleting one must not unpin the other's body. A CID is pinned when its count
//! leaves zero and unpinned when it returns there. Owed work is keyed by CID, so a later want
//! replaces an earlier one (pin then unpin before the daemon saw either: only the unpin runs),
//! and remembers the block that made it owed, so the pinner can serve the oldest first.

use std::{
	collections::BTreeMap,
	io,
	path::Path,
	sync::Mutex,
	time::{SystemTime, UNIX_EPOCH},
};

use agora_primitives::Cid;
use codec::{Decode, Encode};
use kvdb::DBTransaction;
use kvdb_rocksdb::{Database, DatabaseConfig};

use crate::store::UploadLog;

const COL_META: u32 = 0;
const COL_REFS: u32 = 1;
const COL_OWED: u32 = 2;
const COL_OURS: u32 = 3;
const COL_REFUSED: u32 = 4;
const COL_UPLOADS: u32 = 5;
const COLUMNS: u32 = 6;
const NEXT_BLOCK: &[u8] = b"next_block";
const GENESIS: &[u8] = b"genesis";

/// What the daemon should do with a CID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum Want {
	/// Pin it: the chain references it.
	Pinned,
	/// Unpin it: nothing on chain references it any more.
	Unpinned,
}

/// Who referenced a CID and how large they said it is, as the chain reported it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct Reference {
	/// The size of the content in bytes, as its author declared it (`None`: a runtime from
	/// before declared sizes, or a journal entry written before them).
	pub declared: Option<u32>,
	/// The author's account, encoded (`None`: likewise unknown).
	pub by: Option<Vec<u8>>,
}

/// One change a block made to the content the chain uses, as the follower records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
	/// Something started using the CID.
	Referenced(Cid, Reference),
	/// Something stopped using it.
	Released(Cid),
}

/// A pin or unpin owed to the daemon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owed {
	/// The CID.
	pub cid: Cid,
	/// What the daemon should do with it.
	pub want: Want,
	/// The block that made it owed (0 in journals written before blocks were recorded).
	pub since: u32,
	/// For a pin: the reference that made it owed (empty for unpins and old entries).
	pub reference: Reference,
}

/// Why the follower did not pin a CID the chain references.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum Refusal {
	/// Its DAG is larger than the size its author declared.
	LargerThanDeclared,
	/// Its DAG is larger than this node's bound (`--ipfs-pin-max-bytes`).
	OverNodeBound,
}

/// The persisted state of the pinning follower.
pub struct PinJournal {
	db: Database,
	/// Serialises read-modify-write cycles between the follower and the pinner.
	write: Mutex<()>,
}

/// Opens (or creates) the content journal in `<chain_dir>/ipfs-pinning` for the chain whose
/// genesis block hash is `genesis`, warning when it belonged to another chain (see
/// [`PinJournal::open`]).
pub fn open(chain_dir: &Path, genesis: &[u8]) -> Result<PinJournal, String> {
	let path = chain_dir.join("ipfs-pinning");
	let (journal, other_chain) = PinJournal::open(&path, genesis)
		.map_err(|e| format!("cannot open the content journal at {}: {e}", path.display()))?;
	if other_chain {
		log::warn!(
			target: "ipfs",
			"📌 The content journal at {} belonged to another chain: starting afresh",
			path.display()
		);
	}
	Ok(journal)
}

/// Opens the database, adding the columns a journal written by an earlier node lacks: the
/// refusals and uploads (empty to start with) and, before those, the follower's own pins
/// ([`open_with_ours_column`]).
fn open_with_every_column(path: &Path) -> io::Result<Database> {
	if let Ok(db) = Database::open(&DatabaseConfig::with_columns(COLUMNS), path) {
		return Ok(db);
	}
	let mut db = match Database::open(&DatabaseConfig::with_columns(COL_REFUSED), path) {
		Ok(db) => db,
		Err(_) => open_with_ours_column(path)?,
	};
	for _ in COL_REFUSED..COLUMNS {
		db.add_column()?;
	}
	Ok(db)
}

/// Opens a journal written before the column of the follower's own pins existed, adding it.
/// Such a journal's follower pinned every CID it counts a reference for and every pin it still
/// owes: those are claimed, so they are unpinned when the chain lets go.
fn open_with_ours_column(path: &Path) -> io::Result<Database> {
	let mut db = Database::open(&DatabaseConfig::with_columns(COL_OURS), path)?;
	db.add_column()?;
	let mut tx = DBTransaction::new();
	for entry in db.iter(COL_REFS) {
		tx.put(COL_OURS, &entry?.0, &[]);
	}
	for entry in db.iter(COL_OWED) {
		let (key, want) = entry?;
		if Want::decode(&mut &want[..]).map_err(|_| corrupt("want"))? == Want::Pinned {
			tx.put(COL_OURS, &key, &[]);
		}
	}
	db.write(tx)?;
	Ok(db)
}

fn corrupt(what: &str) -> io::Error {
	io::Error::new(io::ErrorKind::InvalidData, format!("pinning journal: corrupt {what}"))
}

impl PinJournal {
	/// Opens (or creates) the journal in the directory `path` for the chain whose genesis block
	/// hash is `genesis`. A journal kept for another chain (the directory outlived a
	/// `purge-chain`, or a new chain took the old one's name) is emptied first, except for the
	/// follower's own pins and the uploads: its block numbers, counts and refusals say nothing
	/// about this chain. Returns whether that happened.
	pub fn open(path: &Path, genesis: &[u8]) -> io::Result<(Self, bool)> {
		std::fs::create_dir_all(path)?;
		let db = open_with_every_column(path)?;
		let recorded = db.get(COL_META, GENESIS)?;
		let other_chain = recorded.as_deref().is_some_and(|recorded| recorded != genesis);
		if recorded.as_deref() != Some(genesis) {
			// The pins this follower made stay its own whatever chain it follows: they are on
			// this node's daemon, and only the follower may remove them.
			let mut tx = DBTransaction::new();
			for column in [COL_META, COL_REFS, COL_OWED, COL_REFUSED] {
				tx.delete_prefix(column, &[]);
			}
			tx.put(COL_META, GENESIS, genesis);
			db.write(tx)?;
		}
		Ok((Self { db, write: Mutex::new(()) }, other_chain))
	}

	/// The next finalized block to read; `None` for a new journal.
	pub fn next_block(&self) -> io::Result<Option<u32>> {
		self.db
			.get(COL_META, NEXT_BLOCK)?
			.map(|bytes| u32::decode(&mut &bytes[..]).map_err(|_| corrupt("block number")))
			.transpose()
	}

	/// Records that block `number` made `changes`, and that the next block to read is the one
	/// after it. Returns how many pins or unpins this made owed.
	pub fn record_block(&self, number: u32, changes: &[Change]) -> io::Result<usize> {
		let _guard = self.write.lock().map_err(|_| corrupt("lock"))?;
		let mut counts = BTreeMap::<Vec<u8>, u32>::new();
		let mut owed = BTreeMap::<Vec<u8>, (Want, Reference)>::new();
		for change in changes {
			let (cid, reference) = match change {
				Change::Referenced(cid, reference) => (cid, Some(reference)),
				Change::Released(cid) => (cid, None),
			};
			let referenced = reference.is_some();
			let key = cid.as_bytes().to_vec();
			let count = match counts.get(&key) {
				Some(count) => *count,
				None => self.reference_count(&key)?,
			};
			let new_count = if referenced {
				count.saturating_add(1)
			} else if count == 0 {
				// A reference made before the follower started: it never pinned the CID,
				// so it does not unpin it either.
				continue;
			} else {
				count - 1
			};
			match (count, new_count) {
				(0, _) => {
					owed.insert(
						key.clone(),
						(Want::Pinned, reference.cloned().unwrap_or_default()),
					);
				},
				(_, 0) => {
					owed.insert(key.clone(), (Want::Unpinned, Reference::default()));
				},
				_ => {},
			}
			counts.insert(key, new_count);
		}

		let mut tx = DBTransaction::new();
		for (key, count) in &counts {
			match count {
				0 => tx.delete(COL_REFS, key),
				_ => tx.put(COL_REFS, key, &count.encode()),
			}
		}
		for (key, (want, reference)) in &owed {
			tx.put(COL_OWED, key, &(want, number, reference).encode());
		}
		tx.put(COL_META, NEXT_BLOCK, &number.saturating_add(1).encode());
		self.db.write(tx)?;
		Ok(owed.len())
	}

	/// How many live on-chain references the follower has seen for `cid`.
	#[cfg(test)]
	pub fn references(&self, cid: &Cid) -> io::Result<u32> {
		self.reference_count(cid.as_bytes())
	}

	fn reference_count(&self, key: &[u8]) -> io::Result<u32> {
		self.db
			.get(COL_REFS, key)?
			.map(|bytes| u32::decode(&mut &bytes[..]).map_err(|_| corrupt("reference count")))
			.transpose()
			.map(Option::unwrap_or_default)
	}

	/// The pins and unpins still owed to the daemon, oldest first (by the block that made
	/// each owed; by CID within a block).
	pub fn owed_oldest_first(&self) -> io::Result<Vec<Owed>> {
		let mut owed = self
			.db
			.iter(COL_OWED)
			.map(|entry| {
				let (key, value) = entry?;
				let cid = Cid::parse(&key).map_err(|_| corrupt("CID"))?;
				let mut value = &value[..];
				let want = Want::decode(&mut value).map_err(|_| corrupt("want"))?;
				// Journals written before blocks were recorded hold the want alone, and those
				// written before references were recorded the want and the block.
				let since = match value.is_empty() {
					true => 0,
					false => u32::decode(&mut value).map_err(|_| corrupt("owed since"))?,
				};
				let reference = match value.is_empty() {
					true => Reference::default(),
					false => Reference::decode(&mut value).map_err(|_| corrupt("reference"))?,
				};
				Ok(Owed { cid, want, since, reference })
			})
			.collect::<io::Result<Vec<_>>>()?;
		owed.sort_by(|a, b| (a.since, a.cid.as_bytes()).cmp(&(b.since, b.cid.as_bytes())));
		Ok(owed)
	}

	/// The pins and unpins still owed, by CID.
	#[cfg(test)]
	pub fn owed(&self) -> io::Result<Vec<(Cid, Want)>> {
		let mut owed: Vec<_> =
			self.owed_oldest_first()?.into_iter().map(|owed| (owed.cid, owed.want)).collect();
		owed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
		Ok(owed)
	}

	/// Whether the follower pinned `cid` itself (see the module docs).
	pub fn is_ours(&self, cid: &Cid) -> io::Result<bool> {
		Ok(self.db.get(COL_OURS, cid.as_bytes())?.is_some())
	}

	/// Records that the follower is about to pin `cid` itself. Written before the pin is
	/// asked for, so a crash in between leaves a pin the follower still knows is its own.
	pub fn claim(&self, cid: &Cid) -> io::Result<()> {
		let mut tx = DBTransaction::new();
		tx.put(COL_OURS, cid.as_bytes(), &[]);
		self.db.write(tx)
	}

	/// Records that the follower's own pin on `cid` is gone.
	pub fn disown(&self, cid: &Cid) -> io::Result<()> {
		let mut tx = DBTransaction::new();
		tx.delete(COL_OURS, cid.as_bytes());
		self.db.write(tx)
	}

	/// Records that the follower did not pin `cid`, and why.
	pub fn refuse(&self, cid: &Cid, refusal: Refusal) -> io::Result<()> {
		let mut tx = DBTransaction::new();
		tx.put(COL_REFUSED, cid.as_bytes(), &refusal.encode());
		self.db.write(tx)
	}

	/// Why the follower did not pin `cid`, if it refused it.
	pub fn refusal(&self, cid: &Cid) -> io::Result<Option<Refusal>> {
		self.db
			.get(COL_REFUSED, cid.as_bytes())?
			.map(|bytes| Refusal::decode(&mut &bytes[..]).map_err(|_| corrupt("refusal")))
			.transpose()
	}

	/// Records that this node pinned `cid` as an upload at `at` (seconds since the epoch).
	pub fn record_upload(&self, cid: &Cid, at: u64) -> io::Result<()> {
		let mut tx = DBTransaction::new();
		tx.put(COL_UPLOADS, cid.as_bytes(), &at.encode());
		self.db.write(tx)
	}

	/// Whether `cid` is an upload this node pinned and has not let go of yet.
	pub fn is_upload(&self, cid: &Cid) -> io::Result<bool> {
		Ok(self.db.get(COL_UPLOADS, cid.as_bytes())?.is_some())
	}

	/// The uploads pinned at `deadline` or before (seconds since the epoch) that the chain
	/// does not reference (as far as the follower has read it).
	pub fn stale_uploads(&self, deadline: u64) -> io::Result<Vec<Cid>> {
		let mut stale = Vec::new();
		for entry in self.db.iter(COL_UPLOADS) {
			let (key, value) = entry?;
			let at = u64::decode(&mut &value[..]).map_err(|_| corrupt("upload time"))?;
			if at <= deadline && self.reference_count(&key)? == 0 {
				stale.push(Cid::parse(&key).map_err(|_| corrupt("CID"))?);
			}
		}
		Ok(stale)
	}

	/// Forgets the upload `cid`: unpinned, or taken over by the follower for the chain.
	pub fn forget_upload(&self, cid: &Cid) -> io::Result<()> {
		let mut tx = DBTransaction::new();
		tx.delete(COL_UPLOADS, cid.as_bytes());
		self.db.write(tx)
	}

	/// Marks `want` for `cid` as done, unless a newer block has changed what is owed meanwhile.
	pub fn settle(&self, cid: &Cid, want: Want) -> io::Result<()> {
		let _guard = self.write.lock().map_err(|_| corrupt("lock"))?;
		let key = cid.as_bytes();
		let owed = self.db.get(COL_OWED, key)?;
		if owed.as_deref().and_then(|mut value| Want::decode(&mut value).ok()) == Some(want) {
			let mut tx = DBTransaction::new();
			tx.delete(COL_OWED, key);
			self.db.write(tx)?;
		}
		Ok(())
	}
}

/// Uploads are recorded with the time they were pinned.
impl UploadLog for PinJournal {
	fn uploaded(&self, cid: &Cid) {
		let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs());
		if let Err(error) = self.record_upload(cid, now) {
			log::warn!(
				target: "ipfs",
				"Cannot record the upload {}: {error}; it stays pinned",
				cid.to_text()
			);
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use Change::Released;

	/// A reference of unknown size and author.
	#[allow(non_snake_case)]
	fn Referenced(cid: Cid) -> Change {
		Change::Referenced(cid, Reference::default())
	}

	fn cid(seed: u8) -> Cid {
		let mut bytes = vec![0x01, 0x55, 0x12, 0x20];
		bytes.extend([seed; 32]);
		Cid::parse(&bytes).unwrap()
	}

	const GENESIS_A: &[u8] = &[0xaa; 32];
	const GENESIS_B: &[u8] = &[0xbb; 32];

	fn open(dir: &tempfile::TempDir) -> PinJournal {
		PinJournal::open(dir.path(), GENESIS_A).unwrap().0
	}

	#[test]
	fn owed_work_comes_oldest_first_and_entries_of_old_journals_first_of_all() {
		let dir = tempfile::tempdir().unwrap();
		let journal = open(&dir);
		journal.record_block(3, &[Referenced(cid(9)), Referenced(cid(8))]).unwrap();
		journal.record_block(4, &[Referenced(cid(1))]).unwrap();
		// An entry as journals wrote them before blocks were recorded: the want alone.
		let mut tx = DBTransaction::new();
		tx.put(COL_OWED, cid(5).as_bytes(), &Want::Unpinned.encode());
		journal.db.write(tx).unwrap();

		let owed = journal.owed_oldest_first().unwrap();
		let order: Vec<_> = owed.iter().map(|owed| (owed.cid.clone(), owed.since)).collect();
		assert_eq!(order, vec![(cid(5), 0), (cid(8), 3), (cid(9), 3), (cid(1), 4)]);
		assert_eq!(owed[0].want, Want::Unpinned);
		// Settling works on both forms.
		journal.settle(&cid(5), Want::Unpinned).unwrap();
		journal.settle(&cid(9), Want::Pinned).unwrap();
		assert_eq!(journal.owed().unwrap(), vec![(cid(1), Want::Pinned), (cid(8), Want::Pinned)]);
	}

	#[test]
	fn a_journal_of_another_chain_starts_afresh() {
		let dir = tempfile::tempdir().unwrap();
		{
			let journal = open(&dir);
			journal.record_block(7, &[Referenced(cid(1))]).unwrap();
		}
		// The same chain again: everything is still there.
		{
			let (journal, reset) = PinJournal::open(dir.path(), GENESIS_A).unwrap();
			assert!(!reset);
			assert_eq!(journal.next_block().unwrap(), Some(8));
			assert_eq!(journal.references(&cid(1)).unwrap(), 1);
		}
		// Another genesis: nothing of the old chain is read against the new one.
		let (journal, reset) = PinJournal::open(dir.path(), GENESIS_B).unwrap();
		assert!(reset);
		assert_eq!(journal.next_block().unwrap(), None);
		assert_eq!(journal.references(&cid(1)).unwrap(), 0);
		assert!(journal.owed().unwrap().is_empty());
	}

	#[test]
	fn a_new_journal_starts_nowhere_with_nothing_owed() {
		let dir = tempfile::tempdir().unwrap();
		let journal = open(&dir);
		assert_eq!(journal.next_block().unwrap(), None);
		assert!(journal.owed().unwrap().is_empty());
	}

	#[test]
	fn first_reference_owes_a_pin_and_last_release_an_unpin() {
		let dir = tempfile::tempdir().unwrap();
		let journal = open(&dir);
		assert_eq!(journal.record_block(1, &[Referenced(cid(1))]).unwrap(), 1);
		assert_eq!(journal.owed().unwrap(), vec![(cid(1), Want::Pinned)]);
		journal.settle(&cid(1), Want::Pinned).unwrap();
		assert!(journal.owed().unwrap().is_empty());

		assert_eq!(journal.record_block(2, &[Released(cid(1))]).unwrap(), 1);
		assert_eq!(journal.owed().unwrap(), vec![(cid(1), Want::Unpinned)]);
		assert_eq!(journal.references(&cid(1)).unwrap(), 0);
		assert_eq!(journal.next_block().unwrap(), Some(3));
	}

	#[test]
	fn a_body_shared_by_two_posts_stays_pinned_until_both_let_go() {
		let dir = tempfile::tempdir().unwrap();
		let journal = open(&dir);
		journal.record_block(1, &[Referenced(cid(7)), Referenced(cid(7))]).unwrap();
		journal.settle(&cid(7), Want::Pinned).unwrap();
		assert_eq!(journal.references(&cid(7)).unwrap(), 2);

		assert_eq!(journal.record_block(2, &[Released(cid(7))]).unwrap(), 0);
		assert!(journal.owed().unwrap().is_empty());
		assert_eq!(journal.record_block(3, &[Released(cid(7))]).unwrap(), 1);
		assert_eq!(journal.owed().unwrap(), vec![(cid(7), Want::Unpinned)]);
	}

	#[test]
	fn a_later_want_replaces_an_earlier_one_and_settling_the_old_one_keeps_it() {
		let dir = tempfile::tempdir().unwrap();
		let journal = open(&dir);
		journal.record_block(1, &[Referenced(cid(2))]).unwrap();
		journal.record_block(2, &[Released(cid(2))]).unwrap();
		assert_eq!(journal.owed().unwrap(), vec![(cid(2), Want::Unpinned)]);
		// The pinner finishing the stale pin must not drop the newer unpin.
		journal.settle(&cid(2), Want::Pinned).unwrap();
		assert_eq!(journal.owed().unwrap(), vec![(cid(2), Want::Unpinned)]);
	}

	#[test]
	fn a_release_of_a_reference_from_before_the_follower_is_ignored() {
		let dir = tempfile::tempdir().unwrap();
		let journal = open(&dir);
		assert_eq!(journal.record_block(5, &[Released(cid(3))]).unwrap(), 0);
		assert!(journal.owed().unwrap().is_empty());
		assert_eq!(journal.next_block().unwrap(), Some(6));
	}

	#[test]
	fn a_create_and_delete_in_one_block_owes_only_an_unpin_and_claims_nothing() {
		let dir = tempfile::tempdir().unwrap();
		let journal = open(&dir);
		journal.record_block(1, &[Referenced(cid(6)), Released(cid(6))]).unwrap();
		assert_eq!(journal.owed().unwrap(), vec![(cid(6), Want::Unpinned)]);
		// The follower never pinned it: the pinner leaves whatever pin the daemon has alone.
		assert!(!journal.is_ours(&cid(6)).unwrap());
	}

	#[test]
	fn ownership_of_pins_is_kept_until_disowned_and_survives_a_reopen() {
		let dir = tempfile::tempdir().unwrap();
		{
			let journal = open(&dir);
			journal.claim(&cid(8)).unwrap();
			assert!(journal.is_ours(&cid(8)).unwrap());
		}
		let journal = open(&dir);
		assert!(journal.is_ours(&cid(8)).unwrap());
		journal.disown(&cid(8)).unwrap();
		assert!(!journal.is_ours(&cid(8)).unwrap());
	}

	#[test]
	fn a_journal_from_before_pin_ownership_claims_what_its_follower_pinned() {
		let dir = tempfile::tempdir().unwrap();
		{
			// The three columns of the earlier journal, as that follower left them.
			let db = Database::open(&DatabaseConfig::with_columns(3), dir.path()).unwrap();
			let mut tx = DBTransaction::new();
			tx.put(COL_META, GENESIS, GENESIS_A);
			tx.put(COL_META, NEXT_BLOCK, &5u32.encode());
			tx.put(COL_REFS, cid(1).as_bytes(), &1u32.encode());
			tx.put(COL_OWED, cid(2).as_bytes(), &Want::Pinned.encode());
			tx.put(COL_OWED, cid(3).as_bytes(), &Want::Unpinned.encode());
			db.write(tx).unwrap();
		}
		let (journal, reset) = PinJournal::open(dir.path(), GENESIS_A).unwrap();
		assert!(!reset);
		assert_eq!(journal.next_block().unwrap(), Some(5));
		assert!(journal.is_ours(&cid(1)).unwrap(), "referenced: the old follower pinned it");
		assert!(journal.is_ours(&cid(2)).unwrap(), "a pin it owed");
		assert!(!journal.is_ours(&cid(3)).unwrap());
		drop(journal);
		// And it opens as a current journal from then on.
		assert!(PinJournal::open(dir.path(), GENESIS_A).unwrap().0.is_ours(&cid(1)).unwrap());
	}

	#[test]
	fn an_owed_pin_keeps_its_reference_and_older_entries_read_without_one() {
		let dir = tempfile::tempdir().unwrap();
		let journal = open(&dir);
		let reference = Reference { declared: Some(300), by: Some(vec![7; 32]) };
		journal.record_block(2, &[Change::Referenced(cid(1), reference.clone())]).unwrap();
		let mut tx = DBTransaction::new();
		tx.put(COL_OWED, cid(2).as_bytes(), &(Want::Pinned, 1u32).encode());
		journal.db.write(tx).unwrap();
		let owed = journal.owed_oldest_first().unwrap();
		assert_eq!(
			(owed[0].cid.clone(), owed[0].reference.clone()),
			(cid(2), Reference::default())
		);
		assert_eq!((owed[1].cid.clone(), owed[1].reference.clone()), (cid(1), reference));
	}

	#[test]
	fn refusals_and_uploads_are_remembered_and_referenced_uploads_are_not_stale() {
		let dir = tempfile::tempdir().unwrap();
		{
			let journal = open(&dir);
			journal.refuse(&cid(1), Refusal::LargerThanDeclared).unwrap();
			journal.record_upload(&cid(2), 100).unwrap();
			journal.record_upload(&cid(3), 100).unwrap();
			journal.record_upload(&cid(4), 500).unwrap();
			journal.record_block(1, &[Referenced(cid(3))]).unwrap();
		}
		let journal = open(&dir);
		assert_eq!(journal.refusal(&cid(1)).unwrap(), Some(Refusal::LargerThanDeclared));
		assert_eq!(journal.refusal(&cid(2)).unwrap(), None);
		// Uploaded at 100 or before, and referenced by nothing: only cid(2).
		assert_eq!(journal.stale_uploads(100).unwrap(), vec![cid(2)]);
		journal.forget_upload(&cid(2)).unwrap();
		assert!(!journal.is_upload(&cid(2)).unwrap());
		assert!(journal.is_upload(&cid(4)).unwrap());
		assert!(journal.stale_uploads(100).unwrap().is_empty());
	}

	#[test]
	fn a_journal_of_four_columns_gains_the_refusals_and_uploads() {
		let dir = tempfile::tempdir().unwrap();
		{
			let db = Database::open(&DatabaseConfig::with_columns(4), dir.path()).unwrap();
			let mut tx = DBTransaction::new();
			tx.put(COL_META, GENESIS, GENESIS_A);
			tx.put(COL_OURS, cid(1).as_bytes(), &[]);
			db.write(tx).unwrap();
		}
		let journal = open(&dir);
		assert!(journal.is_ours(&cid(1)).unwrap());
		journal.record_upload(&cid(2), 1).unwrap();
		assert!(journal.is_upload(&cid(2)).unwrap());
	}

	#[test]
	fn the_followers_own_pins_stay_its_own_on_another_chain() {
		let dir = tempfile::tempdir().unwrap();
		PinJournal::open(dir.path(), GENESIS_A).unwrap().0.claim(&cid(4)).unwrap();
		let (journal, reset) = PinJournal::open(dir.path(), GENESIS_B).unwrap();
		assert!(reset);
		assert!(journal.is_ours(&cid(4)).unwrap());
	}

	#[test]
	fn everything_survives_a_reopen() {
		let dir = tempfile::tempdir().unwrap();
		{
			let journal = open(&dir);
			journal.record_block(9, &[Referenced(cid(4)), Referenced(cid(5))]).unwrap();
			journal.settle(&cid(4), Want::Pinned).unwrap();
		}
		let journal = open(&dir);
		assert_eq!(journal.next_block().unwrap(), Some(10));
		assert_eq!(journal.owed().unwrap(), vec![(cid(5), Want::Pinned)]);
		assert_eq!(journal.references(&cid(4)).unwrap(), 1);
	}
}
