// Runs the follower process (src/follower/main.js) and restarts it when it exits: after 1 s,
// doubling to at most 30 s while it keeps failing, back to 1 s once it has run for a minute.
// Before each start `beforeStart` runs (the indexer checks the node still serves the chain the
// database holds); an error it throws stops the supervisor and is reported to `onFatal`.

import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { backoff, sleep } from '../retry.js'

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url))
const HEALTHY_AFTER_MS = 60_000

/** Starts supervising; resolves nothing, returns `{ stop }`. */
export function superviseFollower ({ config, log, beforeStart = async () => {}, onFatal, onBatch = () => {} }) {
  const stopping = new AbortController()
  let child = null
  let failures = 0

  async function loop () {
    while (!stopping.signal.aborted) {
      try {
        await beforeStart(stopping.signal)
      } catch (error) {
        if (!stopping.signal.aborted) onFatal(error)
        return
      }
      if (stopping.signal.aborted) return
      const started = Date.now()
      const code = await runOnce()
      if (stopping.signal.aborted) return
      failures = Date.now() - started > HEALTHY_AFTER_MS ? 0 : failures + 1
      const pause = backoff(failures - 1, 1_000, 30_000)
      log.warn(`follower exited (${code}); restarting in ${pause / 1000} s`)
      await sleep(pause, stopping.signal)
    }
  }

  function runOnce () {
    return new Promise((resolve) => {
      child = fork(MAIN, [], {
        env: { ...process.env, AGORA_INDEXER_FOLLOWER: JSON.stringify(config), PROMETHEUS_PORT: String(config.metricsPort) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc']
      })
      child.on('message', (message) => message?.batch && onBatch(message.batch))
      child.once('exit', (code, signal) => {
        child = null
        resolve(signal ?? code)
      })
    })
  }

  const done = loop()
  return {
    async stop () {
      stopping.abort()
      if (child) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child?.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(timer)
      }
      await done
    }
  }
}
