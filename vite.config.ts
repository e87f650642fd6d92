import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Registered by src/pwa (workbox-window), so the app decides when an update takes over.
      injectRegister: null,
      registerType: 'prompt',
      manifest: {
        name: '단골 — 우리 가게 주문',
        short_name: '단골',
        lang: 'ko',
        start_url: '/',
        display: 'standalone',
        theme_color: '#b5452b',
        background_color: '#fffdf9',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any maskable' }],
      },
      workbox: {
        // The app shell, so a customer who visited once can open the shop's page and order offline.
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    // Hash-named chunks are cached forever by the server; index.html is never cached.
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
});
