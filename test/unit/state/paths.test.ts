// Where state is kept on each platform, and the one-time move from where macOS and Windows
// kept it before (env-paths' log folder, ~/Library/Logs on macOS).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheDir, migrateState, platformStateDir, stateDir } from "../../../src/state/paths.js";

const p = { log: "/home/u/.local/state/lambda-explorer", data: "/home/u/.local/share/lambda-explorer" };

describe("platformStateDir", () => {
  it("keeps Linux's XDG_STATE_HOME folder", () => {
    expect(platformStateDir("linux", p)).toEqual({ dir: p.log, formerly: null });
  });

  it.each(["darwin", "win32"] as const)(
    "uses the data folder on %s, moving from the log folder",
    (platform) => {
      const mac = {
        log: "/Users/u/Library/Logs/lambda-explorer",
        data: "/Users/u/Library/Application Support/lambda-explorer",
      };
      expect(platformStateDir(platform, mac)).toEqual({ dir: mac.data, formerly: mac.log });
    },
  );

  it("LAMBDA_EXPLORER_STATE_DIR comes first", () => {
    expect(stateDir({ LAMBDA_EXPLORER_STATE_DIR: "/tmp/x" })).toBe("/tmp/x");
  });
});

describe("cacheDir and stateDir, set but empty", () => {
  it("is taken as unset, never as the current folder", () => {
    const cache = cacheDir({ LAMBDA_EXPLORER_CACHE_DIR: "" });
    const state = stateDir({ LAMBDA_EXPLORER_STATE_DIR: "" });
    expect(path.isAbsolute(cache) && cache.endsWith("lambda-explorer")).toBe(true);
    expect(path.isAbsolute(state) && state.endsWith("lambda-explorer")).toBe(true);
    expect(cacheDir({ LAMBDA_EXPLORER_CACHE_DIR: "/tmp/c" })).toBe("/tmp/c");
  });
});

describe("migrateState", () => {
  it("moves the history, usage and drafts once, and never over existing state", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "lx-migrate-"));
    const from = path.join(root, "Logs", "lambda-explorer");
    const to = path.join(root, "Application Support", "lambda-explorer");
    mkdirSync(path.join(from, "drafts"), { recursive: true });
    writeFileSync(path.join(from, "history.jsonl"), '{"id":"1"}\n');
    writeFileSync(path.join(from, "drafts", "orders-api.json"), "{}");
    expect(migrateState(from, to)).toBe(true);
    expect(readFileSync(path.join(to, "history.jsonl"), "utf8")).toBe('{"id":"1"}\n');
    expect(existsSync(path.join(to, "drafts", "orders-api.json"))).toBe(true);
    expect(existsSync(from)).toBe(false);
    // Something at the old place again (an older version ran): the new state is left alone.
    mkdirSync(from, { recursive: true });
    writeFileSync(path.join(from, "history.jsonl"), '{"id":"old"}\n');
    expect(migrateState(from, to)).toBe(false);
    expect(readFileSync(path.join(to, "history.jsonl"), "utf8")).toBe('{"id":"1"}\n');
  });

  it("does nothing when there is nothing to move", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "lx-migrate-"));
    expect(migrateState(path.join(root, "none"), path.join(root, "new"))).toBe(false);
    expect(existsSync(path.join(root, "new"))).toBe(false);
  });
});
