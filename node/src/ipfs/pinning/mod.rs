//! The pinning follower: keeps every CID the finalized chain uses pinned on this node's IPFS
//! daemon, and unpins what edits and deletes release.
//!
//! Two tasks share a [`PinJournal`]:
//! - the *follower* reads each finalized block's events in order and records, in one atomic
//!   write per block, which CIDs gained or lost their last reference and so are owed a pin or
//!   an unpin;
//! - the *pinner* works through what is owed, settling each item only once the daemon has
//!   done it. While the daemon is down nothing is lost: the work waits in the journal and is
//!   retried every few seconds, across node restarts too. It unpins only what it pinned
//!   itself: a CID an upload or the operator had pinned before the chain used it keeps its
//!   pin whatever the chain does (see [`journal`]).
//!
//! The follower starts at block 1 on a new journal. Blocks whose state the node has pruned
//! cannot be read (run with `--state-pruning archive` to pin a chain's whole history).
//!
//! The follower reads the chain through the client traits it needs (finalized hashes, storage,
//! finality notifications), not a concrete client, so the tests run it on a fake chain.

mod events;
mod journal;
mod metrics;
#[cfg(test)]
mod tests;

use std::{sync::Arc, time::Duration};

use agora_primitives::Cid;
use agora_runtime::opaque::Block;
use futures::StreamExt;
use log::{debug, info, warn};
use sc_client_api::{Backend, BlockchainEvents, StorageProvider};
use sc_service::{Configuration, TaskManager};
use sp_blockchain::HeaderBackend;
use tokio::sync::Notify;

use events::{block_events, content_changes};
use journal::{PinJournal, Want};
use metrics::PinMetrics;

use super::store::{ContentError, ContentStore};

const LOG_TARGET: &str = "ipfs-pinning";

/// How long the pinner waits before retrying work the daemon could not do.
const RETRY_EVERY: Duration = Duration::from_secs(2);

/// Starts the follower and the pinner; the journal lives in `<chain dir>/ipfs-pinning`.
pub fn spawn<C, BE>(
	config: &Configuration,
	task_manager: &TaskManager,
	client: Arc<C>,
	store: Arc<ContentStore>,
) -> Result<(), sc_service::Error>
where
	C: HeaderBackend<Block> + BlockchainEvents<Block> + StorageProvider<Block, BE> + 'static,
	BE: Backend<Block> + 'static,
{
	let path = config.base_path.config_dir(config.chain_spec.id()).join("ipfs-pinning");
	let genesis = client.info().genesis_hash;
	let (journal, other_chain) = PinJournal::open(&path, genesis.as_ref())
		.map_err(|e| format!("cannot open the pinning journal at {}: {e}", path.display()))?;
	if other_chain {
		warn!(
			target: LOG_TARGET,
			"📌 The pinning journal at {} belonged to another chain: starting afresh for genesis {genesis}",
			path.display()
		);
	}
	let journal = Arc::new(journal);
	let metrics = PinMetrics::new(config.prometheus_registry())
		.map_err(|e| format!("cannot register the pinning metrics: {e}"))?;
	let work_owed = Arc::new(Notify::new());
	info!(target: LOG_TARGET, "📌 Pinning finalized content on {} (journal {})", store.api(), path.display());

	task_manager.spawn_handle().spawn_blocking(
		"ipfs-pin-follower",
		Some("ipfs"),
		follow::<C, BE>(client, journal.clone(), metrics.clone(), work_owed.clone()),
	);
	task_manager.spawn_handle().spawn(
		"ipfs-pinner",
		Some("ipfs"),
		pin_owed(store, journal, metrics, work_owed),
	);
	Ok(())
}

/// Reads every finalized block once, in order, for as long as the node runs.
async fn follow<C, BE>(
	client: Arc<C>,
	journal: Arc<PinJournal>,
	metrics: PinMetrics,
	work_owed: Arc<Notify>,
) where
	C: HeaderBackend<Block> + BlockchainEvents<Block> + StorageProvider<Block, BE>,
	BE: Backend<Block>,
{
	let mut finality = client.finality_notification_stream();
	loop {
		if let Err(error) = read_finalized::<C, BE>(&client, &journal, &metrics, &work_owed) {
			warn!(target: LOG_TARGET, "Pinning follower stopped reading blocks: {error}");
		}
		if finality.next().await.is_none() {
			return;
		}
	}
}

