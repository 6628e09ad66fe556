// Shared pieces of the benchmarks: a sandbox process from the build, and statistics.
import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const CLI = path.join(ROOT, "dist/cli.js");
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** Starts `lambda-explorer sandbox --json` with extra args; resolves { endpoint, stop }. */
export function startSandbox(args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "sandbox", "--json", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      if (out.includes("\n")) {
        const { endpoint } = JSON.parse(out.split("\n")[0]);
        resolve({
          endpoint,
          stop: () => new Promise((r) => (child.once("close", r), child.kill("SIGTERM"))),
        });
      }
    });
    child.on("close", (code) => reject(new Error(`sandbox exited ${code}`)));
  });
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const clientConfig = (endpoint) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
});

export function line(figure, value, target = "") {
  console.log(`${figure.padEnd(46)} ${String(value).padStart(12)}   ${target}`);
}
