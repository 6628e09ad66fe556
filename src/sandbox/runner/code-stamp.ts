// A stamp of a function's code folder, compared at each invoke to notice edits: the path, size,
// modification time and inode of every file. Read at invoke time rather than watched: fs.watch
// misses changes on some file systems (network and container mounts) and needs a watcher per
// folder, while a few stat calls per invoke are cheap and always right.
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Folders not walked: dependencies are big (thousands of files, a stat each per invoke) and
 * rarely edited by hand, and version control's own files are not the function's code.
 */
const SKIPPED = new Set(["node_modules", "__pycache__"]);

/** Files whose change is not a code change: the sandbox reads function.json only at start. */
const NOT_CODE = new Set(["function.json"]);

export function codeStamp(dir: string): string {
  const hash = createHash("sha1");
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      hash.update(`missing ${rel}\n`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED.has(e.name) && !e.name.startsWith(".")) walk(child);
        continue;
      }
      if (!rel && NOT_CODE.has(e.name)) continue;
      try {
        const s = statSync(path.join(dir, child), { bigint: true });
        hash.update(`${child}\0${s.size}\0${s.mtimeNs}\0${s.ino}\n`);
      } catch {
        // removed while walking: the next invoke sees the folder as it is then
      }
    }
  };
  walk("");
  return hash.digest("hex");
}
