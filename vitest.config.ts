import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// The heaviest end-to-end runs (100,000 functions, a 10 MB log line) compete with nothing: they
// are a project of their own that runs after every other test file has finished, one at a time.
const HEAVY = "test/**/*.heavy.test.ts";

// No test writes to the user's own history, usage, drafts or cache: the workers, and every
// process started with their environment, keep state under a scratch folder of this run (a
// test that sets its own folder still wins). Empty LAMBDA_EXPLORER_* folders count as unset.
const scratch = mkdtempSync(path.join(os.tmpdir(), "lx-test-home-"));
const isolated = {
  XDG_STATE_HOME: path.join(scratch, "state"),
  XDG_CACHE_HOME: path.join(scratch, "cache"),
  XDG_CONFIG_HOME: path.join(scratch, "config"),
  XDG_DATA_HOME: path.join(scratch, "data"),
  LAMBDA_EXPLORER_STATE_DIR: "",
  LAMBDA_EXPLORER_CACHE_DIR: "",
};

export default defineConfig({
  test: {
    // Generous: waits are for a state, and only a failing test waits a budget out; a loaded
    // 2-core CI machine may take many times longer than an idle one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests each start their own sandbox processes; two cores, so keep forks few.
    pool: "forks",
    maxWorkers: 2,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...isolated },
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
