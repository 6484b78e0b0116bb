// Test scaffolding for every JS test: a real dev node and a real IPFS daemon on free loopback
// ports, each in its own temporary directory, stopped when the test file ends; fresh funded
// accounts. On request also PostgreSQL and the indexer (js/indexer) following the node.

import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, openSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { ApiPromise, WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'
import { u8aToHex } from '@polkadot/util'
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto'

import { submit } from '@agora/chain'

import { startIndexer } from './indexer.js'
import { startIpfs } from './ipfs.js'
import { freePort } from './ports.js'
import { startPostgres } from './postgres.js'

export { freePort, startIndexer, startIpfs, startPostgres }

const root = fileURLToPath(new URL('../..', import.meta.url))

function nodeBinary () {
  if (process.env.AGORA_NODE) return process.env.AGORA_NODE
  return execFileSync('bash', ['-c', `. ${join(root, 'scripts/env.sh')} && echo "$AGORA_NODE"`]).toString().trim()
}

/**
 * Starts an IPFS daemon and a dev node wired to it; `stop()` stops everything and cleans up.
 * `postgres`: also a PostgreSQL cluster (`net.postgres.url`); `indexer`: also PostgreSQL and the
 * indexer following the node and the IPFS daemon (`net.indexer`, see ./indexer.js), with
 * `indexerArgs` added to its command line.
 */
export async function startNetwork ({ ipfs = true, postgres = false, indexer = false, indexerArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'agora-client-'))
  const rpcPort = await freePort()
  const daemon = ipfs ? await startIpfs(dir) : null
  // Without a daemon the node is pointed at a port nobody serves.
  const ipfsApi = daemon?.api ?? `http://127.0.0.1:${await freePort()}`
  const log = openSync(join(dir, 'node.log'), 'a')
  // Archive of the canonical chain: an indexer reads the events of every block, however old.
  const node = spawn(nodeBinary(), [
    '--dev', '--instant-seal', '--base-path', join(dir, 'chain'), '--state-pruning', 'archive-canonical',
    '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`,
    '--no-prometheus', '--no-telemetry', '--no-mdns', '--no-hardware-benchmarks',
    '--ipfs-api', ipfsApi, '--ipfs-timeout', '5000'
  ], { stdio: ['ignore', 'ignore', log] })
  const url = `ws://127.0.0.1:${rpcPort}`
  const { api, provider } = await connectWhenUp(url, node)
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const alice = keyring.addFromUri('//Alice')
  const pg = postgres || indexer ? await startPostgres() : null
  const indexerHandle = indexer
    ? await startIndexer({
      rpc: url,
      db: pg.url,
      ipfs: daemon?.api ?? null,
      args: indexerArgs,
      logFile: join(dir, 'indexer.log')
    })
    : null

  return {
    url,
    api,
    /** `{ url, stop }` of the PostgreSQL cluster, when asked for. */
    postgres: pg,
    /** The indexer, when asked for (./indexer.js). */
    indexer: indexerHandle,
    /** The IPFS daemon (./ipfs.js): its `api`, `add(bytes, { onlyHash })`. */
    ipfs: daemon,
    /** The node's database directory and the IPFS repository, for tests that inspect them. */
    chainPath: join(dir, 'chain'),
    ipfsPath: join(dir, 'ipfs'),
    /** A raw JSON-RPC call: `params` as given (an array, or an object of named parameters). */
    rpc: (method, params = []) => provider.send(method, params),
    stopIpfs: () => daemon?.stop(),
    /** Signs and submits `tx` with `who`'s key, bypassing the CLI. */
    submitAs: (who, tx) => submit(api, tx, who.pair),
    /**
     * Uploads `body` (text or bytes) through the node's `content_add`; resolves with
     * `{ cid, size }` (older nodes answer the CID alone).
     */
    async upload (body) {
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
      const added = await provider.send('content_add', [u8aToHex(bytes)])
      return typeof added === 'string' ? { cid: added, size: bytes.length } : added
    },
    /** `fn(...args)`, with the body's declared `size` after them when the runtime's call takes one. */
    withSize: (fn, args, size) => fn.meta.args.length > args.length ? fn(...args, size) : fn(...args),
    /** A brand-new key: no balance, not on chain; its secret and address. */
    newKey () {
      const suri = mnemonicGenerate()
      const pair = keyring.addFromUri(suri)
      return { suri, address: pair.address, pair }
    },
    /** //Alice's key, the dev chain's well-known funded account. */
    alice: { suri: '//Alice', address: alice.address, pair: alice },
    /** A new account funded by //Alice with 1,000 AGORA; returns its secret and address. */
    async freshAccount () {
      const suri = mnemonicGenerate()
      const pair = keyring.addFromUri(suri)
      await submit(api, api.tx.balances.transferKeepAlive(pair.address, 1_000n * 10n ** 12n), alice)
      return { suri, address: pair.address, pair }
    },
    async stop () {
      await indexerHandle?.stop()
      await api.disconnect().catch(() => {})
      node.kill('SIGTERM')
      await new Promise((resolve) => node.exitCode !== null ? resolve() : node.once('exit', resolve))
      daemon?.stop()
      pg?.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

async function connectWhenUp (url, node) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (node.exitCode !== null) throw new Error(`agora-node exited with ${node.exitCode}`)
    try {
      const provider = new WsProvider(url, false)
      await new Promise((resolve, reject) => {
        provider.on('connected', resolve)
        provider.on('error', reject)
        provider.connect().catch(reject)
      })
      return { api: await ApiPromise.create({ provider, noInitWarn: true }), provider }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`no RPC at ${url}`)
}
