#!/usr/bin/env node
// Serves the built web app (dist/) on a loopback address:
// `node js/web/serve.mjs [--port 8090] [--node ws://127.0.0.1:9944] [--indexer URL]`, the node
// written into /config.json being the one the page talks to, and the indexer (notifications,
// search) the one it asks (`--indexer none`: a page without them).
// Static files only, GET and HEAD, nothing outside dist/; scripts/dev.sh and the browser tests
// use it. A malformed request (bad percent-encoding, a path that climbs out, headers over
// Node's limit) gets a 4xx and the server keeps serving.

import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

/** The dev chain's node and indexer (scripts/dev.sh). */
const DEFAULT_NODE = 'ws://127.0.0.1:9944'
const DEFAULT_INDEXER = 'http://127.0.0.1:9960'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm'
}

/**
 * Starts serving `root` on 127.0.0.1:`port` (0: any free port), with `/config.json` naming
 * `node`, the node the page talks to unless the person confirms another, and `indexer`, the
 * indexer's API it asks for notifications and search (null: none); resolves to `{ url, close }`.
 */
export function serve ({ root = fileURLToPath(new URL('./dist', import.meta.url)), port = 0, node = DEFAULT_NODE, indexer = null } = {}) {
  const config = JSON.stringify({ node, indexer })
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const path = requestPath(request.url)
    if (path === null) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('bad request: malformed path')
      return
    }
    if (path === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' })
      response.end(request.method === 'HEAD' ? undefined : config)
      return
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path))
    let size
    try {
      if (!file.startsWith(root + sep)) throw new Error('outside')
      const stat = statSync(file)
      if (!stat.isFile()) throw new Error('not a file')
      size = stat.size
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache'
    })
    if (request.method === 'HEAD') response.end()
    else createReadStream(file).on('error', () => response.destroy()).pipe(response)
  })
  // Requests Node cannot parse (headers over its 16 KiB limit, broken request lines): answer
  // and close that connection only.
  server.on('clientError', (error, socket) => {
    if (!socket.writable) return socket.destroy()
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) })
    })
  })
}

/** The decoded path of a request target, or null when it is not a well-formed one. */
function requestPath (target) {
  try {
    const path = decodeURIComponent(new URL(target, 'http://localhost').pathname)
    return path.includes('\0') ? null : path
  } catch {
    return null
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8090' },
      node: { type: 'string', default: DEFAULT_NODE },
      indexer: { type: 'string', default: DEFAULT_INDEXER }
    }
  })
  const indexer = values.indexer === 'none' ? null : values.indexer
  const { url } = await serve({ port: Number(values.port), node: values.node, indexer })
  console.log(`Agora web app on ${url}`)
}
