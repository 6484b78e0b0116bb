// The indexer's command line. Every option has a default that suits the dev chain
// (scripts/dev.sh); docs/indexer.md lists them.

import { isIP } from 'node:net'
import { parseArgs } from 'node:util'

const OPTIONS = {
  rpc: { type: 'string', default: 'ws://127.0.0.1:9944' },
  db: { type: 'string', default: 'postgres://postgres@127.0.0.1:5433/agora_indexer' },
  ipfs: { type: 'string' },
  'api-addr': { type: 'string', default: '127.0.0.1:9960' },
  public: { type: 'boolean', default: false },
  'rate-limit': { type: 'string' },
  'max-page': { type: 'string' },
  'metrics-port': { type: 'string', default: '9961' },
  'max-body-bytes': { type: 'string', default: String(256 * 1024) },
  'ipfs-timeout': { type: 'string', default: '10000' },
  'fetch-concurrency': { type: 'string', default: '8' },
  'retry-base-ms': { type: 'string', default: '2000' },
  'retry-max-ms': { type: 'string', default: '600000' },
  'poll-ms': { type: 'string', default: '1000' },
  'reset-on-new-chain': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false }
}

export const USAGE = `usage: agora-indexer [options]

  --rpc URL              the node (default ws://127.0.0.1:9944); an archive node
                         (--state-pruning archive-canonical) to index from genesis
  --db URL               PostgreSQL (default postgres://postgres@127.0.0.1:5433/agora_indexer)
  --ipfs URL             the IPFS daemon's RPC API for bodies, e.g. http://127.0.0.1:5001
                         (default: through the node's content_get)
  --api-addr HOST:PORT   the REST API (default 127.0.0.1:9960); another host needs --public
  --public               serve the API publicly, with a request rate per address
  --rate-limit N         requests per minute per address (default: 600 with --public, else none)
  --max-page N           the largest page (default 100, 50 with --public)
  --metrics-port PORT    Prometheus metrics on 127.0.0.1 (default 9961)
  --max-body-bytes N     larger bodies are skipped (default 262144)
  --ipfs-timeout MS      one body fetch (default 10000)
  --fetch-concurrency N  body fetches at once (default 8)
  --retry-base-ms MS     first retry of a missing body; doubles up to --retry-max-ms (2000, 600000)
  --poll-ms MS           how often to ask for a new finalized block (default 1000)
  --reset-on-new-chain   if the node serves another chain than the database holds, start over
                         (for dev chains; otherwise the indexer stops and says so)`

class ConfigError extends Error {}
export { ConfigError }

function integer (values, name, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  const text = values[name]
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new ConfigError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`)
  }
  return Number(text)
}

/** `HOST:PORT` or `[IPv6]:PORT` → `{ host, port }`. */
function address (text) {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(text)
  if (!match || Number(match[3]) > 65535) throw new ConfigError(`--api-addr must be HOST:PORT, not "${text}"`)
  return { host: match[1] ?? match[2], port: Number(match[3]) }
}

function isLoopback (host) {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'))
}

/** The configuration from `argv`; throws ConfigError with a message for bad input. */
export function parseConfig (argv) {
  let values
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false }))
  } catch (error) {
    throw new ConfigError(error.message)
  }
  if (values.help) return { help: true }
  const api = address(values['api-addr'])
  if (!isLoopback(api.host) && !values.public) {
    throw new ConfigError(`--api-addr ${values['api-addr']} is not loopback: pass --public to serve the API to other hosts (with its limits)`)
  }
  for (const name of ['rpc', 'db']) {
    if (!/^[a-z]+:\/\//.test(values[name])) throw new ConfigError(`--${name} must be a URL, not "${values[name]}"`)
  }
  if (values.ipfs !== undefined && !/^https?:\/\//.test(values.ipfs)) throw new ConfigError(`--ipfs must be an http(s) URL, not "${values.ipfs}"`)
  values['rate-limit'] ??= values.public ? '600' : '0'
  values['max-page'] ??= values.public ? '50' : '100'
  return {
    rpc: values.rpc,
    db: values.db,
    ipfs: values.ipfs ?? null,
    api: { ...api, public: values.public },
    ratePerMinute: integer(values, 'rate-limit'),
    maxPage: integer(values, 'max-page', { min: 1, max: 100 }),
    metricsPort: integer(values, 'metrics-port', { min: 1, max: 65535 }),
    maxBodyBytes: integer(values, 'max-body-bytes', { min: 1, max: 64 * 1024 * 1024 }),
    ipfsTimeoutMs: integer(values, 'ipfs-timeout', { min: 1 }),
    fetchConcurrency: integer(values, 'fetch-concurrency', { min: 1, max: 256 }),
    retryBaseMs: integer(values, 'retry-base-ms', { min: 1 }),
    retryMaxMs: integer(values, 'retry-max-ms', { min: 1 }),
    pollMs: integer(values, 'poll-ms', { min: 10 }),
    resetOnNewChain: values['reset-on-new-chain']
  }
}
