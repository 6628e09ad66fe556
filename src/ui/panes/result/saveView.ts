// Saving a view to a file: the path as typed (~ and relative paths, as for loading), written
// only when nothing is there, so an existing file is never overwritten behind the user's back.
import { writeFile } from "node:fs/promises";
import { formatBytes } from "../../../core/payload.js";
import { resolvePayloadPath } from "../payload/payloadFile.js";

export type SaveResult = { ok: true; path: string; message: string } | { ok: false; message: string };

export async function saveViewText(
  pathText: string,
  cwd: string,
  text: string | Uint8Array,
): Promise<SaveResult> {
  if (pathText.trim() === "") return { ok: false, message: "Type the path of a file to save to" };
  const abs = resolvePayloadPath(pathText, cwd);
  try {
    // "wx": fail when the file exists. 0600: logs and responses can hold secrets.
    await writeFile(abs, text, { flag: "wx", mode: 0o600 });
    return { ok: true, path: abs, message: `Saved ${formatBytes(Buffer.byteLength(text))} to ${abs}` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === "EEXIST"
        ? `${abs} exists and was not overwritten: type another name`
        : code === "ENOENT"
          ? `The folder of ${abs} does not exist`
          : code === "EISDIR"
            ? `${abs} is a directory`
            : code === "EACCES" || code === "EPERM"
              ? `No permission to write ${abs}`
              : `Could not save ${abs}: ${(err as Error).message}`;
    return { ok: false, message };
  }
}
