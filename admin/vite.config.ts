import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_ORIGIN = 'http://127.0.0.1:4000';

// The server serves the built panel under /admin/ and the API at /graphql on the same origin;
// in development the proxy gives the Vite dev server that same shape.
export default defineConfig(({ command }) => ({
  base: '/admin/',
  // Apollo Client keeps its development checks and messages unless the bundler sets this to false.
  define: command === 'build' ? { 'globalThis.__DEV__': JSON.stringify(false) } : {},
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin with Material UI is about 1.2 MB minified (380 kB gzipped) in one chunk; that is
    // expected for a staff panel, so only warn when it grows well past that.
    chunkSizeWarningLimit: 1600,
    // Two pages: the panel, and the display screen (served at /screen/<orgUnitId>, assets from /admin/assets).
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        screen: fileURLToPath(new URL('screen.html', import.meta.url)),
        // The public board (served at /public/<orgUnitId>, no login).
        public: fileURLToPath(new URL('public.html', import.meta.url)),
        // The residents' and members' app (served at /app/, with its service worker and manifest from public/).
        app: fileURLToPath(new URL('app.html', import.meta.url)),
      },
      // The chunk both pages share (React) would otherwise be named after one of its modules.
      output: { chunkFileNames: 'assets/shared-[hash].js' },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: API_ORIGIN, changeOrigin: true, ws: true },
      '/photos': { target: API_ORIGIN, changeOrigin: true },
    },
  },
}));
