// The body worker: fetches the bodies the follower queued (content rows in state `pending`) and
// indexes each in its own transaction (src/model/bodies.js). It never runs inside the
// follower's transaction, so a slow or missing body never holds up blocks.
//
// - At most `concurrency` fetches at once; CIDs never tried go first, then those due for a
//   retry, oldest first.
// - A fetch that fails (nobody serves the CID yet, a timeout, IPFS down) is retried after a
//   back-off doubling from `retryBaseMs` to at most `retryMaxMs`, for as long as it takes: a body
//   that arrives late is indexed then.
// - A database error pauses the worker (1 s doubling to 30 s); it never exits the indexer.

import { lockNotifications } from '../db/locks.js'
import { inTransaction } from '../db/pool.js'
import { applyContent } from '../model/bodies.js'
import { backoff, sleep } from '../retry.js'

export function startBodyWorker ({ pool, fetchBody, log = console, concurrency = 8, retryBaseMs = 2_000, retryMaxMs = 600_000, idleMs = 250 }) {
  const stopping = new AbortController()
  const inFlight = new Map()
  const counts = { indexed: 0, skipped: 0, retried: 0 }
  let wake = () => {}

  async function due (room) {
    const { rows } = await pool.query(
      `SELECT cid, attempts FROM content
       WHERE state = 'pending' AND next_attempt <= now() AND NOT (cid = ANY($1))
       ORDER BY attempts > 0, next_attempt, first_block LIMIT $2`,
      [[...inFlight.keys()], room]
    )
    return rows
  }

  async function handle ({ cid, attempts }) {
    let outcome
    try {
      outcome = await fetchBody(cid)
    } catch (error) {
      const pause = backoff(attempts, retryBaseMs, retryMaxMs)
      await pool.query(
        `UPDATE content SET attempts = attempts + 1, last_error = $2,
           next_attempt = now() + make_interval(secs => $3::double precision / 1000)
         WHERE cid = $1 AND state = 'pending'`,
        [cid, String(error.cause?.message ?? error.message).slice(0, 500), pause]
      )
      counts.retried++
      return
    }
    await inTransaction(pool, async (client) => {
      await lockNotifications(client)
      await applyContent(client, cid, outcome)
    })
    counts[outcome.skipped ? 'skipped' : 'indexed']++
    if (outcome.skipped) log.info(`body ${cid} skipped: ${outcome.skipped}`)
  }

  async function loop () {
    let failures = 0
    while (!stopping.signal.aborted) {
      try {
        const room = concurrency - inFlight.size
        const rows = room > 0 ? await due(room) : []
        failures = 0
        for (const row of rows) {
          const job = handle(row)
            .catch((error) => log.warn(`body ${row.cid}: ${error.message}`))
            .finally(() => { inFlight.delete(row.cid); wake() })
          inFlight.set(row.cid, job)
        }
        if (rows.length === 0 || inFlight.size >= concurrency) {
          await new Promise((resolve) => {
            wake = resolve
            setTimeout(resolve, idleMs)
          })
        }
      } catch (error) {
        const pause = backoff(failures++, 1_000, 30_000)
        log.warn(`body worker: ${error.message}; retrying in ${pause / 1000} s`)
        await sleep(pause, stopping.signal)
      }
    }
  }

  const done = loop()
  return {
    counts,
    async stop () {
      stopping.abort()
      wake()
      await done
      await Promise.allSettled(inFlight.values())
    }
  }
}
