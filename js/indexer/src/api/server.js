// The indexer's REST API on node:http: JSON answers, errors as `{ code, message }` with an HTTP
// status (src/api/errors.js). Loopback by default. Served publicly (`public`), every client
// address gets `ratePerMinute` requests a minute; always, request bodies are capped at
// `maxBodyBytes`, pages at `maxPage`, and slow requests are cut off.

import { createServer } from 'node:http'

import { ApiError } from './errors.js'
import { rateLimiter } from './rate-limit.js'
import { routes } from './routes.js'

/**
 * A database that is down, restarting or unreachable, answered as 8011 rather than 8012: the
 * socket's errors, pg's own, and SQLSTATE classes 08 (connection exception) and 57P (operator
 * intervention: shutdown, cannot connect now).
 */
const UNAVAILABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|timeout exceeded when trying to connect|Connection terminated/
const unavailable = (error) => UNAVAILABLE.test(error.message) || UNAVAILABLE.test(error.code ?? '') || /^(08|57P)/.test(error.code ?? '')

/**
 * `options`: `{ db, ss58, maxPage, maxBodyBytes, ratePerMinute, log }` (`ratePerMinute` 0:
 * no limit). Returns the unstarted http.Server.
 */
export function createApiServer ({ db, ss58, maxPage = 100, maxBodyBytes = 4096, ratePerMinute = 0, log = console }) {
  const limiter = ratePerMinute > 0 ? rateLimiter(ratePerMinute) : null
  const server = createServer(async (request, response) => {
    let answer
    let status = 200
    try {
      answer = await handle(request)
    } catch (error) {
      const known = error instanceof ApiError
        ? error
        : unavailable(error)
          ? new ApiError('unavailable', 'the database is unavailable; try again shortly')
          : null
      if (!known) log.error(`API ${request.method} ${request.url?.slice(0, 200)}: ${error.stack ?? error}`)
      const failure = known ?? new ApiError('internal', 'internal error')
      status = failure.status
      answer = { code: failure.code, message: failure.message }
    }
    const body = JSON.stringify(answer)
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      // Public data and signed writes: any web page may call it.
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      // A refused body may still be arriving: do not read the rest of it.
      ...(status === 413 ? { connection: 'close' } : {})
    })
    response.end(request.method === 'HEAD' ? undefined : body)
  })
  server.requestTimeout = 10_000
  server.headersTimeout = 5_000

  async function handle (request) {
    if (limiter && !limiter.allow(request.socket.remoteAddress ?? '')) {
      throw new ApiError('rateLimited', `more than ${ratePerMinute} requests this minute from this address`)
    }
    const url = new URL(request.url ?? '/', 'http://indexer')
    if (request.method === 'OPTIONS') return {}
    const route = routes[`${request.method === 'HEAD' ? 'GET' : request.method} ${url.pathname}`]
    if (!route) {
      const known = Object.keys(routes).some((key) => key.endsWith(` ${url.pathname}`))
      if (known) throw new ApiError('badMethod', `${request.method} is not served on ${url.pathname}`)
      throw new ApiError('notFound', `no endpoint ${url.pathname.slice(0, 100)} (see docs/indexer.md)`)
    }
    const body = request.method === 'POST' ? await readJson(request) : undefined
    return route({ db, query: url.searchParams, body, ss58, maxPage })
  }

  async function readJson (request) {
    const declared = Number(request.headers['content-length'] ?? 0)
    if (declared > maxBodyBytes) throw new ApiError('tooLarge', `request bodies are at most ${maxBodyBytes} bytes`)
    const chunks = []
    let size = 0
    for await (const chunk of request) {
      size += chunk.length
      if (size > maxBodyBytes) throw new ApiError('tooLarge', `request bodies are at most ${maxBodyBytes} bytes`)
      chunks.push(chunk)
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      throw new ApiError('badBody', 'the request body is not JSON')
    }
  }

  return server
}
