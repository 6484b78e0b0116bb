//! The pinning follower: keeps every CID the finalized chain uses pinned on this node's IPFS
//! daemon, and unpins what edits and deletes release.
//!
//! Two tasks share a [`PinJournal`]:
//! - the *follower* asks, for each finalized block in order, what the block did to the
//!   chain's content (the block's own runtime answers, see [`source`]), and records, in one
//!   atomic write per block, which CIDs gained or lost their last reference and so are owed a
//!   pin or an unpin. It never skips a block: one it cannot read (its state is pruned, its
//!   runtime cannot be called) stops it there, and it tries again until it can;
//! - the *pinner* works through what is owed, a few at a time, sharing its places across the
//!   authors who referenced the CIDs and backing off CIDs that fail (see [`schedule`]),
//!   settling each item only once the daemon has done it. While the daemon is down nothing is
//!   lost: the work waits in the journal and is retried every few seconds, across node
//!   restarts too. It unpins only what it pinned itself: a CID the operator had pinned before
//!   the chain used it keeps its pin whatever the chain does (see `crate::journal`); an upload
//!   this node pinned it takes over. No CID makes it store more than its author declared (with
//!   room for the DAG's own nodes) nor more than the node's bound (`--ipfs-pin-max-bytes`): the
//!   DAG is measured block by block before the pin, and one over either is settled as refused,
//!   with the reason recorded, not retried. A CID never tried is measured with a short first
//!   probe ([`FIRST_PROBE`]), so CIDs nobody serves hold a place only briefly.
//!
//! The follower starts at block 1 on a new journal and needs the state of every block from
//! there on, so a node that starts pinning late must keep the whole history
//! (`--state-pruning archive`); one that pins from the start keeps up with the default pruning.
//!
//! The follower reads the chain through [`ContentSource`], so the tests run it on a fake chain.

mod metrics;
mod schedule;
mod source;
#[cfg(test)]
mod tests;

use std::{
	sync::Arc,
	time::{Duration, Instant},
};

use agora_content_runtime_api::ContentApi;
use agora_primitives::Cid;
use futures::{FutureExt, StreamExt};
use log::{debug, info, warn};
use prometheus_endpoint::Registry;
use sc_client_api::{Backend, BlockchainEvents, StorageProvider};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::traits::SpawnNamed;
use sp_runtime::traits::Block as BlockT;
use tokio::sync::Notify;

use crate::journal::{Owed, PinJournal, Refusal, Want};

/// How long the first attempt on a CID may take to measure it, at most (then `--ipfs-timeout`
/// on later attempts): content that is there answers at once; content nobody serves should
/// not hold one of the few places for long.
pub const FIRST_PROBE: Duration = Duration::from_secs(2);
use metrics::PinMetrics;
use schedule::{next_batch, Retries, PINS_AT_ONCE};
use source::{ClientSource, ContentSource};

use crate::store::{ContentError, ContentStore};

const LOG_TARGET: &str = "ipfs-pinning";

/// How long the pinner waits before trying again while the daemon is unreachable.
const RETRY_EVERY: Duration = Duration::from_secs(2);

/// How long the follower waits before asking again for a block it could not read, unless a
/// newly finalized block comes first.
const REREAD_EVERY: Duration = Duration::from_secs(6);

/// Starts the follower and the pinner on `spawner`'s tasks, recording in `journal`; the
/// metrics go to `prometheus` if the node serves them.
pub fn spawn<Block, AccountId, C, BE>(
	spawner: &dyn SpawnNamed,
	prometheus: Option<&Registry>,
	client: Arc<C>,
	store: Arc<ContentStore>,
	journal: Arc<PinJournal>,
	max_pin_bytes: u64,
) -> Result<(), String>
where
	Block: BlockT,
	AccountId: codec::Codec + Send + Sync + 'static,
	C: HeaderBackend<Block>
		+ BlockchainEvents<Block>
		+ StorageProvider<Block, BE>
		+ ProvideRuntimeApi<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: ContentApi<Block, AccountId>,
	BE: Backend<Block> + 'static,
{
	let metrics = PinMetrics::new(prometheus)
		.map_err(|e| format!("cannot register the pinning metrics: {e}"))?;
	let work_owed = Arc::new(Notify::new());
	info!(target: LOG_TARGET, "📌 Pinning finalized content on {}", store.api());

	let finality = client.finality_notification_stream();
	let follower = follow(
		ClientSource::<Block, AccountId, C, BE>::new(client),
		finality,
		journal.clone(),
		metrics.clone(),
		work_owed.clone(),
	);
	spawner.spawn_blocking("ipfs-pin-follower", Some("ipfs"), follower.boxed());
	let pinner = pin_owed(store, max_pin_bytes, journal, metrics, work_owed);
	spawner.spawn("ipfs-pinner", Some("ipfs"), pinner.boxed());
	Ok(())
}

