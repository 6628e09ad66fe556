// A template and its code folders written to a fresh temporary folder, for the loader's tests.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Writes `text` as `name` in a new folder with code folders `dirs`; answers the template's path. */
export async function writeTemplate(text: string, dirs: string[] = ["src/a"], name = "template.yaml") {
  const root = await mkdtemp(path.join(os.tmpdir(), "lx-template-"));
  for (const d of dirs) await mkdir(path.join(root, d), { recursive: true });
  const file = path.join(root, name);
  await writeFile(file, text);
  return file;
}
