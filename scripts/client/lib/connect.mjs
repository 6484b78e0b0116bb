// Connecting to an Agora node: @polkadot/api as Polkadot.js apps uses it (metadata from the
// node, default signed extensions), plus the project's RPC definitions (content_*, social_*).

import { readFileSync } from 'node:fs'
import { ApiPromise, WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'

import { UserError, describeRpcError } from './errors.mjs'

export const DEFAULT_URL = 'ws://127.0.0.1:9944'
const DEV_SURI = '//Alice'

/** The custom RPC definitions, as apps takes them (Settings > Developer). */
export const rpcDefinitions = JSON.parse(
  readFileSync(new URL('../rpc-definitions.json', import.meta.url), 'utf8')
)

/** Connects to `url`, failing fast with a clear message when nobody answers. */
export async function connect (url = DEFAULT_URL, { timeoutMs = 10_000 } = {}) {
  const provider = new WsProvider(url, false)
  const unsubscribe = []
  try {
    await withTimeout(new Promise((resolve, reject) => {
      unsubscribe.push(provider.on('connected', resolve), provider.on('error', reject))
      provider.connect().catch(reject)
    }), timeoutMs)
  } catch {
    await provider.disconnect().catch(() => {})
    throw new UserError(`cannot reach an Agora node at ${url} (is it running? try scripts/dev.sh)`)
  } finally {
    unsubscribe.forEach((off) => off())
  }
  const api = await ApiPromise.create({ provider, rpc: rpcDefinitions, throwOnConnect: true, noInitWarn: true })
  return { api, call: (method, params = []) => callRaw(provider, method, params) }
}

/**
 * Calls a project RPC method with JSON parameters as they are: optional parameters stay
 * absent or null, answers come back as plain JSON.
 */
async function callRaw (provider, method, params) {
  while (params.length > 0 && params[params.length - 1] == null) params = params.slice(0, -1)
  try {
    return await provider.send(method, params)
  } catch (error) {
    throw new UserError(describeRpcError(error))
  }
}

function withTimeout (promise, ms) {
  let timer
  return Promise.race([
    promise,
    new Promise((_resolve, reject) => { timer = setTimeout(() => reject(new Error('timeout')), ms) })
  ]).finally(() => clearTimeout(timer))
}

/**
 * The signing key for `suri`. Without one, the well-known dev key //Alice is used, but only on
 * a development chain: its secret is public knowledge.
 */
export async function signer (api, suri) {
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 ?? 42 })
  if (suri) return keyring.addFromUri(suri)
  const chainType = (await api.rpc.system.chainType()).toString()
  if (chainType !== 'Development' && chainType !== 'Local') {
    throw new UserError(`--suri is required on a ${chainType} chain (//Alice is only a dev key)`)
  }
  return keyring.addFromUri(DEV_SURI)
}
