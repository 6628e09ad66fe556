import { readFile } from "node:fs/promises";
import { UserError } from "./exit-codes.js";

export async function readStdin(stream: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stream.isTTY)
    throw new UserError(
      "expected the payload on standard input, but it is a terminal: pipe it in, or use --payload / --payload-file",
    );
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The payload from exactly one of --payload, --payload-file (or -), or a `-` argument. */
export async function readPayload(
  opts: { payload?: string; payloadFile?: string },
  dash: boolean,
): Promise<string> {
  const sources = [opts.payload !== undefined, opts.payloadFile !== undefined, dash].filter(Boolean).length;
  if (sources > 1)
    throw new UserError(
      "give the payload one way only: --payload JSON, --payload-file FILE, or - for standard input",
    );
  if (opts.payload !== undefined) return opts.payload;
  if (dash || opts.payloadFile === "-") return readStdin();
  if (opts.payloadFile !== undefined) {
    try {
      return await readFile(opts.payloadFile, "utf8");
    } catch (err) {
      throw new UserError(
        `cannot read the payload file ${opts.payloadFile}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`,
      );
    }
  }
  return "";
}
