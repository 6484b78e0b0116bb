// The follower process: Subsquid's processor writing finalized blocks into PostgreSQL. It runs
// as a child of the indexer (src/follower/supervisor.js) because Subsquid exits the process on
// any error (the node or the database gone, a failed write); the indexer restarts it with
// back-off, and it resumes after the last committed block. It also exits when the indexer
// dies (its IPC channel closes), so a killed indexer leaves no follower behind.
//
// Configuration: one JSON object in AGORA_INDEXER_FOLLOWER: { rpc, db, ss58, pollMs, metricsPort }.

import { createPool } from '../db/pool.js'
import { FinalizedDatabase } from './database.js'
import { handleBlocks } from './events.js'
import { createProcessor } from './processor.js'

const config = JSON.parse(process.env.AGORA_INDEXER_FOLLOWER ?? '{}')
process.on('disconnect', () => process.exit(1))

const pool = createPool(config.db, { max: 2 })
const processor = createProcessor(config)
// What the batches since the last report did, sent to the indexer every 5 s to log.
const report = { blocks: 0, events: 0, ms: 0, at: Date.now() }

processor.run(new FinalizedDatabase(pool), async (ctx) => {
  const started = Date.now()
  report.events += await handleBlocks(ctx.store, ctx.blocks, config.ss58)
  report.blocks += ctx.blocks.length
  report.ms += Date.now() - started
  if (process.connected && Date.now() - report.at > 5_000) {
    const last = ctx.blocks.at(-1).header
    process.send({ batch: { to: last.height, spec: last.specVersion, blocks: report.blocks, events: report.events, ms: report.ms } })
    Object.assign(report, { blocks: 0, events: 0, ms: 0, at: Date.now() })
  }
})
