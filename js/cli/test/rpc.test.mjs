// rpc-definitions.json against a real dev node: the file (what Polkadot.js apps and the client
// are told) lists exactly the content_* and social_* methods the node serves, with the
// parameters the node takes: the same names, positions, types and optionality.
//
// The parameters are checked by behaviour, not by reading the Rust: jsonrpsee answers -32602
// (invalid params) when a parameter it has does not parse, and ignores positional and named
// parameters it does not have. So for each method:
//   - well-formed calls (all parameters, by position and by name; only the required ones;
//     each optional one null) must not be refused as invalid params;
//   - a garbage value in any one defined parameter must be refused, by position and by name,
//     which proves the node has that parameter there and under that name;
//   - null in a required parameter must be refused (the node requires it too);
//   - one garbage value after the last defined parameter must be ignored (the node has no
//     parameter the file lacks).
// Any other answer (a result, 7001 without an IPFS daemon, 7101 for a made-up cursor) is fine:
// only the parameters are under test. No IPFS daemon is started.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { rpcDefinitions } from '@agora/chain'
import { startNetwork } from './harness.mjs'

const INVALID_PARAMS = -32602
// An object: no parameter type of these methods (numbers, strings, hashes, SS58, hex bytes)
// parses from it.
const GARBAGE = { notAParameter: true }
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'

let net
let genesis
before(async () => {
  net = await startNetwork({ ipfs: false })
  genesis = await net.rpc('chain_getBlockHash', [0])
})
after(async () => { await net?.stop() })

/** The file's methods as `[name, params]`, e.g. `['social_post', [{ name: 'id', type: 'u64' }, …]]`. */
const defined = Object.entries(rpcDefinitions).flatMap(([section, methods]) =>
  Object.entries(methods).map(([method, { params }]) => [`${section}_${method}`, params]))

/** A well-formed value of a parameter, as @polkadot/api would send it (JSON). */
function sample ({ name, type }) {
  const byType = {
    AccountId: ALICE,
    BlockHash: genesis,
    Bytes: '0x68656c6c6f', // "hello"
    u32: 1,
    u64: 0,
    // A CID Agora accepts, a handle, a cursor (unknown: 7101, not invalid params), any text.
    Text: { cid: 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4', handle: 'nobody_here' }[name] ?? 'x'
  }
  assert.ok(type in byType, `the test has no sample value for the type ${type} (parameter ${name})`)
  return byType[type]
}

/** The error code of a call, or null when it answered. */
async function codeOf (method, params) {
  try {
    await net.rpc(method, params)
    return null
  } catch (error) {
    assert.equal(typeof error.code, 'number', `${method}: ${error.message}`)
    return error.code
  }
}

const named = (params, values) => Object.fromEntries(params.map(({ name }, i) => [name, values[i]]))
const replaced = (values, i, value) => values.map((v, j) => (j === i ? value : v))

test('the file lists exactly the content_* and social_* methods the node serves', async () => {
  const { methods } = await net.rpc('rpc_methods')
  const served = methods.filter((m) => /^(content|social)_/.test(m)).sort()
  assert.deepEqual(defined.map(([name]) => name).sort(), served)
})

test('every parameter in the file is one the node takes, and the node takes no other', async () => {
  for (const [method, params] of defined) {
    const values = params.map(sample)
    const required = params.findLastIndex((p) => !p.isOptional) + 1
    assert.ok(params.slice(required).every((p) => p.isOptional), `${method}: optional parameters come last`)
    const call = async (shape, args, refused) => {
      const code = await codeOf(method, args)
      const what = `${method} ${shape} ${JSON.stringify(args)} gave ${code}`
      if (refused) assert.equal(code, INVALID_PARAMS, `${what}; expected invalid params`)
      else assert.notEqual(code, INVALID_PARAMS, what)
    }

    await call('by position', values, false)
    await call('by name', named(params, values), false)
    await call('with only the required parameters', values.slice(0, required), false)
    for (let i = 0; i < params.length; i++) {
      const { name, isOptional } = params[i]
      await call(`with garbage in ${name}`, replaced(values, i, GARBAGE), true)
      await call(`with garbage in ${name}, by name`, named(params, replaced(values, i, GARBAGE)), true)
      await call(`with null in ${name}`, replaced(values, i, null), !isOptional)
    }
    await call('with one parameter more than the file lists', [...values, GARBAGE], false)
  }
})

test('the file\'s types are ones @polkadot/api knows', () => {
  for (const [section, methods] of Object.entries(rpcDefinitions)) {
    for (const [method, { params, type }] of Object.entries(methods)) {
      for (const t of [type, ...params.map((p) => p.type)]) {
        assert.doesNotThrow(() => net.api.registry.createType(t), `${section}_${method}: ${t}`)
      }
    }
  }
})
