// Plain SQL migrations (migrations/NNN_name.sql), applied in file name order, all pending ones
// in one transaction: a failed migration leaves the database as it was. Applied versions are
// recorded in schema_migrations; a lock keeps two indexers from migrating at once.

import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { inTransaction } from './pool.js'

const MIGRATIONS = fileURLToPath(new URL('../../migrations/', import.meta.url))
const MIGRATION_LOCK = 0x6d696772 // "migr"

/** The migrations shipped with the indexer: `[{ version, sql }]` in order. */
export function migrations (dir = MIGRATIONS) {
  return readdirSync(dir)
    .filter((name) => /^\d+_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.replace(/\.sql$/, ''), sql: readFileSync(dir + name, 'utf8') }))
}

/** Applies the pending migrations; resolves with the versions it applied. */
export function migrate (pool, dir = MIGRATIONS) {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const { rows } = await client.query('SELECT version FROM schema_migrations')
    const applied = new Set(rows.map((row) => row.version))
    const pending = migrations(dir).filter(({ version }) => !applied.has(version))
    for (const { version, sql } of pending) {
      await client.query(sql)
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version])
    }
    return pending.map(({ version }) => version)
  })
}

/**
 * Empties every table the migrations made (not schema_migrations) and sets the head back to
 * nothing indexed, in one transaction: for a database that indexed a chain that is gone.
 */
export function resetData (pool) {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query(`SELECT tablename FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`)
    const tables = rows.map(({ tablename }) => `"${tablename}"`).join(', ')
    await client.query(`TRUNCATE ${tables} RESTART IDENTITY`)
    await client.query("INSERT INTO indexer_head (height, hash) VALUES (-1, '0x')")
  })
}
