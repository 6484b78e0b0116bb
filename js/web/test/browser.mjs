// What the browser tests share: where the app and its screenshots live, Debian's chromium
// launched the one way CI can run it, the test bed each file starts (the app built and served
// for a real dev network), and the steps every test takes (sign in, go to a page, read the
// status line, check a phone's width).

import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { startNetwork } from '@agora/testnet'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { chromium } from 'playwright-core'
import { build } from 'vite'

import { serve } from '../serve.mjs'

/** The web app's folder (Vite's root). */
export const web = fileURLToPath(new URL('..', import.meta.url))
/** Where screenshots go (ignored by git), with a trailing slash. */
export const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url))

const CHROMIUM = process.env.AGORA_CHROMIUM ?? '/usr/bin/chromium'
// Headless, no sandbox (CI runs as root), and none of the background connections a closed
// network refuses.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Launches chromium headless and makes the screenshots folder. */
export async function launchChromium () {
  mkdirSync(screenshots, { recursive: true })
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS })
}

export const DESKTOP = { width: 1000, height: 900 }
export const PHONE = { width: 390, height: 844 }

/**
 * A page in a fresh browser context (its own IndexedDB and storage) of the app served at
 * `site` for the node `net`, at `hash`, ready; `setup(context)` runs before the page opens (to
 * route its connections). Errors the page throws collect in `page.errors`.
 */
export async function openPage (browser, { site, net }, hash, { viewport = DESKTOP, setup } = {}) {
  const context = await browser.newContext({ viewport })
  await setup?.(context)
  const page = await context.newPage()
  page.on('pageerror', (error) => { page.errors = [...(page.errors ?? []), error.message] })
  await page.goto(`${site.url}?node=${encodeURIComponent(net.url)}${hash}`)
  await page.waitForSelector('body[data-ready=true]')
  return page
}

/** Like `openPage` at Settings, signed in as the dev account `name` (Alice, Bob, …). */
export async function signedIn (browser, where, name, options) {
  const page = await openPage(browser, where, '#/settings', options)
  await page.selectOption('#account-select', { label: `${name} (dev account, public secret)` })
  await page.waitForSelector('form.profile-form')
  return page
}

/**
 * Goes to `hash` (loading it again when it is the page shown) and waits until its page has
 * loaded (and `selector`, if given, is there).
 */
export async function go (page, hash, selector) {
  await page.evaluate((h) => {
    if (window.location.hash === h) window.dispatchEvent(new window.HashChangeEvent('hashchange'))
    else window.location.hash = h
  }, hash)
  await page.waitForFunction(() => !document.querySelector('#view > p.muted')?.textContent.startsWith('Loading'))
  if (selector) await page.waitForSelector(selector)
}

/** Loads the page shown again (as the app does on a navigation) and waits until it has loaded. */
export async function refresh (page, selector) {
  await page.evaluate(() => window.dispatchEvent(new window.HashChangeEvent('hashchange')))
  await page.waitForFunction(() => !document.querySelector('#view > p.muted')?.textContent.startsWith('Loading'))
  if (selector) await page.waitForSelector(selector)
}

/** Waits until the status line says something matching `pattern`; returns it. */
export async function status (page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('status').textContent), pattern.source)
  return page.textContent('#status')
}

/** Asserts `page` has no horizontal scroll on a phone, and keeps its screenshot as phone-`name`. */
export async function fitsPhone (page, name) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  if (width > PHONE.width) throw new Error(`${name} is ${width} px wide on a ${PHONE.width} px phone`)
  await page.screenshot({ path: `${screenshots}phone-${name}.png`, fullPage: true })
}

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']

/**
 * What a browser test file runs against, started in order: the app built, a real dev network
 * (with PostgreSQL and the indexer when `indexer`), the app served for it, chromium. Resolves to
 * `{ net, site, browser, dev (the dev accounts' keyring pairs by name), open(hash, options),
 * signedIn(name, options), stop() }`; `stop` stops whatever started, and runs by itself when a
 * start fails.
 */
export async function startTestbed ({ indexer = false } = {}) {
  const bed = { dev: {} }
  bed.stop = async () => {
    await bed.browser?.close()
    await bed.site?.close()
    await bed.net?.stop()
  }
  try {
    await build({ root: web, logLevel: 'error' })
    bed.net = await startNetwork({ indexer })
    bed.site = await serve({ node: bed.net.url, indexer: indexer ? bed.net.indexer.url : null })
    bed.browser = await launchChromium()
  } catch (error) {
    await bed.stop()
    throw error
  }
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  for (const name of DEV_NAMES) bed.dev[name] = keyring.addFromUri(`//${name}`)
  bed.open = (hash, options) => openPage(bed.browser, bed, hash, options)
  bed.signedIn = (name, options) => signedIn(bed.browser, bed, name, options)
  return bed
}
