// Finding a template in a folder, apart from the loader so that a folder of functions is told
// apart without loading the YAML parser.
import { stat } from "node:fs/promises";
import path from "node:path";

/** The names a folder's template goes by, in the order SAM CLI looks for them. */
export const TEMPLATE_NAMES = ["template.yaml", "template.yml", "template.json"];

/** The template in `dir`, or null when it holds none. */
export async function templateIn(dir: string): Promise<string | null> {
  for (const name of TEMPLATE_NAMES) {
    const file = path.join(dir, name);
    if ((await stat(file).catch(() => null))?.isFile()) return file;
  }
  return null;
}
