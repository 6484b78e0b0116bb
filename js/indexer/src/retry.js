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
