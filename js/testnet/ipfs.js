// An IPFS daemon for one test: scripts/ipfs.sh (js-ipfs, loopback and offline) with its
// repository in `dir`, on free ports; adding bytes through its RPC API, or only computing the
// CID they would get (to post a body that arrives later).

import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { freePort } from './ports.js'

const script = fileURLToPath(new URL('../../scripts/ipfs.sh', import.meta.url))

/** Starts a daemon with its repository at `dir/ipfs`; `{ api, path, add, stop }`. */
export async function startIpfs (dir) {
  const [apiPort, gatewayPort] = [await freePort(), await freePort()]
  const path = join(dir, 'ipfs')
  const env = { ...process.env, AGORA_IPFS_PATH: path, AGORA_IPFS_API_PORT: String(apiPort), AGORA_IPFS_GATEWAY_PORT: String(gatewayPort) }
  const ctl = (action) => {
    const run = spawnSync('bash', [script, action], { env, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`scripts/ipfs.sh ${action} failed: ${run.stderr}`)
  }
  ctl('start')
  const api = `http://127.0.0.1:${apiPort}`
  return {
    api,
    path,
    /**
     * Adds `bytes` (a CIDv1 with raw leaves, as the node's content_add makes) and resolves with
     * its CID; with `onlyHash` only computes the CID and stores nothing.
     */
    async add (bytes, { onlyHash = false } = {}) {
      const form = new FormData()
      form.append('file', new Blob([bytes]))
      const query = `cid-version=1&raw-leaves=true&pin=true${onlyHash ? '&only-hash=true' : ''}`
      const response = await fetch(`${api}/api/v0/add?${query}`, { method: 'POST', body: form })
      if (!response.ok) throw new Error(`ipfs add: ${response.status} ${await response.text()}`)
      return (await response.json()).Hash
    },
    stop: () => ctl('stop')
  }
}
