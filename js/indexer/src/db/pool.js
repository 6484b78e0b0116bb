// The connection pool every part of the indexer shares, and waiting for the database: an
// unreachable PostgreSQL is waited for (with a growing pause), never a reason to exit.

import pg from 'pg'

import { backoff, sleep } from '../retry.js'

// bigint columns (post ids, notification ids) come back as strings: JS numbers lose digits past
// 2^53. The API turns them into numbers where that is exact (src/api/shape.js).

/**
 * A pool on `url`. Errors of idle connections (the server restarted) are logged, not thrown:
 * the next query opens a new connection.
 */
export function createPool (url, { max = 8, log = console } = {}) {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 })
  pool.on('error', (error) => log.warn(`database: idle connection lost: ${error.message}`))
  // A server that shuts down tells every connection so, even one between two queries of a
  // checkout; pg emits that as an 'error' event, which unheard ends the process. Every client
  // hears it here; pg marks the client unusable and the pool drops it when it comes back.
  pool.on('connect', (client) => client.on('error', () => {}))
  return pool
}

/**
 * A client checked out of `pool`, `{ client, release }`. pg leaves the errors of a checked-out
 * client (the server shutting down between two queries) to its user: unheard, they would end the
 * process. Heard here, they make `release` destroy the client rather than pool it.
 */
export async function checkout (pool) {
  const client = await pool.connect()
  let lost
  const onError = (error) => { lost = error }
  client.on('error', onError)
  return {
    client,
    release () {
      client.off('error', onError)
      client.release(lost)
    }
  }
}

/** Runs `fn(client)` in one transaction: committed whole, or rolled back whole. */
export async function inTransaction (pool, fn) {
  const { client, release } = await checkout(pool)
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    release()
  }
}

/** Retries `fn` until it succeeds or `signal` aborts, pausing 1 s, 2 s, ... up to 30 s. */
export async function untilItWorks (what, fn, { log = console, signal } = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (signal?.aborted) throw error
      const pause = backoff(attempt, 1_000, 30_000)
      log.warn(`${what} failed (${error.message}); retrying in ${pause / 1000} s`)
      await sleep(pause, signal)
    }
  }
}