/// Reads every finalized block once, in order, for as long as the node runs.
async fn follow<S: ContentSource>(
	source: S,
	mut finality: impl futures::Stream + Unpin,
	journal: Arc<PinJournal>,
	metrics: PinMetrics,
	work_owed: Arc<Notify>,
) {
	let mut warned_at = None;
	loop {
		let wait = match read_finalized(&source, &journal, &metrics, &work_owed) {
			Ok(None) => {
				if let Some(block) = warned_at.take() {
					info!(target: LOG_TARGET, "📌 Block #{block} read at last; following again");
				}
				None
			},
			Ok(Some(Stalled { block, error })) => {
				if warned_at != Some(block) {
					warn!(
						target: LOG_TARGET,
						"Pinning follower waits at block #{block}, which it cannot read yet \
						 ({error}); it will not skip it",
					);
					warned_at = Some(block);
				}
				Some(REREAD_EVERY)
			},
			Err(error) => {
				warn!(target: LOG_TARGET, "Pinning journal cannot be written: {error}");
				Some(REREAD_EVERY)
			},
		};
		let next = finality.next();
		match wait {
			None => {
				if next.await.is_none() {
					return;
				}
			},
			Some(wait) => {
				if let Ok(None) = tokio::time::timeout(wait, next).await {
					return;
				}
			},
		}
	}
}

/// The block the follower could not read, and why.
#[derive(Debug)]
struct Stalled {
	block: u32,
	error: String,
}

/// Records every finalized block the journal has not seen yet, in order, and stops at the
/// first one it cannot read (returned, to be tried again).
fn read_finalized(
	source: &impl ContentSource,
	journal: &PinJournal,
	metrics: &PinMetrics,
	work_owed: &Notify,
) -> std::io::Result<Option<Stalled>> {
	let finalized = source.finalized_number();
	let mut next = journal.next_block()?.unwrap_or(1);
	while next <= finalized {
		let changes = match source.content_changes(next) {
			Ok(changes) => changes,
			Err(error) => return Ok(Some(Stalled { block: next, error })),
		};
		if journal.record_block(next, &changes)? > 0 {
			work_owed.notify_one();
		}
		metrics.block.set(next.into());
		next = next.saturating_add(1);
	}
	Ok(None)
}

