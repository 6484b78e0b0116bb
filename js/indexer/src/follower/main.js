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
let lastReport = 0

processor.run(new FinalizedDatabase(pool), async (ctx) => {
  const started = Date.now()
  const events = await handleBlocks(ctx.store, ctx.blocks, config.ss58)
  if (process.connected && (ctx.isHead || started - lastReport > 5_000)) {
    lastReport = started
    const last = ctx.blocks.at(-1).header
    process.send({ batch: { to: last.height, spec: last.specVersion, blocks: ctx.blocks.length, events, ms: Date.now() - started } })
  }
})
