#!/usr/bin/env node
// agora: Agora's command-line client. Every social call and every read, on @polkadot/api.
//
//   node js/cli/agora.mjs post "hello, world"
//   node js/cli/agora.mjs feed --json
//
// Run without arguments for the list of commands.

import { parseArgs } from 'node:util'

import { DEFAULT_URL, UserError, connect } from '@agora/chain'

import { commands } from './lib/commands.mjs'
import { formatResult } from './lib/format.mjs'
import { DEFAULT_INDEXER_URL } from './lib/indexer.mjs'
import { signer } from './lib/signer.mjs'

const OPTIONS = {
  url: { type: 'string', default: DEFAULT_URL },
  suri: { type: 'string' },
  json: { type: 'boolean', default: false },
  finalized: { type: 'boolean', default: false },
  file: { type: 'string' },
  cid: { type: 'string' },
  size: { type: 'string' },
  cursor: { type: 'string' },
  limit: { type: 'string' },
  as: { type: 'string' },
  type: { type: 'string' },
  until: { type: 'string' },
  threshold: { type: 'string' },
  delay: { type: 'string' },
  heir: { type: 'string' },
  allowance: { type: 'string' },
  indexer: { type: 'string', default: DEFAULT_INDEXER_URL },
  kinds: { type: 'string' },
  people: { type: 'boolean', default: false },
  window: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false }
}

function usage () {
  return [
    'usage: agora <command> [arguments] [--url ws://…] [--suri SECRET] [--as ACCOUNT] [--json] [--finalized]',
    '',
    'commands:',
    ...Object.values(commands).map(({ usage }) => `  ${usage}`),
    '',
    `--url     the node (default ${DEFAULT_URL})`,
    '--suri    the signing key (seed, mnemonic or //Dev path). Default on a dev chain only:',
    '          //Alice, a well-known dev key whose secret is public',
    '--as      act for this account (SS58 or @handle): as one of its keys (`keys add`) or as',
    '          the heir of its recovery',
    '--json    machine-readable output',
    '--finalized  wait for finality, not just inclusion',
    `--indexer the indexer's API, for the commands marked (indexer) (default ${DEFAULT_INDEXER_URL})`
  ].join('\n')
}

/** Finds the command named by the first three, two or one words (the longest that names one). */
function findCommand (words) {
  for (let n = 3; n >= 1; n--) {
    const name = words.slice(0, n).join(' ')
    if (words.length >= n && commands[name]) return { command: commands[name], args: words.slice(n) }
  }
  return {}
}

async function main (argv) {
  const { values: options, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true })
  const { command, args } = findCommand(positionals)
  if (options.help || !command) {
    console.log(usage())
    return positionals.length === 0 || options.help ? 0 : 2
  }
  // Commands that read the indexer reach the chain only when they need it (an @handle, a key).
  let chain = null
  const chainOnce = async () => (chain ??= await connect(options.url))
  if (!command.indexer) await chainOnce()
  try {
    let pair
    const ctx = {
      api: chain?.api,
      call: chain?.call,
      options,
      chain: chainOnce,
      pair: async () => (pair ??= await signer(await chainOnce(), options.suri))
    }
    const result = await command.run(ctx, args)
    console.log(options.json ? JSON.stringify(result, null, 2) : formatResult(result))
    return 0
  } finally {
    await chain?.api.disconnect()
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code }, (error) => {
  if (error instanceof UserError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`agora: ${error.message}`)
    process.exitCode = 1
  } else {
    console.error(`agora: unexpected error: ${error?.stack ?? error}`)
    process.exitCode = 70
  }
})
