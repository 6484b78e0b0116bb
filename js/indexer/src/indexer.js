// The indexer as one process: migrations, then the REST API (it serves what is indexed even
// while the node is away), the body worker, and the follower process under its supervisor.
// Nothing that fails on the way (the database, the node, IPFS) ends it: each part waits and
// retries. Only a node serving another chain than the database holds stops it (exit 3).

import { cryptoWaitReady } from '@polkadot/util-crypto'

import { createApiServer } from './api/server.js'
import { ipfsFetcher, nodeFetcher } from './bodies/fetch.js'
import { startBodyWorker } from './bodies/worker.js'
import { checkChain } from './chain/check.js'
import { closeRpcClients } from './chain/rpc.js'
import { migrate } from './db/migrate.js'
import { createPool, untilItWorks } from './db/pool.js'
import { superviseFollower } from './follower/supervisor.js'

/** Runs until `stop()`; resolves with `{ stop, done, apiPort }` once the API listens. */
export async function runIndexer (config, log) {
  await cryptoWaitReady()
  const stopping = new AbortController()
  const pool = createPool(config.db, { log })
  const applied = await untilItWorks('migrating the database', () => migrate(pool), { log, signal: stopping.signal })
  if (applied.length) log.info(`applied migrations ${applied.join(', ')}`)

  // The chain's SS58 prefix (from the node once it answers; Agora's 42 until then).
  const chain = { ss58: 42 }
  const server = createApiServer({
    db: pool,
    get ss58 () { return chain.ss58 },
    maxPage: config.maxPage,
    ratePerMinute: config.ratePerMinute,
    log
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.api.port, config.api.host, resolve)
  })
  const apiPort = server.address().port
  log.info(`API on http://${config.api.host}:${apiPort}${config.api.public ? ` (public, ${config.ratePerMinute} requests a minute per address)` : ''}`)

  const fetchBody = config.ipfs
    ? ipfsFetcher({ api: config.ipfs, timeoutMs: config.ipfsTimeoutMs, maxBytes: config.maxBodyBytes })
    : nodeFetcher({ rpc: config.rpc, timeoutMs: config.ipfsTimeoutMs, maxBytes: config.maxBodyBytes })
  const worker = startBodyWorker({
    pool, fetchBody, log, concurrency: config.fetchConcurrency, retryBaseMs: config.retryBaseMs, retryMaxMs: config.retryMaxMs
  })

  let finish
  const done = new Promise((resolve) => { finish = resolve })
  // Read at each start of the follower process.
  const followerConfig = { rpc: config.rpc, db: config.db, pollMs: config.pollMs, metricsPort: config.metricsPort, ss58: chain.ss58 }
  const follower = superviseFollower({
    config: followerConfig,
    log,
    async beforeStart (signal) {
      const identity = await checkChain({ pool, rpc: config.rpc, resetOnNewChain: config.resetOnNewChain, log, signal })
      chain.ss58 = identity.ss58Format
      followerConfig.ss58 = identity.ss58Format
    },
    onFatal (error) {
      log.error(error.message)
      stop(3)
    },
    onBatch: ({ to, spec, blocks, events, ms }) => log.info(`indexed to block ${to} (runtime spec ${spec}): ${blocks} blocks, ${events} events, ${ms} ms writing`)
  })

  let stopped = false
  async function stop (code = 0) {
    if (stopped) return done
    stopped = true
    stopping.abort()
    await follower.stop()
    await worker.stop()
    const closed = new Promise((resolve) => server.close(resolve))
    server.closeAllConnections()
    await closed
    closeRpcClients()
    await pool.end()
    finish(code)
    return done
  }
  return { stop, done, apiPort }
}
