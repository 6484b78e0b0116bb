//! Prometheus metrics of the pinning follower.

use prometheus_endpoint::{register, Counter, Gauge, PrometheusError, Registry, U64};

/// Counters and gauges of the follower; registered when the node serves Prometheus.
#[derive(Clone)]
pub struct PinMetrics {
	/// CIDs pinned.
	pub pinned: Counter<U64>,
	/// CIDs unpinned.
	pub unpinned: Counter<U64>,
	/// CIDs not pinned because their DAG is larger than the node's bound or than declared.
	pub refused: Counter<U64>,
	/// CIDs not pinned because their DAG is larger than their author declared.
	pub larger_than_declared: Counter<U64>,
	/// Failed pin or unpin attempts (each is retried).
	pub failed: Counter<U64>,
	/// Pins and unpins still owed to the daemon.
	pub pending: Gauge<U64>,
	/// The last finalized block the follower has read.
	pub block: Gauge<U64>,
}

impl PinMetrics {
	/// The metrics, registered in `registry` if there is one.
	pub fn new(registry: Option<&Registry>) -> Result<Self, PrometheusError> {
		let metrics = Self {
			pinned: Counter::new("agora_ipfs_pinned_total", "CIDs pinned by the follower")?,
			unpinned: Counter::new("agora_ipfs_unpinned_total", "CIDs unpinned by the follower")?,
			refused: Counter::new(
				"agora_ipfs_pins_refused_total",
				"CIDs not pinned because their DAG is larger than --ipfs-pin-max-bytes or than \
				 their author declared",
			)?,
			larger_than_declared: Counter::new(
				"agora_ipfs_pins_refused_larger_than_declared_total",
				"CIDs not pinned because their DAG is larger than their author declared",
			)?,
			failed: Counter::new(
				"agora_ipfs_pin_failures_total",
				"Pin or unpin attempts that failed and will be retried",
			)?,
			pending: Gauge::new("agora_ipfs_pin_pending", "Pins and unpins owed to the daemon")?,
			block: Gauge::new(
				"agora_ipfs_pin_followed_block",
				"The last finalized block the pinning follower has read",
			)?,
		};
		if let Some(registry) = registry {
			register(metrics.pinned.clone(), registry)?;
			register(metrics.unpinned.clone(), registry)?;
			register(metrics.refused.clone(), registry)?;
			register(metrics.larger_than_declared.clone(), registry)?;
			register(metrics.failed.clone(), registry)?;
			register(metrics.pending.clone(), registry)?;
			register(metrics.block.clone(), registry)?;
		}
		Ok(metrics)
	}
}
