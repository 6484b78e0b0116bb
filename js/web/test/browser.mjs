// What the browser tests share: where the app and its screenshots live, and Debian's chromium
// launched the one way CI can run it.

import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'

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
