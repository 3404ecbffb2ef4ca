import { defineConfig, type ProxyOptions } from "vite";
import solid from "vite-plugin-solid";

// Read when the config loads: scripts/platform.ts sets KETNOI_API_URL to the API it just started.
const apiProxy: Record<string, ProxyOptions> = {
  "/api": { target: process.env.KETNOI_API_URL ?? "http://127.0.0.1:8787" },
};

/** The web app: Solid, with `/api` proxied to the local API in dev and preview. */
export default defineConfig({
  plugins: [solid()],
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: { outDir: "dist", emptyOutDir: true, target: "es2020" },
});
