// The CLI as a user runs it, against the test network of @agora/testnet.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export { freePort, startNetwork } from '@agora/testnet'

const cli = fileURLToPath(new URL('../agora.mjs', import.meta.url))

/** Runs the CLI like a user; `json` is its parsed output when it printed JSON. */
export function agora (args, { url, suri, json = true } = {}) {
  const argv = [cli, ...args]
  if (url) argv.push('--url', url)
  if (suri) argv.push('--suri', suri)
  if (json) argv.push('--json')
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => { stdout += chunk })
    child.stderr.on('data', (chunk) => { stderr += chunk })
    child.on('close', (code) => {
      let parsed
      try { parsed = JSON.parse(stdout) } catch { parsed = undefined }
      resolve({ code, stdout, stderr, json: parsed })
    })
  })
}

/**
 * The CLI against the network `getNet()` returns (started by the test file's `before`), as a
 * test uses it: `run` any command as `who`; `write` a command
 * that must succeed, returning the data of its event `section.method`; `refused` a command
 * that must fail, returning its error line.
 */
export function cliOn (getNet) {
  const run = (args, who) => agora(args, { url: getNet().url, suri: who?.suri })
  async function write (args, who, event) {
    const result = await run(args, who)
    assert.equal(result.code, 0, `agora ${args.join(' ')} failed: ${result.stderr}`)
    if (!event) return result.json
    const [section, method] = event.split('.')
    const found = result.json.events.find((e) => e.section === section && e.method === method)
    assert.ok(found, `no ${event} among ${JSON.stringify(result.json.events)}`)
    return found.data
  }
  async function refused (args, who) {
    const result = await run(args, who)
    assert.equal(result.code, 1, `agora ${args.join(' ')} should have failed: ${result.stdout}`)
    return result.stderr
  }
  return { run, write, refused }
}