/// Does what the journal says is owed, retrying what fails, for as long as the node runs:
/// a few at a time, oldest first, failed CIDs backing off (see [`schedule`]).
async fn pin_owed(
	store: Arc<ContentStore>,
	max_pin_bytes: u64,
	journal: Arc<PinJournal>,
	metrics: PinMetrics,
	work_owed: Arc<Notify>,
) {
	let mut retries = Retries::default();
	let mut daemon_down = false;
	loop {
		let owed = match journal.owed_oldest_first() {
			Ok(owed) => owed,
			Err(error) => {
				warn!(target: LOG_TARGET, "Cannot read owed pins: {error}; trying again");
				tokio::time::sleep(RETRY_EVERY).await;
				continue;
			},
		};
		metrics.pending.set(owed.len() as u64);
		retries.keep_only(&owed);
		let batch = next_batch(&owed, &retries, Instant::now(), PINS_AT_ONCE);
		if batch.is_empty() {
			// Nothing due: wait for new work, or for the first back-off to end.
			match retries.next_due() {
				Some(due) => {
					let wait = due.saturating_duration_since(Instant::now());
					let _ = tokio::time::timeout(wait, work_owed.notified()).await;
				},
				None => work_owed.notified().await,
			}
			continue;
		}

		let (store, journal) = (&store, &journal);
		let retries_now = &retries;
		let attempts = batch.iter().map(|owed| async move {
			let first = retries_now.failures(&owed.cid) == 0;
			let done = match owed.want {
				Want::Pinned => pin_for_chain(store, max_pin_bytes, journal, owed, first).await,
				Want::Unpinned => unpin_for_chain(store, journal, &owed.cid).await,
			};
			(owed, done)
		});
		let mut unreachable = None;
		for (owed, done) in futures::future::join_all(attempts).await {
			let (cid, want) = (&owed.cid, owed.want);
			match done {
				Ok(outcome) => {
					debug!(target: LOG_TARGET, "{want:?}: {outcome:?}: {}", cid.to_text());
					match outcome {
						Outcome::Pinned => metrics.pinned.inc(),
						Outcome::Unpinned => metrics.unpinned.inc(),
						Outcome::Refused(Refusal::OverNodeBound) => {
							metrics.refused.inc();
							warn!(
								target: LOG_TARGET,
								"📌 {} not pinned: larger than {max_pin_bytes} bytes (--ipfs-pin-max-bytes)",
								cid.to_text()
							);
						},
						Outcome::Refused(Refusal::LargerThanDeclared) => {
							metrics.refused.inc();
							metrics.larger_than_declared.inc();
							warn!(
								target: LOG_TARGET,
								"📌 {} not pinned: larger than the {} bytes its author declared",
								cid.to_text(),
								owed.reference.declared.unwrap_or_default()
							);
						},
						Outcome::LeftAlone => {},
					}
					match journal.settle(cid, want) {
						Ok(()) => retries.forget(cid),
						Err(error) => {
							// Still owed: back off rather than redo it at once.
							retries.failed(cid, Instant::now());
							warn!(target: LOG_TARGET, "Cannot settle {}: {error}", cid.to_text());
						},
					}
				},
				// Not the CID's fault: no back-off, the whole pinner waits for the daemon.
				Err(PinError::Daemon(error @ ContentError::Unreachable { .. })) => {
					metrics.failed.inc();
					unreachable = Some(error);
				},
				Err(error) => {
					metrics.failed.inc();
					retries.failed(cid, Instant::now());
					warn!(target: LOG_TARGET, "{want:?} {} failed: {error}; will retry", cid.to_text());
				},
			}
		}
		match (unreachable, daemon_down) {
			(Some(error), false) => {
				warn!(target: LOG_TARGET, "{error}; {} pins/unpins wait for it", owed.len());
				daemon_down = true;
			},
			(None, true) => {
				info!(target: LOG_TARGET, "📌 The IPFS daemon is back; catching up");
				daemon_down = false;
			},
			_ => {},
		}
		if daemon_down {
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

/// What the pinner did with an owed CID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
	/// The follower pinned it (its own pin).
	Pinned,
	/// The follower removed its own pin.
	Unpinned,
	/// Somebody else's pin (the operator's), or no pin of the follower's to remove: nothing
	/// done.
	LeftAlone,
	/// Not pinned, for this reason (recorded in the journal).
	Refused(Refusal),
}

/// The most a CID declared `declared` bytes may make the follower store: the declared content
/// with room for the DAG's own nodes (1/64 of it, and 4 KiB), within the node's bound; and the
/// reason to give when it does not fit.
fn bound_for(declared: Option<u32>, node_bound: u64) -> (u64, Refusal) {
	let Some(declared) = declared.map(u64::from) else {
		return (node_bound, Refusal::OverNodeBound);
	};
	let allowed = declared.saturating_add(declared / 64).saturating_add(4 * 1024);
	match allowed < node_bound {
		true => (allowed, Refusal::LargerThanDeclared),
		false => (node_bound, Refusal::OverNodeBound),
	}
}

/// Makes sure the daemon holds `owed.cid` for the chain. A recursive pin the operator made is
/// taken as it is and not claimed, so [`unpin_for_chain`] never removes it; an upload's pin,
/// which this node made, is claimed too (IPFS keeps one pin per CID: it goes when neither the
/// chain nor the upload holds it any more). (A pin somebody makes between the check and the
/// follower's own `pin add` is claimed: IPFS cannot tell the two apart.) A DAG larger than its
/// author declared, or than `max_bytes`, is not pinned; a CID never tried before is measured
/// within [`FIRST_PROBE`].
async fn pin_for_chain(
	store: &ContentStore,
	max_bytes: u64,
	journal: &PinJournal,
	owed: &Owed,
	first_attempt: bool,
) -> Result<Outcome, PinError> {
	let cid = &owed.cid;
	if !journal.is_ours(cid)? {
		let upload = journal.is_upload(cid)?;
		if !upload && store.is_pinned_recursively(cid).await? {
			return Ok(Outcome::LeftAlone);
		}
		let (bound, refusal) = bound_for(owed.reference.declared, max_bytes);
		let probe = match first_attempt {
			true => FIRST_PROBE.min(store.timeout()),
			false => store.timeout(),
		};
		if !store.fits_in_within(cid, bound, probe).await? {
			journal.refuse(cid, refusal)?;
			return Ok(Outcome::Refused(refusal));
		}
		journal.claim(cid)?;
	}
	store.pin(cid).await?;
	Ok(Outcome::Pinned)
}

/// Removes the follower's own pin on `cid`; a pin the follower did not make stays, and so
/// does one an upload still holds (the upload sweeper lets go of it in its time).
async fn unpin_for_chain(
	store: &ContentStore,
	journal: &PinJournal,
	cid: &Cid,
) -> Result<Outcome, PinError> {
	if !journal.is_ours(cid)? {
		return Ok(Outcome::LeftAlone);
	}
	if journal.is_upload(cid)? {
		journal.disown(cid)?;
		return Ok(Outcome::LeftAlone);
	}
	store.unpin(cid).await?;
	journal.disown(cid)?;
	Ok(Outcome::Unpinned)
}
