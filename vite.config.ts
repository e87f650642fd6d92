import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Writes .br and .gz beside every text file of the build, once, at build time: the server sends them
 * as they are (@fastify/static preCompressed), so a phone on a slow line gets ~⅓ of the bytes and the
 * server spends no CPU compressing per request. Runs last, after the service worker is written.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  return {
    name: 'dangol-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      handler() {
        for (const path of files(outDir)) {
          if (!/\.(js|mjs|css|html|svg|json|webmanifest)$/.test(path)) continue;
          const body = readFileSync(path);
          if (body.length < 1024) continue;
          writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
          writeFileSync(
            `${path}.br`,
            brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }
      },
    },
  };
}

/** `npm start` beside `npm run dev`. */
const API = 'http://127.0.0.1:3000';

/**
 * The API takes writes only from its own origins, never from whatever the Host header says (issue
 * #15). A page of this dev server writes with the dev server's origin: handed on through the proxy,
 * such a write says it comes from the API's own origin — only when it names this very server
 * (loopback, this port), so a page elsewhere still gets 403.
 */
const toApi: ProxyOptions = {
  target: API,
  configure: (proxy) =>
    proxy.on('proxyReq', (proxyReq, req) => {
      const origin = req.headers.origin;
      if (!origin || !URL.canParse(origin)) return;
      const { hostname, port } = new URL(origin);
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
      if (loopback && Number(port) === req.socket.localPort) proxyReq.setHeader('origin', API);
    }),
};

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Registered by src/pwa (workbox-window), so the app decides when an update takes over.
      injectRegister: null,
      registerType: 'prompt',
      // Precached with a content revision (the manifest's icons are added by the plugin itself), so
      // switching to English offline still finds its manifest.
      includeAssets: ['manifest.en.webmanifest'],
      manifest: {
        // Korean is the default; public/manifest.en.webmanifest is the English twin (src/pwa/manifestLink.ts
        // switches the link). Both share `id`, icons and URLs, so the installed app is one app.
        id: '/',
        name: '단골 — 우리 가게 주문',
        short_name: '단골',
        description:
          '우리 가게에서 바로 주문하고, 예약하고, 가게와 대화해요. 인터넷이 끊겨도 주문이 저장돼요.',
        lang: 'ko',
        dir: 'ltr',
        scope: '/',
        start_url: '/?launch=app',
        display: 'standalone',
        theme_color: '#b5452b',
        background_color: '#fffdf9',
        // PNGs drawn by scripts/make-icons.mjs; maskable ones keep the mark inside the safe zone.
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The app shell, so a customer who visited once can open the shop's page and order offline.
        globPatterns: ['**/*.{js,css,html,svg}'],
        // Menu photos are not the shell: they are cached as they are viewed (runtimeCaching below).
        globIgnores: ['menu/**', 'uploads/**'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
        // Web Push handlers (public/sw-push.js), served as-is and loaded by the generated worker.
        importScripts: ['/sw-push.js'],
        runtimeCaching: [
          {
            // Menu photos, kept after they are first seen so an offline menu still has pictures.
            // Bounded on purpose: a shop changes photos for years, and an unbounded cache would
            // fill the phone until the browser evicts the whole origin — outbox and unsent orders
            // included. 80 photos is a full menu; 30 days drops those of dishes long gone.
            urlPattern: ({ url, request, sameOrigin }) =>
              sameOrigin &&
              request.destination === 'image' &&
              (url.pathname.startsWith('/menu/') || url.pathname.startsWith('/uploads/')),
            handler: 'CacheFirst',
            options: {
              cacheName: 'menu-images',
              expiration: { maxEntries: 80, maxAgeSeconds: 30 * 24 * 60 * 60, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [0, 200] },
            },
          },
          {
            // Map tiles (src/map) that were actually on screen, so a map seen once still draws offline.
            // Never prefetched (OSM tile policy), and bounded: 200 tiles are a few neighbourhoods at
            // street zoom; a week keeps the picture fresh. Only CORS (200) answers: an opaque one
            // counts as megabytes against the quota and could evict the outbox with the origin.
            urlPattern: ({ url, request, sameOrigin }) =>
              !sameOrigin &&
              request.destination === 'image' &&
              /\/\d+\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'map-tiles',
              expiration: { maxEntries: 200, maxAgeSeconds: 7 * 24 * 60 * 60, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    // Hash-named chunks are cached forever by the server; index.html is never cached.
    assetsDir: 'assets',
    sourcemap: false,
    // Which chunks each screen needs: the server announces a customer page's chunks in a Link
    // header, so the phone fetches them alongside the entry instead of one round trip after it.
    manifest: 'chunks.json',
  },
  server: {
    proxy: { '/api': toApi, '/healthz': toApi },
  },
});
