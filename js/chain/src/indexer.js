// The indexer's REST API (js/indexer; endpoints in docs/indexer.md) as the CLI and the web app
// call it: notifications, search, hashtags, trending, mentions. Its answers are JSON; its
// refusals carry a stable code and a message, which become UserErrors in its own words.

import { UserError } from './errors.js'

/** How long one request may take. */
const TIMEOUT_MS = 15_000

/**
 * A client of the indexer at `url`: `get(path, params)` and `post(path, body)` resolve to the
 * answer. `unreachable` is added to the error when nothing answers (how to start one).
 */
export function indexerClient (url, { unreachable = '' } = {}) {
  const base = url.replace(/\/+$/, '')
  async function request (path, init) {
    let response
    try {
      response = await fetch(base + path, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
    } catch {
      throw new UserError(`Cannot reach the indexer at ${base}${unreachable ? ` ${unreachable}` : ''}`)
    }
    const answer = await response.json().catch(() => ({ message: `HTTP ${response.status}` }))
    if (!response.ok) throw new UserError(`the indexer refused: ${answer.message} (${answer.code ?? response.status})`)
    return answer
  }
  return {
    url: base,
    /** GET `path` with the query `params` (undefined and null values left out). */
    get (path, params = {}) {
      const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null)
      return request(entries.length ? `${path}?${new URLSearchParams(entries)}` : path)
    },
    /** POST `body` as JSON to `path`. */
    post (path, body) {
      return request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
    }
  }
}
