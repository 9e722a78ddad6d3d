import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.tsx"],
    setupFiles: ["./src/test-setup.ts"],
    // Rendering charts in jsdom takes a few seconds on a busy 2-core machine; 5 s (the default) is too tight.
    testTimeout: 30_000,
  },
});