/// Records every finalized block the journal has not seen yet.
fn read_finalized<C, BE>(
	client: &C,
	journal: &PinJournal,
	metrics: &PinMetrics,
	work_owed: &Notify,
) -> std::io::Result<()>
where
	C: HeaderBackend<Block> + StorageProvider<Block, BE>,
	BE: Backend<Block>,
{
	let finalized = client.info().finalized_number;
	let mut next = journal.next_block()?.unwrap_or(1);
	let mut unreadable = None;
	while next <= finalized {
		let events = client
			.hash(next)
			.map_err(|e| e.to_string())
			.and_then(|hash| hash.ok_or_else(|| "no such block".to_owned()))
			.and_then(|hash| block_events::<C, BE>(client, hash));
		let changes = match events {
			Ok(events) => content_changes(&events),
			Err(error) => {
				unreadable.get_or_insert((next, error));
				Vec::new()
			},
		};
		if journal.record_block(next, &changes)? > 0 {
			work_owed.notify_one();
		}
		metrics.block.set(next.into());
		next = next.saturating_add(1);
	}
	if let Some((first, error)) = unreadable {
		warn!(
			target: LOG_TARGET,
			"Skipped blocks from #{first} to #{finalized} that could not be read ({error}); \
			 their content is not pinned by this node",
		);
	}
	Ok(())
}

/// Does what the journal says is owed, retrying what fails, for as long as the node runs.
async fn pin_owed(
	store: Arc<ContentStore>,
	journal: Arc<PinJournal>,
	metrics: PinMetrics,
	work_owed: Arc<Notify>,
) {
	let mut daemon_down = false;
	loop {
		let owed = journal.owed().unwrap_or_else(|error| {
			warn!(target: LOG_TARGET, "Cannot read owed pins: {error}");
			Vec::new()
		});
		metrics.pending.set(owed.len() as u64);
		let mut left = owed.len();
		for (cid, want) in owed {
			let done = match want {
				Want::Pinned => pin_for_chain(&store, &journal, &cid).await,
				Want::Unpinned => unpin_for_chain(&store, &journal, &cid).await,
			};
			match done {
				Ok(acted) => {
					if daemon_down {
						info!(target: LOG_TARGET, "📌 The IPFS daemon is back; catching up");
						daemon_down = false;
					}
					debug!(target: LOG_TARGET, "{want:?} (by this follower: {acted}): {}", cid.to_text());
					match (want, acted) {
						(Want::Pinned, true) => metrics.pinned.inc(),
						(Want::Unpinned, true) => metrics.unpinned.inc(),
						(_, false) => {},
					}
					if let Err(error) = journal.settle(&cid, want) {
						warn!(target: LOG_TARGET, "Cannot settle {}: {error}", cid.to_text());
					}
					left -= 1;
					metrics.pending.set(left as u64);
				},
				Err(PinError::Daemon(error @ ContentError::Unreachable { .. })) => {
					metrics.failed.inc();
					if !daemon_down {
						warn!(target: LOG_TARGET, "{error}; {left} pins/unpins wait for it");
						daemon_down = true;
					}
					break;
				},
				Err(error) => {
					metrics.failed.inc();
					warn!(target: LOG_TARGET, "{want:?} {} failed: {error}; will retry", cid.to_text());
				},
			}
		}
		if left == 0 {
			work_owed.notified().await;
		} else {
			let _ = tokio::time::timeout(RETRY_EVERY, work_owed.notified()).await;
		}
	}
}

/// Why a pin or unpin could not be done yet.
#[derive(Debug)]
enum PinError {
	Daemon(ContentError),
	Journal(std::io::Error),
}

impl std::fmt::Display for PinError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Daemon(error) => error.fmt(f),
			Self::Journal(error) => write!(f, "pinning journal: {error}"),
		}
	}
}

impl From<ContentError> for PinError {
	fn from(error: ContentError) -> Self {
		Self::Daemon(error)
	}
}

impl From<std::io::Error> for PinError {
	fn from(error: std::io::Error) -> Self {
		Self::Journal(error)
	}
}

/// Makes sure the daemon holds `cid` for the chain; returns whether this follower pinned it. A
/// recursive pin somebody else made (an upload, the operator) is taken as it is and not
/// claimed, so [`unpin_for_chain`] never removes it. (A pin somebody makes between the check
/// and the follower's own `pin add` is claimed: IPFS cannot tell the two apart.)
async fn pin_for_chain(
	store: &ContentStore,
	journal: &PinJournal,
	cid: &Cid,
) -> Result<bool, PinError> {
	if !journal.is_ours(cid)? {
		if store.is_pinned_recursively(cid).await? {
			return Ok(false);
		}
		journal.claim(cid)?;
	}
	store.pin(cid).await?;
	Ok(true)
}

/// Removes the follower's own pin on `cid`, and returns whether there was one; a pin the
/// follower did not make stays.
async fn unpin_for_chain(
	store: &ContentStore,
	journal: &PinJournal,
	cid: &Cid,
) -> Result<bool, PinError> {
	if !journal.is_ours(cid)? {
		return Ok(false);
	}
	store.unpin(cid).await?;
	journal.disown(cid)?;
	Ok(true)
}
