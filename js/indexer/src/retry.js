// Waiting and back-off, shared by everything that retries: the database, the node, IPFS bodies
// and the follower's restarts.

/** `base` doubled per earlier attempt, at most `max` (milliseconds). */
export function backoff (attempt, base, max) {
  return Math.min(max, base * 2 ** Math.min(attempt, 30))
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep (ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done () {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** `promise`, or a rejection as soon as `signal` aborts (what it waited for is left behind). */
export function orAbort (promise, signal) {
  if (!signal) return promise
  return new Promise((resolve, reject) => {
    const abort = () => reject(new Error('stopped'))
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}
