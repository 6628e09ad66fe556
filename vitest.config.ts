import { configDefaults, defineConfig } from "vitest/config";

// The heaviest end-to-end runs (100,000 functions, a 10 MB log line) compete with nothing: they
// are a project of their own that runs after every other test file has finished, one at a time.
const HEAVY = "test/**/*.heavy.test.ts";

export default defineConfig({
  test: {
    // Generous: waits are for a state, and only a failing test waits a budget out; a loaded
    // 2-core CI machine may take many times longer than an idle one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests each start their own sandbox processes; two cores, so keep forks few.
    pool: "forks",
    maxWorkers: 2,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    projects: [
      {
        extends: true,
        test: {
          name: "main",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          exclude: [...configDefaults.exclude, HEAVY],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "heavy",
          include: [HEAVY],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
        },
      },
    ],
  },
});
