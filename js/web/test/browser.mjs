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
