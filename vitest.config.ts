import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

/** One vitest run, four projects: core (pure), functions (against DynamoDB Local), infra (CDK synthesis), web (jsdom). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "core", include: ["packages/core/src/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "functions",
          include: ["functions/src/**/*.test.ts", "functions/test/**/*.test.ts"],
          environment: "node",
          globalSetup: ["functions/test/global-setup.ts"],
          setupFiles: ["functions/test/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: { name: "scripts", include: ["scripts/**/*.test.ts"], environment: "node", testTimeout: 120_000 },
      },
      {
        // Synthesizes the CDK templates offline (esbuild bundles the functions): slower than unit tests.
        test: {
          name: "infra",
          include: ["infra/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ["development", "browser"] },
        test: {
          name: "web",
          include: ["web/src/**/*.test.tsx", "web/src/**/*.test.ts"],
          environment: "jsdom",
          setupFiles: ["web/test/setup.ts"],
          // vite-plugin-solid finds Solid libraries from the root package.json; the router is a web dependency.
          server: { deps: { inline: [/@solidjs\/router/] } },
        },
      },
    ],
  },
});
