// A PostgreSQL cluster for one test file: scripts/postgres.sh on a free loopback port, its data
// directory in a temporary directory of its own (which the `postgres` user may enter when the
// tests run as root), removed by `stop()`.

import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { freePort } from './ports.js'

const script = fileURLToPath(new URL('../../scripts/postgres.sh', import.meta.url))

/** Starts a cluster with one database; `{ url, stop }`. */
export async function startPostgres ({ database = 'agora_indexer' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'agora-pg-'))
  // The server runs as `postgres` when the tests run as root: it must pass through here.
  chmodSync(dir, 0o711)
  const port = await freePort()
  const env = { ...process.env, AGORA_PG_DATA: join(dir, 'data'), AGORA_PG_PORT: String(port), AGORA_PG_DB: database }
  const ctl = (action) => {
    const run = spawnSync('bash', [script, action], { env, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`scripts/postgres.sh ${action} failed: ${run.stderr}`)
  }
  ctl('start')
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    /** Stops the server and keeps its data (a database outage); `resume()` starts it again. */
    pause: () => ctl('stop'),
    resume: () => ctl('start'),
    stop () {
      ctl('stop')
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
