// serve.mjs from an attacker's side: malformed and hostile requests get a 4xx, nothing outside
// the served folder is read, and the server keeps serving afterwards.

import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { serve } from '../serve.mjs'

let dir, site, port

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agora-serve-'))
  mkdirSync(join(dir, 'dist'))
  writeFileSync(join(dir, 'dist', 'index.html'), '<p>app</p>')
  writeFileSync(join(dir, 'secret.txt'), 'outside the served folder')
  site = await serve({ root: join(dir, 'dist') })
  port = new URL(site.url).port
})

after(async () => {
  await site?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Sends `raw` bytes as they are (no client-side URL checks) and returns the status code. */
function rawStatus (raw) {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(raw))
    let answer = ''
    socket.on('data', (chunk) => { answer += chunk })
    socket.on('error', reject)
    socket.on('close', () => resolve(Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0)))
  })
}

function get (path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = ''
      response.on('data', (chunk) => { body += chunk })
      response.on('end', () => resolve({ status: response.statusCode, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function stillServes () {
  const { status, body } = await get('/')
  assert.equal(status, 200)
  assert.equal(body, '<p>app</p>')
}

test('a bad percent-encoding is a 400', async () => {
  assert.equal(await rawStatus('GET /% HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'), 400)
  await stillServes()
})

test('paths that climb out of the folder are refused and read nothing', async () => {
  for (const path of ['/..%2fsecret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/../secret.txt']) {
    const status = await rawStatus(`GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`)
    assert.ok(status >= 400 && status < 500, `${path} answered ${status}`)
  }
  const { body } = await get('/..%2fsecret.txt')
  assert.doesNotMatch(body, /outside/)
  await stillServes()
})

test('a 1 MB header is refused with a 4xx', async () => {
  const status = await rawStatus(`GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(1 << 20)}\r\n\r\n`)
  assert.ok(status >= 400 && status < 500, `answered ${status}`)
  await stillServes()
})

test('a NUL in the path and a broken request line are 4xx', async () => {
  assert.equal(await rawStatus('GET /%00 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'), 400)
  const status = await rawStatus('BROKEN\r\n\r\n')
  assert.ok(status >= 400 && status < 500, `answered ${status}`)
  await stillServes()
})

test('only GET and HEAD', async () => {
  assert.equal(await rawStatus('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\nconnection: close\r\n\r\n'), 405)
  await stillServes()
})
