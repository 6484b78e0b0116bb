// Subsquid's SubstrateBatchProcessor as the indexer uses it: plain JSON-RPC to the node,
// finalized blocks only (the Database says it has no hot blocks), every block from genesis,
// the followed events with their arguments decoded by each block's own metadata (so a runtime
// upgrade changes nothing here), and the block's timestamp.

import { createServer } from 'node:http'

import { SubstrateBatchProcessor } from '@subsquid/substrate-processor'

import { EVENT_NAMES } from './events.js'

/**
 * `rpc`: the node's URL; `pollMs`: how often to ask for a new finalized head; `batchCalls`: the
 * most calls in one JSON-RPC batch (the node refuses large batches).
 */
export function createProcessor ({ rpc, pollMs, batchCalls = 10, metricsPort }) {
  const processor = new SubstrateBatchProcessor()
    .setRpcEndpoint({ url: rpc, maxBatchCallSize: batchCalls })
    .setRpcDataIngestionSettings({ headPollInterval: pollMs })
    .setBlockRange({ from: 0 })
    .addEvent({ name: EVENT_NAMES })
    .setFields({ event: { name: true, args: true }, block: { timestamp: true } })
    .setPrometheusPort(metricsPort)
  serveMetricsOnLoopback(processor, metricsPort)
  return processor
}

/**
 * Subsquid's metrics server listens on every interface. Its metrics are the operator's, so the
 * processor's registry is served here on 127.0.0.1 instead (same port, same /metrics path).
 * This reaches into the processor's `prometheus` field, which @subsquid/substrate-processor
 * 8.5.1 (pinned) has; a test checks the metrics answer on loopback.
 */
function serveMetricsOnLoopback (processor, port) {
  const prometheus = processor.prometheus
  if (!prometheus?.registry || typeof prometheus.serve !== 'function') {
    throw new Error('this @subsquid/substrate-processor has no prometheus registry where 8.5.1 had it')
  }
  prometheus.serve = () => new Promise((resolve, reject) => {
    const server = createServer(async (request, response) => {
      if (request.method !== 'GET' || new URL(request.url, 'http://x').pathname !== '/metrics') {
        response.writeHead(404).end()
        return
      }
      const body = await prometheus.registry.metrics()
      response.writeHead(200, { 'content-type': prometheus.registry.contentType }).end(body)
    })
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve({ port: server.address().port, close: () => server.close() }))
  })
}
