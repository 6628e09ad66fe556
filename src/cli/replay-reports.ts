// replay's results for CI systems: JUnit XML (--junit FILE) and TAP 13 (--tap), one test case per
// replayed entry; a difference is a failure with the diff as its text, an entry that could not
// be replayed an error.
//
// The XML is written by hand: the document is three fixed elements, and its only hard part,
// escaping, is five characters plus dropping what XML 1.0 cannot hold at all (control
// characters, lone surrogates), which no escaping can carry. A builder library would add a
// dependency for those two lines.
import { formatDiff } from "../core/response-diff.js";
import type { FunctionLatency } from "./replay-latency.js";
import { targetName, type ReplayResult, type ReplaySummary } from "./replay-table.js";
import { escapeControl } from "./text.js";

/** Characters XML 1.0 allows (its "Char" production); the rest cannot appear even escaped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** The test case's name: its position, function and qualifier(s) replayed on, and the entry's id. */
export function caseName(r: ReplayResult, i: number): string {
  return escapeControl(`#${i + 1} ${targetName(r)} ${r.original.id}`).replace(/\s+/g, " ");
}

/** Why the case failed, one string per line; empty when it passed. */
function failureLines(r: ReplayResult): string[] {
  if (r.error !== null) return escapeControl(r.error).split("\n");
  return r.diff!.same ? [] : formatDiff(r.diff!).map(escapeControl);
}

const seconds = (r: ReplayResult) => ((r.replay?.report?.durationMs ?? 0) / 1000).toFixed(3);

/** A --max-slowdown case's name, and its failure text (null when it passed). */
function latencyCase(l: FunctionLatency): { name: string; failure: string | null } {
  const p = (x: { p50: number; p95: number }) => `p50 ${x.p50} ms, p95 ${x.p95} ms`;
  return {
    name: escapeControl(`latency ${l.function}`),
    failure: l.slower ? `slower: ${p(l.before)} → ${p(l.after)} (${l.count} entries)` : null,
  };
}

/** `latency`: one more case per function, given only with --max-slowdown. */
export function junitXml(
  results: readonly ReplayResult[],
  summary: ReplaySummary,
  suite: string,
  latency: readonly FunctionLatency[] = [],
): string {
  const total = results.reduce((t, r) => t + (r.replay?.report?.durationMs ?? 0), 0) / 1000;
  const tests = summary.replayed + latency.length;
  const failures = summary.different + latency.filter((l) => l.slower).length;
  const counts = `tests="${tests}" failures="${failures}" errors="${summary.errors}"`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lambda-explorer replay" ${counts} time="${total.toFixed(3)}">`,
    `  <testsuite name="${xmlEscape(suite)}" ${counts} skipped="0" time="${total.toFixed(3)}">`,
    // Not a failure, but a CI run slowed by it should be able to see why.
    "    <properties>",
    `      <property name="throttledRetries" value="${summary.throttled}"/>`,
    "    </properties>",
  ];
  results.forEach((r, i) => {
    const open = `    <testcase classname="${xmlEscape(`replay.${r.original.function.name}`)}" name="${xmlEscape(caseName(r, i))}" time="${seconds(r)}"`;
    const lines = failureLines(r);
    if (lines.length === 0) {
      out.push(`${open}/>`);
      return;
    }
    const [tag, message] =
      r.error !== null ? ["error", "could not be replayed"] : ["failure", "response differs"];
    out.push(`${open}>`);
    out.push(
      `      <${tag} message="${message}" type="${tag === "error" ? "ReplayError" : "ResponseDiff"}">`,
    );
    out.push(xmlEscape(lines.join("\n")));
    out.push(`      </${tag}>`);
    out.push("    </testcase>");
  });
  for (const l of latency) {
    const { name, failure } = latencyCase(l);
    const open = `    <testcase classname="${xmlEscape(`replay.${l.function}`)}" name="${xmlEscape(name)}" time="0"`;
    if (failure === null) out.push(`${open}/>`);
    else
      out.push(
        `${open}>`,
        '      <failure message="slower than --max-slowdown" type="Slowdown">',
        xmlEscape(failure),
        "      </failure>",
        "    </testcase>",
      );
  }
  out.push("  </testsuite>", "</testsuites>", "");
  return out.join("\n");
}

/** TAP 13: a line per entry, and for a failure a YAML block with the diff. */
export function tapLines(
  results: readonly ReplayResult[],
  summaryText: string,
  latency: readonly FunctionLatency[] = [],
): string[] {
  const out = ["TAP version 13", `1..${results.length + latency.length}`];
  results.forEach((r, i) => {
    // TAP numbers the lines itself, so no "#N"; a `#` would start a directive (SKIP, TODO).
    const name = caseName(r, i)
      .replace(/^#\d+ /, "")
      .replace(/\\/g, "\\\\")
      .replace(/#/g, "\\#");
    const lines = failureLines(r);
    if (lines.length === 0) {
      out.push(`ok ${i + 1} - ${name}`);
      return;
    }
    out.push(`not ok ${i + 1} - ${name}`);
    out.push("  ---");
    out.push(`  message: ${r.error !== null ? "could not be replayed" : "response differs"}`);
    out.push("  diff: |-");
    for (const l of lines) out.push(`    ${l}`);
    out.push("  ...");
  });
  latency.forEach((l, i) => {
    const { name, failure } = latencyCase(l);
    const n = results.length + i + 1;
    const title = name.replace(/\\/g, "\\\\").replace(/#/g, "\\#");
    if (failure === null) out.push(`ok ${n} - ${title}`);
    else
      out.push(
        `not ok ${n} - ${title}`,
        "  ---",
        "  message: slower than --max-slowdown",
        `  detail: ${JSON.stringify(failure)}`,
        "  ...",
      );
  });
  out.push(`# ${summaryText}`);
  return out;
}
