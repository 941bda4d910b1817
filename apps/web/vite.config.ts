import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '../..');
const require = createRequire(import.meta.url);
// Bootstrap Italia's fonts are self-hosted: @font-face rules in src/styles/fonts.css point here and Vite copies them.
const biFonts = path.join(path.dirname(require.resolve('bootstrap-italia/package.json')), 'dist/fonts');

export default defineConfig({
  root: webRoot,
  publicDir: path.join(webRoot, 'public'),
  plugins: [react()],
  resolve: {
    alias: [
      // The shared zod contracts are TypeScript sources in the workspace; resolve them directly.
      { find: /^@mosaico\/contracts\/(.+)$/, replacement: path.join(repoRoot, 'packages/contracts/src/$1.ts') },
      { find: /^bi-fonts\//, replacement: `${biFonts}/` },
    ],
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // Keep the big, rarely changing libraries in their own cacheable chunks.
        manualChunks(id: string) {
          if (/node_modules\/(echarts|zrender|topojson-client)\//.test(id)) return 'charts';
          if (/node_modules\/(react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)\//.test(id)) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
});
