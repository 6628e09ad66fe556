// Function folders for the Python tests, written by the tests: the SAM app's Python fixtures
// copied into the sandbox's function.json layout, and small handlers of their own.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const SAM_SRC = path.resolve(import.meta.dirname, "../../../fixtures/sam-app/src");

type Folder = { config: Record<string, unknown>; copyFrom?: string; files?: Record<string, string> };

/** Writes one subfolder per function into a fresh folder and returns it. */
export function pythonFunctions(folders: Record<string, Folder>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "lx-pyfns-"));
  for (const [name, f] of Object.entries(folders)) {
    const dir = path.join(root, name);
    mkdirSync(dir);
    writeFileSync(path.join(dir, "function.json"), JSON.stringify({ runtime: "python3.12", ...f.config }));
    if (f.copyFrom) copyFileSync(path.join(SAM_SRC, f.copyFrom, "app.py"), path.join(dir, "app.py"));
    for (const [file, text] of Object.entries(f.files ?? {})) writeFileSync(path.join(dir, file), text);
  }
  return root;
}

export const CONTEXT_HANDLER = `
def handler(event, context):
    cc = context.client_context
    return {
        "function_name": context.function_name,
        "function_version": context.function_version,
        "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": context.memory_limit_in_mb,
        "aws_request_id": context.aws_request_id,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "custom": cc.custom if cc else None,
        "remaining": context.get_remaining_time_in_millis(),
    }
`;

export const SLEEPER = `
import time

def handler(event, context):
    print("going to sleep")
    time.sleep(60)
`;
