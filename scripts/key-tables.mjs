// Rewrites the generated key tables in README.md and docs/keys.md from the key table
// (src/ui/keys/keymap.ts). With --check it only says whether they are up to date (exit 1 if
// not). The TypeScript module is bundled in memory: Node 20 cannot import .ts itself.
import { build } from "esbuild";
import { readFile, writeFile } from "node:fs/promises";

const out = await build({
  entryPoints: ["src/ui/keys/keyTables.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  write: false,
  logLevel: "warning",
});
const mod = await import(
  `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`
);

const check = process.argv.includes("--check");
let stale = 0;
for (const { file, render } of mod.KEY_TABLE_FILES) {
  const text = await readFile(file, "utf8");
  const next = mod.replaceKeyBlock(text, mod.keyBlock(render()));
  if (next === null) {
    console.error(`${file}: no ${mod.START} … ${mod.END} block`);
    process.exitCode = 1;
    continue;
  }
  if (next === text) continue;
  stale++;
  if (check) console.error(`${file}: key tables are out of date; run npm run keys:readme`);
  else {
    await writeFile(file, next);
    console.log(`${file}: key tables rewritten`);
  }
}
if (check && stale > 0) process.exitCode = 1;
