// Vite builds the web app into dist/ (served by serve.mjs). The chain glue comes from the
// workspace's @agora/chain package, shared with the command-line client and the load tools.
import { defineConfig } from 'vite'

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { host: '127.0.0.1' }
})
