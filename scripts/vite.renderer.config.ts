import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// Build tooling, not renderer code: it lives outside renderer/ so the renderer holds only
// what runs in the window (DESIGN.md layering). The renderer is one static bundle served by both hosts (Electron's file://, the
// browser host's loopback server), so asset paths are relative.
export default defineConfig({
  root: fileURLToPath(new URL('../renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
