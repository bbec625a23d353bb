import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { en } from './src/i18n/en.ts';

// `npx vite build --config web/vite.config.ts` → web/dist, served by the server at `/`.
// `npx vite --config web/vite.config.ts` → dev server proxying the API of a running `spawnai up`.
const apiTarget = process.env.SPAWN_API_URL ?? 'http://127.0.0.1:7070';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: apiTarget },
      '/healthz': { target: apiTarget },
    },
  },
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: en.appName,
        short_name: en.appName,
        description: en.tagline,
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#4338ca',
        background_color: '#f8fafc',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Only the shell is cached: API answers are live data (the session list keeps its own
        // offline copy in localStorage), so they never come from the service worker.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // Server routes a browser navigates to: once the worker is active, a navigation to the
        // sign-in redirect or its callback must reach the server, not get the cached shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/auth\//, /^\/docs/, /^\/healthz/, /^\/metrics/],
        runtimeCaching: [],
      },
    }),
  ],
});
