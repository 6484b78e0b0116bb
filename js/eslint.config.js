// ESLint for every package of the workspace: neostandard (the `standard` style on ESLint 9)
// is both the lint and the formatter (`npm run format` fixes what it can).

import globals from 'globals'
import neostandard from 'neostandard'

export default [
  ...neostandard({ ignores: ['**/node_modules/**', 'web/dist/**', 'web/screenshots/**'] }),
  // Import attributes (`with { type: 'json' }`) are ES2025.
  { languageOptions: { ecmaVersion: 'latest' } },
  { files: ['web/src/**/*.js'], languageOptions: { globals: globals.browser } }
]
