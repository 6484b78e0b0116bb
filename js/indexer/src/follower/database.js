// Subsquid's Database for finalized blocks only (`supportsHotBlocks: false`), on a plain pg
// pool: each batch's data and the new head are written in one transaction, and the head only
// moves from where this process last saw it, so a restart resumes after the last committed
// block with nothing lost and nothing twice, and two followers on one database cannot both write.

import { lockNotifications } from '../db/locks.js'
import { checkout } from '../db/pool.js'

export class FinalizedDatabase {
  supportsHotBlocks = false

  constructor (pool) {
    this.pool = pool
  }

  /** The last indexed block: `{ height, hash }` (height -1: nothing yet). */
  async connect () {
    const { rows: [head] } = await this.pool.query('SELECT height, hash FROM indexer_head')
    return { height: head.height, hash: head.hash }
  }

  async transact ({ prevHead, nextHead }, write) {
    const { client, release } = await checkout(this.pool)
    try {
      await client.query('BEGIN')
      await lockNotifications(client)
      const { rowCount } = await client.query(
        'UPDATE indexer_head SET height = $1, hash = $2 WHERE height = $3 AND hash = $4',
        [nextHead.height, nextHead.hash, prevHead.height, prevHead.hash]
      )
      if (rowCount !== 1) throw new Error(`the head moved away from block ${prevHead.height}: is another indexer writing to this database?`)
      await write(client)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      release()
    }
  }
}
