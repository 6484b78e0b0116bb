// One line per message on stderr, with the time and a level, as the node logs.

function line (level, message) {
  process.stderr.write(`${new Date().toISOString()} ${level} indexer: ${message}\n`)
}

export const log = {
  info: (message) => line('INFO', message),
  warn: (message) => line('WARN', message),
  error: (message) => line('ERROR', message)
}
