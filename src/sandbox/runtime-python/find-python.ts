// Finds the Python 3 that runs the sandbox's Python functions: the machine's own, since the
// sandbox installs nothing. Asked once per interpreter name and remembered, as the answer
// does not change while the sandbox runs.
import { execFileSync } from "node:child_process";

/** The oldest Python the runtime client (lambda_runtime.py) is written for. */
export const MIN_PYTHON = [3, 8] as const;

/** Overrides the interpreter (a path or a name on PATH); tests use it to play "no Python". */
export const PYTHON_ENV = "LAMBDA_EXPLORER_PYTHON";

export type PythonFound = { executable: string; version: string } | { unavailable: string };

const found = new Map<string, PythonFound>();

/** The interpreter for Python functions, or why there is none (said to the user as is). */
export function findPython(env: NodeJS.ProcessEnv = process.env): PythonFound {
  const command = env[PYTHON_ENV] || "python3";
  let answer = found.get(command);
  if (!answer) {
    answer = probe(command, env);
    found.set(command, answer);
  }
  return answer;
}

function probe(command: string, env: NodeJS.ProcessEnv): PythonFound {
  const where = env[PYTHON_ENV] ? `${command} (from ${PYTHON_ENV})` : "python3 on PATH";
  let out: string;
  try {
    // sys.executable is the real interpreter: launching it directly skips wrappers such as
    // pyenv's shims, which cost tens of milliseconds on every cold start.
    out = execFileSync(
      command,
      ["-c", "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])"],
      {
        env,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        // Guards against an interpreter that never answers; not a speed budget.
        timeout: 30_000,
      },
    );
  } catch (err) {
    const failure =
      (err as NodeJS.ErrnoException).code === "ENOENT"
        ? "was not found"
        : `failed: ${(err as Error).message.split("\n")[0]}`;
    return {
      unavailable: `Python 3 is needed to run it, and ${where} ${failure}. Install Python ${MIN_PYTHON.join(".")} or later (or set ${PYTHON_ENV} to its path)`,
    };
  }
  const [executable = "", version = ""] = out.trim().split("\n");
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major !== MIN_PYTHON[0] || minor < MIN_PYTHON[1]) {
    return {
      unavailable: `Python ${MIN_PYTHON.join(".")} or later is needed to run it, and ${where} is Python ${version}. Install a newer Python 3 (or set ${PYTHON_ENV} to its path)`,
    };
  }
  return { executable: executable || command, version };
}
