// The sandbox's schema registries, per region, with every schema's versions. Kept in memory
// and, when the sandbox has a state folder, in one JSON file rewritten (through a rename)
// after each change, so saved test events survive a restart.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../config.js";

export interface SchemaVersionRecord {
  version: string;
  content: string;
  type: string;
  createdAt: string;
}

export interface SchemaRecord {
  name: string;
  description: string;
  tags: Record<string, string>;
  lastModified: string;
  /** The next version number; versions keep counting after deletions, as the service does. */
  next: number;
  versions: SchemaVersionRecord[];
}

export interface RegistryRecord {
  name: string;
  description: string;
  tags: Record<string, string>;
  schemas: Record<string, SchemaRecord>;
}

interface StoreFile {
  version: 1;
  regions: Record<string, Record<string, RegistryRecord>>;
}

export class SchemaStore {
  private data: StoreFile = { version: 1, regions: {} };

  /** `file` null keeps everything in memory. A damaged file stops the sandbox from starting. */
  constructor(private readonly file: string | null) {
    if (!file) return;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    let parsed: StoreFile | null = null;
    try {
      parsed = JSON.parse(text) as StoreFile;
    } catch {
      // answered below
    }
    if (parsed?.version !== 1 || typeof parsed.regions !== "object" || parsed.regions === null)
      throw new ConfigError(`${file} is damaged; move it away to start the sandbox's registry afresh`);
    this.data = parsed;
  }

  registries(region: string): Record<string, RegistryRecord> {
    return (this.data.regions[region] ??= {});
  }

  /** Call after each change. */
  save(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
