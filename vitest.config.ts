import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // e2e tests spawn the built binary; they need more than the default 5 s on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
