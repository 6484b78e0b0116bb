// The indexer (js/indexer) for one test file, as an operator runs it: its own process on free
// loopback ports, against the test's node, IPFS daemon and PostgreSQL. `kill()` kills it
// mid-stream (with its follower process), `start()` starts it again on the same database.

import { spawn } from 'node:child_process'
import { openSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { freePort } from './ports.js'

const bin = fileURLToPath(new URL('../indexer/bin/agora-indexer.mjs', import.meta.url))

/**
 * `rpc`, `db`, `ipfs`: what it indexes from and into; `args`: more options; `logFile`: where its
 * output goes. Resolves once its API answers.
 */
export async function startIndexer ({ rpc, db, ipfs, args = [], logFile }) {
  const [apiPort, metricsPort] = [await freePort(), await freePort()]
  const url = `http://127.0.0.1:${apiPort}`
  let child = null
  // The running process's exit, once it happened (a killed process has no exitCode).
  let exit = null

  async function start () {
    const log = openSync(logFile, 'a')
    exit = null
    child = spawn(process.execPath, [
      bin, '--rpc', rpc, '--db', db, ...(ipfs ? ['--ipfs', ipfs] : []),
      '--api-addr', `127.0.0.1:${apiPort}`, '--metrics-port', String(metricsPort),
      // Quick to notice a new block and to retry a missing body: the tests wait on both.
      '--poll-ms', '100', '--retry-base-ms', '300', '--ipfs-timeout', '2000',
      ...args
    ], { stdio: ['ignore', log, log], detached: true })
    child.once('exit', (code, signal) => { exit = signal ?? code })
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (exit !== null) throw new Error(`the indexer exited with ${exit} (log: ${logFile})`)
      try {
        if ((await fetch(`${url}/status`)).ok) return
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`the indexer's API did not answer (log: ${logFile})`)
  }

  const running = () => child !== null && exit === null

  function exited () {
    return new Promise((resolve) => running() ? child.once('exit', resolve) : resolve())
  }

  /** GET `path` (with query); `{ status, body }`. */
  async function get (path) {
    const response = await fetch(url + path)
    return { status: response.status, body: await response.json() }
  }

  await start()
  return {
    url,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    start,
    get,
    /** POST `body` as JSON to `path`; `{ status, body }`. */
    async post (path, body) {
      const response = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      return { status: response.status, body: await response.json() }
    },
    /** Waits until the indexer has indexed block `height` (finalized), or fails after `ms`. */
    async waitForBlock (height, ms = 60_000) {
      const deadline = Date.now() + ms
      let last
      while (Date.now() < deadline) {
        last = (await get('/status').catch(() => null))?.body
        if (last?.height >= height) return last
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`the indexer did not reach block ${height} (at ${last?.height}; log: ${logFile})`)
    },
    /** Waits until `check()` resolves truthy (polling), or fails with `what` after `ms`. */
    async until (what, check, ms = 60_000) {
      const deadline = Date.now() + ms
      while (Date.now() < deadline) {
        const value = await check().catch(() => null)
        if (value) return value
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
      throw new Error(`timed out waiting for ${what} (log: ${logFile})`)
    },
    /** Kills the indexer and its follower at once (SIGKILL to its process group). */
    async kill () {
      if (running()) process.kill(-child.pid, 'SIGKILL')
      await exited()
    },
    async stop () {
      if (running()) child.kill('SIGTERM')
      const timer = setTimeout(() => { if (running()) process.kill(-child.pid, 'SIGKILL') }, 10_000)
      await exited()
      clearTimeout(timer)
    }
  }
}
