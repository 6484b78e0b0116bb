#!/usr/bin/env node
// agora-indexer: follows an Agora node's finalized blocks into PostgreSQL and serves
// notifications, search, hashtags and mentions over a small REST API (docs/indexer.md).
//
//   node js/indexer/bin/agora-indexer.mjs --rpc ws://127.0.0.1:9944 \
//     --db postgres://postgres@127.0.0.1:5433/agora_indexer --ipfs http://127.0.0.1:5001

import { ConfigError, USAGE, parseConfig } from '../src/config.js'
import { runIndexer } from '../src/indexer.js'
import { log } from '../src/log.js'

let config
try {
  config = parseConfig(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(`agora-indexer: ${error.message}\n\n${USAGE}`)
  process.exit(2)
}
if (config.help) {
  console.log(USAGE)
  process.exit(0)
}

const indexer = await runIndexer(config, log)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log.info(`${signal}: stopping`)
    indexer.stop(0)
  })
}
process.exitCode = await indexer.done
