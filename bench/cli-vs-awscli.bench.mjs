// Whole-process wall time, median of 7 runs against the same sandbox: `lambda-explorer invoke`
// vs `aws lambda invoke`, and `list` vs `aws lambda list-functions` over 500 synthetic
// functions; and the CloudWatch calls `invoke --logs full` needs at --log-delay 0 and 2000.
// Targets: at most half the AWS CLI's wall time; complete logs in exactly 2 calls once available.
// Only successful runs are timed.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLI, figure, startSandbox } from "./lib.mjs";

const RUNS = 7;
const aws = existsSync("/usr/bin/aws") ? "/usr/bin/aws" : "aws";
const awsVersion = execFileSync(aws, ["--version"], { encoding: "utf8" }).trim().split(" ")[0];
const v2 = awsVersion.startsWith("aws-cli/2");
const out = path.join(mkdtempSync(path.join(os.tmpdir(), "lx-bench-")), "out.json");

// Only a successful run counts: exit 1 (a FunctionError, or the AWS CLI's own failures) would
// time a different path, often a shorter one.
function wall(cmd, args, env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function compare(label, ours, theirs) {
  const o = [];
  const t = [];
  ours();
  theirs(); // warm the file cache for both
  for (let i = 0; i < RUNS; i++) {
    o.push(ours());
    t.push(theirs());
  }
  const ratio = median(o) / median(t);
  figure({
    figure: `${label}: whole-process wall time, median of ${RUNS}`,
    measured: `${median(o).toFixed(0)} ms`,
    target: "<= half the AWS CLI's",
    met: ratio <= 0.5,
    awsCli: `${median(t).toFixed(0)} ms (${awsVersion})`,
  });
  figure({ figure: `${label}: ours / the AWS CLI's`, measured: ratio.toFixed(2) });
  if (ratio > 0.5) process.exitCode = 1;
}

const env = {
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_REGION: "us-east-1",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_PAGER: "",
};
{
  const sb = await startSandbox(["--synthetic", "500", "--quiet"]);
  const e = { ...env, AWS_ENDPOINT_URL: sb.endpoint };
  const payload = v2 ? ["--cli-binary-format", "raw-in-base64-out", "--payload", "{}"] : ["--payload", "{}"];
  compare(
    "invoke",
    () => wall(process.execPath, [CLI, "invoke", "orders-api", "--payload", "{}", "--logs", "tail"], e),
    () =>
      wall(
        aws,
        [
          "--endpoint-url",
          sb.endpoint,
          "lambda",
          "invoke",
          "--function-name",
          "orders-api",
          "--log-type",
          "Tail",
          ...payload,
          out,
        ],
        e,
      ),
  );
  compare(
    "list, 512 functions",
    () => wall(process.execPath, [CLI, "list"], e),
    () => wall(aws, ["--endpoint-url", sb.endpoint, "lambda", "list-functions"], e),
  );
  await sb.stop();
}

for (const delay of [0, 2000]) {
  const sb = await startSandbox(["--log-delay", String(delay), "--quiet"]);
  const r = spawnSync(
    process.execPath,
    [CLI, "invoke", "big-logger", "--json", "--endpoint-url", sb.endpoint],
    { env: { ...process.env, ...env }, encoding: "utf8" },
  );
  const j = JSON.parse(r.stdout);
  figure(
    delay === 0
      ? {
          figure: "CloudWatch calls for complete logs, --log-delay 0",
          measured: String(j.cloudWatchCalls),
          // FilterLogEvents finds START and REPORT, one GetLogEvents reads them: no third call.
          target: "2",
          met: j.cloudWatchCalls === 2,
        }
      : {
          figure: `CloudWatch calls for complete logs, --log-delay ${delay} (polling while held back)`,
          measured: String(j.cloudWatchCalls),
        },
  );
  if (delay === 0 && j.cloudWatchCalls !== 2) process.exitCode = 1;
  figure({
    figure: `big-logger lines, complete / in the 4 KB tail, --log-delay ${delay}`,
    measured: `${j.logs.length} / ${j.tail.trimEnd().split("\n").length}`,
  });
  await sb.stop();
}
