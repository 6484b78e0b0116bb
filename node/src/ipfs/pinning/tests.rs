//! The follower run on a fake chain: a list of blocks and the events each one carries, read
//! into a real journal. No node, no runtime, no IPFS daemon.

use agora_primitives::Cid;
use agora_runtime::{
	opaque::{Block, Header},
	AccountId, Hash, RuntimeEvent,
};
use codec::Encode;
use futures::FutureExt;
use sc_client_api::{
	backend::{KeysIter, MerkleValue, PairsIter},
	Backend, ChildInfo, StorageData, StorageKey, StorageProvider,
};
use sp_blockchain::{BlockStatus, HeaderBackend, Info};
use tokio::sync::Notify;

use super::{
	events::events_key,
	journal::{PinJournal, Want},
	metrics::PinMetrics,
	read_finalized,
};

/// The backend type the fake names in its [`StorageProvider`] impl; never instantiated.
type FakeBackend = sc_client_api::in_mem::Backend<Block>;
type FakeState = <FakeBackend as Backend<Block>>::State;

/// A chain that holds only what the follower reads: block hashes, how far it is finalized and
/// the `System::Events` of each block.
#[derive(Default)]
struct FakeChain {
	/// The events of blocks 1, 2, ... in order; `None` for a block whose state is pruned.
	blocks: Vec<Option<Vec<RuntimeEvent>>>,
	finalized: u32,
}

impl FakeChain {
	fn push(&mut self, events: Option<Vec<RuntimeEvent>>) {
		self.blocks.push(events);
	}

	fn finalize_all(&mut self) {
		self.finalized = self.best();
	}

	fn best(&self) -> u32 {
		self.blocks.len() as u32
	}

	fn number_of(&self, hash: Hash) -> Option<u32> {
		(0..=self.best()).find(|number| block_hash(*number) == hash)
	}
}

fn block_hash(number: u32) -> Hash {
	Hash::from_low_u64_be(number.into())
}

fn not_faked() -> sp_blockchain::Error {
	sp_blockchain::Error::Backend("the fake chain keeps only System::Events".into())
}

impl HeaderBackend<Block> for FakeChain {
	fn header(&self, _hash: Hash) -> sp_blockchain::Result<Option<Header>> {
		Ok(None)
	}

	fn info(&self) -> Info<Block> {
		Info {
			best_hash: block_hash(self.best()),
			best_number: self.best(),
			genesis_hash: block_hash(0),
			finalized_hash: block_hash(self.finalized),
			finalized_number: self.finalized,
			finalized_state: None,
			number_leaves: 1,
			block_gap: None,
		}
	}

	fn status(&self, hash: Hash) -> sp_blockchain::Result<BlockStatus> {
		Ok(match self.number_of(hash) {
			Some(_) => BlockStatus::InChain,
			None => BlockStatus::Unknown,
		})
	}

	fn number(&self, hash: Hash) -> sp_blockchain::Result<Option<u32>> {
		Ok(self.number_of(hash))
	}

	fn hash(&self, number: u32) -> sp_blockchain::Result<Option<Hash>> {
		Ok((number <= self.best()).then(|| block_hash(number)))
	}
}

impl StorageProvider<Block, FakeBackend> for FakeChain {
	fn storage(&self, hash: Hash, key: &StorageKey) -> sp_blockchain::Result<Option<StorageData>> {
		assert_eq!(key, &events_key(), "the follower reads nothing but System::Events");
		let number = self
			.number_of(hash)
			.ok_or_else(|| sp_blockchain::Error::UnknownBlock(format!("{hash:?}")))?;
		let Some(block) = number.checked_sub(1).and_then(|index| self.blocks.get(index as usize))
		else {
			// Genesis deposits no events.
			return Ok(None);
		};
		let events = block
			.as_ref()
			.ok_or_else(|| sp_blockchain::Error::Backend(format!("state of #{number} pruned")))?;
		let records: Vec<_> = events
			.iter()
			.map(|event| frame_system::EventRecord {
				phase: frame_system::Phase::ApplyExtrinsic(1),
				event: event.clone(),
				topics: Vec::<Hash>::new(),
			})
			.collect();
		Ok(Some(StorageData(records.encode())))
	}

	fn storage_hash(&self, _: Hash, _: &StorageKey) -> sp_blockchain::Result<Option<Hash>> {
		Err(not_faked())
	}

