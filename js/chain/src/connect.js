// Connecting to an Agora node: @polkadot/api as Polkadot.js apps uses it (metadata from the
// node, its signed extensions) with the project's RPC definitions (content_*, social_*), and a
// raw `call` for those methods that passes optional parameters as they are.

import { ApiPromise, WsProvider } from '@polkadot/api'

import rpcDefinitions from '../rpc-definitions.json' with { type: 'json' }
import { UserError, describeRpcError } from './errors.js'

export { rpcDefinitions }

/** The dev chain's RPC address (scripts/dev.sh). */
export const DEFAULT_URL = 'ws://127.0.0.1:9944'

/**
 * Connects to `url`, failing within `timeoutMs` with a clear message when nobody answers.
 * `requestTimeoutMs` bounds each request (@polkadot/api's default: 60 s). Returns
 * `{ api, provider, call, chainType, isDev, disconnect }`.
 */
export async function connect (url = DEFAULT_URL, { timeoutMs = 10_000, requestTimeoutMs } = {}) {
  const provider = new WsProvider(url, false, {}, requestTimeoutMs)
  const offs = []
  try {
    await withTimeout(new Promise((resolve, reject) => {
      offs.push(provider.on('connected', resolve), provider.on('error', reject))
      provider.connect().catch(reject)
    }), timeoutMs)
  } catch {
    await provider.disconnect().catch(() => {})
    throw new UserError(`Cannot reach an Agora node at ${url} (is it running? try scripts/dev.sh)`)
  } finally {
    offs.forEach((off) => off())
  }
  const api = await ApiPromise.create({ provider, rpc: rpcDefinitions, throwOnConnect: true, noInitWarn: true })
  const chainType = (await api.rpc.system.chainType()).toString()
  return {
    api,
    provider,
    call: (method, params = []) => callRaw(provider, method, params),
    chainType,
    isDev: chainType === 'Development' || chainType === 'Local',
    disconnect: () => api.disconnect().catch(() => {})
  }
}

/**
 * Calls a project RPC method with JSON parameters as they are: trailing absent parameters are
 * left out, answers come back as plain JSON, errors as UserErrors in the node's words.
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
