//! Unpins uploads nothing on chain uses.
//!
//! An upload (`content_add`, the upload endpoint) is pinned so that the post naming it can be
//! read, and pinned by pinning nodes, once it is on chain. One that no post, profile or message
//! references within `--ipfs-upload-ttl` is unpinned again: this node does not keep, for
//! nothing, what anyone uploaded. What the chain references, the pinning follower holds too (it
//! claims the pin, see `pinning`): then the pin stays until the chain lets go as well.
//!
//! On a node without the follower nothing is known to reference an upload, so every upload is
//! unpinned after its time: such a node serves uploads, it does not keep the chain's content.

use std::{
	sync::Arc,
	time::{Duration, SystemTime, UNIX_EPOCH},
};

use log::{debug, warn};

use crate::{journal::PinJournal, store::ContentStore};

const LOG_TARGET: &str = "ipfs";

/// How often the sweeper looks for stale uploads, at most.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// Unpins, every so often, the uploads older than `ttl` that nothing on chain references.
pub async fn sweep(store: Arc<ContentStore>, journal: Arc<PinJournal>, ttl: Duration) {
	let every = SWEEP_EVERY.min(ttl / 4).max(Duration::from_secs(1));
	loop {
		tokio::time::sleep(every).await;
		if let Err(error) = sweep_once(&store, &journal, ttl).await {
			warn!(target: LOG_TARGET, "Cannot unpin stale uploads yet: {error}");
		}
	}
}

/// One sweep: unpins each stale upload and forgets it. An upload the follower holds for the
/// chain is only forgotten.
async fn sweep_once(
	store: &ContentStore,
	journal: &PinJournal,
	ttl: Duration,
) -> Result<(), String> {
	let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs());
	let deadline = now.saturating_sub(ttl.as_secs());
	for cid in journal.stale_uploads(deadline).map_err(|e| e.to_string())? {
		if !journal.is_ours(&cid).map_err(|e| e.to_string())? {
			store.unpin(&cid).await.map_err(|e| e.to_string())?;
			debug!(target: LOG_TARGET, "📦 Unpinned the upload {}: nothing on chain uses it", cid.to_text());
		}
		journal.forget_upload(&cid).map_err(|e| e.to_string())?;
	}
	Ok(())
}
