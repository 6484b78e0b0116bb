// Vite builds the web app into dist/ (served by serve.mjs). The RPC definitions are shared with
// the command-line client: one file, scripts/client/rpc-definitions.json.
import { defineConfig } from 'vite'

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } }
})
