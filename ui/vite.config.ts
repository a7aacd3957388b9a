import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The UI is served from the app bundle (no dev server in production); the Fluent files
// in ../locales are shared with the Rust core and imported at build time.
export default defineConfig({
  plugins: [svelte()],
  base: "./",
  clearScreen: false,
  server: { port: 1420, strictPort: true, fs: { allow: [".."] } },
  build: {
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
    // Fonts are bundled as files, never inlined or fetched from a CDN.
    assetsInlineLimit: 0,
  },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
