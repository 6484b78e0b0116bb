#!/usr/bin/env node
// Checks the relative links of every Markdown file in the repository.
//
//   node scripts/check-links.mjs
//
// Files: what `git ls-files` lists as tracked, plus new files git does not ignore (so a page
// is checked before its first commit), without node_modules. Links checked: `[x](path)`,
// `[x](path#anchor)`, `[x](#anchor)`, images and reference definitions (`[x]: path`); links
// with a scheme (https:, mailto:, …) and links inside fenced code blocks or inline code are
// skipped. A path must name a file or directory git knows (an ignored file would not be on
// GitHub); an anchor must match a heading of the target Markdown file by GitHub's slug rules.
// Prints each broken link as `file:line: link — reason` and exits 1, or prints a count and
// exits 0. Node 20, builtins only.

import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim()

/** Every path git knows in the working tree: tracked, or untracked and not ignored. */
function gitFiles () {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const files = new Set()
  for (const f of out.split('\0')) {
    // A file deleted or moved in the working tree may still be in the index.
    if (f && existsSync(path.join(root, f))) files.add(f)
  }
  return files
}

const files = gitFiles()
const dirs = new Set([''])
for (const f of files) {
  for (let d = path.posix.dirname(f); d !== '.' && !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d)
}
const markdown = [...files]
  .filter((f) => f.toLowerCase().endsWith('.md') && !f.split('/').includes('node_modules'))
  .sort()

/**
 * The text with fenced code blocks and inline code spans blanked out (same length, newlines
 * kept), so offsets still give line numbers.
 */
function maskCode (text) {
  const lines = text.split('\n')
  let fence = null // { char, length } while inside a fenced block
  const kept = lines.map((line) => {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null
      return ' '.repeat(line.length)
    }
    if (open && !(open[1][0] === '`' && line.slice(open.index + open[0].length).includes('`'))) {
      fence = { char: open[1][0], length: open[1].length }
      return ' '.repeat(line.length)
    }
    return line
  })
  // Inline code: a run of backticks up to the next run of the same length.
  return kept.join('\n').replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (m) => m.replace(/[^\n]/g, ' '))
}

/** GitHub's heading slug: lowercase, punctuation dropped (not `-` or `_`), spaces to `-`. */
function slug (heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // inline HTML tags
    .replace(/`/g, '')
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

const anchorCache = new Map()

/** The anchors a Markdown file defines: its headings' slugs (-1, -2 for repeats), and HTML ids. */
function anchorsOf (file) {
  if (anchorCache.has(file)) return anchorCache.get(file)
  const text = readFileSync(path.join(root, file), 'utf8')
  const masked = maskCode(text)
  const lines = text.split('\n')
  const maskedLines = masked.split('\n')
  const anchors = new Set()
  const seen = new Map()
  const add = (base) => {
    let s = base
    if (seen.has(base)) {
      let n = seen.get(base)
      do s = `${base}-${++n}`
      while (seen.has(s))
      seen.set(base, n)
    }
    seen.set(s, seen.get(s) ?? 0)
    anchors.add(s)
  }
  for (let i = 0; i < lines.length; i++) {
    if (maskedLines[i].trim() === '' && lines[i].trim() !== '') continue // inside code
    const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(lines[i])
    if (atx) {
      add(slug(atx[1] ?? ''))
      continue
    }
    // Setext headings: a paragraph line underlined with === or ---.
    if (/^ {0,3}(=+|-+)[ \t]*$/.test(lines[i]) && i > 0) {
      const prev = lines[i - 1]
      if (prev.trim() !== '' && !/^ {0,3}([#>*+-]|\d+[.)]|\||```|~~~)/.test(prev) && !prev.includes('|')) {
        add(slug(prev))
      }
    }
    for (const m of maskedLines[i].matchAll(/<a\s[^>]*\b(?:name|id)=["']([^"']+)["']/gi)) anchors.add(m[1])
  }
  anchorCache.set(file, anchors)
  return anchors
}

/** Links in a Markdown text: `{ target, offset }`, code excluded. */
function linksOf (text) {
  const masked = maskCode(text)
  const links = []
  // Inline links and images; the text may hold one level of brackets and span lines.
  const inline = /!?\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g
  for (const m of masked.matchAll(inline)) {
    links.push({ target: m[1].replace(/^<|>$/g, ''), offset: m.index })
  }
  // Reference definitions: `[label]: target`.
  for (const m of masked.matchAll(/^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm)) {
    links.push({ target: m[1].replace(/^<|>$/g, ''), offset: m.index })
  }
  return links
}

function lineAt (text, offset) {
  let line = 1
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

const broken = []
let checked = 0

for (const file of markdown) {
  const text = readFileSync(path.join(root, file), 'utf8')
  for (const { target, offset } of linksOf(text)) {
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue
    checked++
    const report = (reason) => broken.push(`${file}:${lineAt(text, offset)}: ${target} — ${reason}`)
    const hash = target.indexOf('#')
    const rawPath = hash === -1 ? target : target.slice(0, hash)
    const anchor = hash === -1 ? null : target.slice(hash + 1)
    let pathPart
    try {
      pathPart = decodeURIComponent(rawPath.split('?')[0])
    } catch {
      report('malformed percent-encoding')
      continue
    }
    let resolved = file
    if (pathPart !== '') {
      const joined = pathPart.startsWith('/')
        ? path.posix.normalize(pathPart.slice(1))
        : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart))
      resolved = joined.replace(/\/+$/, '')
      if (resolved === '.') resolved = ''
      if (resolved.startsWith('..')) {
        report('points outside the repository')
        continue
      }
      if (!files.has(resolved) && !dirs.has(resolved)) {
        const onDisk = existsSync(path.join(root, resolved))
        report(onDisk ? 'exists here but git ignores it' : 'no such file or directory')
        continue
      }
    }
    if (anchor === null || anchor === '') continue
    // Only Markdown files have headings to check (a directory or a source file does not).
    if (!files.has(resolved) || !resolved.toLowerCase().endsWith('.md')) continue
    let wanted
    try {
      wanted = decodeURIComponent(anchor)
    } catch {
      wanted = anchor
    }
    if (!anchorsOf(resolved).has(wanted)) report(`no heading with anchor #${wanted} in ${resolved}`)
  }
}

for (const line of broken) console.log(line)
if (broken.length > 0) {
  console.log(`${broken.length} broken of ${checked} relative links in ${markdown.length} Markdown files`)
  process.exit(1)
}
console.log(`${checked} relative links in ${markdown.length} Markdown files: all resolve`)
