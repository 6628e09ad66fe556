// `history export --redact` on big and hostile text: a 4 MB JSON response, a 6 MB base64 one,
// and free text built to make a careless pattern scan the rest of the text at every position
// (1 MB of `a:`, of `aaaa+`, and of unterminated `password: "` pairs). Every pattern is bounded,
// so each takes one pass; before that, `a:` took 113 s and `aaaa+` 243 s.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { figure, ROOT } from "./lib.mjs";

// Bundled as the app is (jsonc-parser's ESM build: its UMD main requires files esbuild cannot
// follow), which importSource does not do.
const dir = await mkdtemp(path.join(os.tmpdir(), "lx-redact-bench-"));
const outfile = path.join(dir, "redact.mjs");
await build({
  stdin: {
    contents: 'export { redactText, redactLogLine } from "./src/core/history-redact.ts";',
    resolveDir: ROOT,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  mainFields: ["module", "main"],
  outfile,
  logLevel: "error",
});
const { redactText, redactLogLine } = await import(pathToFileURL(outfile).href);
await rm(dir, { recursive: true, force: true });

const ms = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
/** The median of three runs. */
const median = (f) => [ms(f), ms(f), ms(f)].sort((a, b) => a - b)[1];

const rows = Array.from({ length: 40_000 }, (_, i) => ({
  id: i,
  name: `order ${i}`,
  note: "shipped to Ada at 10:00",
  url: `https://x.example.com/a?page=${i}`,
}));
const json = JSON.stringify({ rows });
const b64 = JSON.stringify({
  data: Buffer.from(Array.from({ length: 4_500_000 }, (_, i) => (i * 7919) % 256)).toString("base64"),
});
const cases = [
  [`a ${(json.length / 1e6).toFixed(1)} MB JSON response`, () => redactText(json)],
  [`a ${(b64.length / 1e6).toFixed(1)} MB base64 response`, () => redactText(b64)],
  ["1 MB of `a:` (log line)", () => redactLogLine("a:".repeat(500_000))],
  ["1 MB of `aaaa+` (log line)", () => redactLogLine("aaaa+".repeat(200_000))],
  ['1 MB of `password: "x ` (log line)', () => redactLogLine('password: "x '.repeat(80_000))],
];
for (const [name, f] of cases)
  figure({ figure: `redact ${name}, median of 3`, measured: `${median(f).toFixed(0)} ms` });
