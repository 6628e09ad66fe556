// Writes the licences of every package the bundle carries, from esbuild's metafile: the
// build strips their legal comments, and the tarball ships no node_modules, so this file is
// how their notices (the AWS SDK's Apache-2.0, the MIT of Ink and React, and the rest) reach
// users. test/release/pack.test.ts checks it is in the tarball and names the SDK.
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** The package folders (node_modules/<name> or node_modules/@scope/<name>) of the inputs. */
function packageDirs(metafiles) {
  const dirs = new Set();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll("\\", "/"));
      if (m) dirs.add(m[1]);
    }
  }
  return [...dirs].sort();
}

/** The package's licence file and (Apache-2.0 asks for it to be passed on) its NOTICE file. */
async function licenceText(dir) {
  const names = await readdir(dir).catch(() => []);
  const files = [
    names.find((n) => /^(licen[cs]e|copying)(\.|$)/i.test(n)),
    names.find((n) => /^notice(\.|$)/i.test(n)),
  ].filter(Boolean);
  if (files.length === 0) return null;
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
  return texts.map((t) => t.trim()).join("\n\n");
}

export async function writeThirdPartyNotices(metafiles, outFile) {
  const seen = new Map();
  for (const dir of packageDirs(metafiles)) {
    const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
    const id = `${pkg.name}@${pkg.version}`;
    if (seen.has(id)) continue;
    const licence = typeof pkg.license === "string" ? pkg.license : (pkg.license?.type ?? "see below");
    seen.set(id, { id, licence, text: await licenceText(dir) });
  }
  const entries = [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
  // Many packages (the AWS SDK's ~40) ship the same text: each text once, with its packages.
  const groups = new Map();
  for (const e of entries.filter((e) => e.text)) {
    const g = groups.get(e.text) ?? { ids: [], licence: e.licence };
    g.ids.push(e.id);
    groups.set(e.text, g);
  }
  const textless = entries.filter((e) => !e.text);
  const body = [
    "# Third-party notices",
    "",
    "lambda-explorer's bundle (dist/) includes the following packages. Their licences follow.",
    "",
    ...entries.map((e) => `- ${e.id} (${e.licence})`),
    "",
    ...[...groups].flatMap(([text, g]) => [
      `## ${g.ids.join(", ")}`,
      "",
      `License: ${g.licence}`,
      "",
      "```",
      text.replaceAll("```", "'''"),
      "```",
      "",
    ]),
    ...(textless.length
      ? [
          "## Packages that ship no licence file",
          "",
          "Their package.json declares the licence named, whose standard text applies (the",
          "Apache-2.0 and MIT texts appear above).",
          "",
          ...textless.map((e) => `- ${e.id}: ${e.licence}`),
          "",
        ]
      : []),
  ].join("\n");
  await writeFile(outFile, body);
  return entries.length;
}
