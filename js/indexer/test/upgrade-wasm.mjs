// The runtime the forkless-upgrade tests upgrade a dev chain to: the `upgrade-test` build of the
// runtime (runtime/build.rs), which the node's test build makes beside the real one in the
// shared target directory. Its PostCreated event has a field more.

import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/** The upgrade-test runtime's Wasm (bytes), or null when this build has none. */
export function upgradeTestWasm () {
  const target = process.env.CARGO_TARGET_DIR ??
    execFileSync('bash', ['-c', `. ${join(root, 'scripts/env.sh')} && echo "$CARGO_TARGET_DIR"`]).toString().trim()
  const dir = join(target, 'release/wbuild/agora-runtime')
  if (!existsSync(dir)) return null
  const [newest] = readdirSync(dir)
    .filter((name) => name.startsWith('upgrade_test') && name.endsWith('.compact.compressed.wasm'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  return newest ? readFileSync(newest) : null
}