	fn storage_keys(
		&self,
		_: Hash,
		_: Option<&StorageKey>,
		_: Option<&StorageKey>,
	) -> sp_blockchain::Result<KeysIter<FakeState, Block>> {
		Err(not_faked())
	}

	fn storage_pairs(
		&self,
		_: Hash,
		_: Option<&StorageKey>,
		_: Option<&StorageKey>,
	) -> sp_blockchain::Result<PairsIter<FakeState, Block>> {
		Err(not_faked())
	}

	fn child_storage(
		&self,
		_: Hash,
		_: &ChildInfo,
		_: &StorageKey,
	) -> sp_blockchain::Result<Option<StorageData>> {
		Err(not_faked())
	}

	fn child_storage_keys(
		&self,
		_: Hash,
		_: ChildInfo,
		_: Option<&StorageKey>,
		_: Option<&StorageKey>,
	) -> sp_blockchain::Result<KeysIter<FakeState, Block>> {
		Err(not_faked())
	}

	fn child_storage_hash(
		&self,
		_: Hash,
		_: &ChildInfo,
		_: &StorageKey,
	) -> sp_blockchain::Result<Option<Hash>> {
		Err(not_faked())
	}

	fn closest_merkle_value(
		&self,
		_: Hash,
		_: &StorageKey,
	) -> sp_blockchain::Result<Option<MerkleValue<Hash>>> {
		Err(not_faked())
	}

	fn child_closest_merkle_value(
		&self,
		_: Hash,
		_: &ChildInfo,
		_: &StorageKey,
	) -> sp_blockchain::Result<Option<MerkleValue<Hash>>> {
		Err(not_faked())
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
	/// notification.
	fn read(&self) {
		read_finalized::<_, FakeBackend>(
			&self.chain,
			&self.journal,
			&self.metrics,
			&self.work_owed,
		)
		.unwrap();
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

fn alice() -> AccountId {
	AccountId::new([1; 32])
}

fn profile_created(metadata: Cid) -> RuntimeEvent {
	RuntimeEvent::Profiles(pallet_profiles::Event::ProfileCreated { who: alice(), metadata })
}

fn profile_updated(metadata: Cid, previous: Cid) -> RuntimeEvent {
	RuntimeEvent::Profiles(pallet_profiles::Event::ProfileUpdated {
		who: alice(),
		metadata,
		previous,
	})
}

fn profile_removed(metadata: Cid) -> RuntimeEvent {
	RuntimeEvent::Profiles(pallet_profiles::Event::ProfileRemoved {
		who: alice(),
		metadata,
		handle: None,
	})
}

#[test]
fn finalized_blocks_are_read_in_order_into_owed_pins_and_unpins() {
	let mut follower = Follower::new();
	follower.chain.push(Some(vec![profile_created(cid(1))]));
	follower.chain.push(Some(vec![profile_updated(cid(2), cid(1))]));
	follower.chain.finalize_all();
	follower.chain.push(Some(vec![profile_removed(cid(2))]));

	follower.read();
	assert_eq!(follower.journal.next_block().unwrap(), Some(3));
	assert_eq!(
		follower.journal.owed().unwrap(),
		vec![(cid(1), Want::Unpinned), (cid(2), Want::Pinned)]
	);
	assert_eq!(follower.metrics.block.get(), 2);
	assert!(follower.pinner_woken());

	follower.chain.finalize_all();
	follower.read();
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
	follower.chain.push(Some(Vec::new()));

	follower.read();
	assert_eq!(follower.journal.next_block().unwrap(), None);

	follower.chain.finalize_all();
	follower.read();
	assert_eq!(follower.journal.next_block().unwrap(), Some(2));
	assert!(follower.journal.owed().unwrap().is_empty());
	assert!(!follower.pinner_woken());
}

#[test]
fn a_block_whose_state_is_pruned_is_skipped_and_the_next_ones_are_read() {
	let mut follower = Follower::new();
	follower.chain.push(None);
	follower.chain.push(Some(vec![profile_created(cid(3))]));
	follower.chain.finalize_all();

	follower.read();
	assert_eq!(follower.journal.next_block().unwrap(), Some(3));
	assert_eq!(follower.journal.owed().unwrap(), vec![(cid(3), Want::Pinned)]);
}
