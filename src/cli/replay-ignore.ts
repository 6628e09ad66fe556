// replay's ignore rules: --ignore (repeatable, each one path or several comma-separated) and
// --ignore-file (one path a line). Read and checked before anything is invoked, so a typo is a
// usage error up front, not a CI run that passes because its rule matched nothing.
import { readFile } from "node:fs/promises";
import { JsonPathError, parseJsonPaths, type JsonPath } from "../core/json-path.js";
import { EXIT, UserError } from "./exit-codes.js";

const EXAMPLE = "e.g. --ignore '$.body.timestamp' or --ignore '$.items[*].requestId'";

function parse(text: string, where: string): JsonPath[] {
  try {
    return parseJsonPaths(text);
  } catch (err) {
    if (!(err instanceof JsonPathError)) throw err;
    throw new UserError(
      `${where}: ${err.message}. Paths look like $.a.b[0].c, with [*] for every element: ${EXAMPLE}`,
      EXIT.usage,
    );
  }
}

/** The paths of --ignore's values. */
export function ignoreFlagPaths(values: readonly string[]): JsonPath[] {
  return values.flatMap((v) => parse(v, "--ignore"));
}

/** The paths of an --ignore-file: one a line; blank lines and lines starting with # are skipped. */
export async function ignoreFilePaths(file: string): Promise<JsonPath[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UserError(
      `--ignore-file ${file} cannot be read (${code}): give a file with one JSON path a line`,
    );
  }
  return text.split(/\r?\n/).flatMap((line, i) => {
    const t = line.trim();
    return t === "" || t.startsWith("#") ? [] : parse(t, `${file}:${i + 1}`);
  });
}
