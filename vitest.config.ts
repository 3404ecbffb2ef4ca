import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

/** One vitest run, three projects: core (pure), functions (against DynamoDB Local), web (jsdom). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "core", include: ["packages/core/src/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "functions",
          include: ["functions/src/**/*.test.ts"],
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
        plugins: [solid()],
        resolve: { conditions: ["development", "browser"] },
        test: {
          name: "web",
          include: ["web/src/**/*.test.tsx", "web/src/**/*.test.ts"],
          environment: "jsdom",
          setupFiles: ["web/test/setup.ts"],
        },
      },
    ],
  },
});
