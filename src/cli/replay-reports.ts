// replay's results for CI systems: JUnit XML (--junit FILE) and TAP 13 (--tap), one test case per
// replayed entry; a difference is a failure with the diff as its text, an entry that could not
// be replayed an error.
//
// The XML is written by hand: the document is three fixed elements, and its only hard part,
// escaping, is five characters plus dropping what XML 1.0 cannot hold at all (control
// characters, lone surrogates), which no escaping can carry. A builder library would add a
// dependency for those two lines.
import { formatDiff } from "../core/response-diff.js";
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

export function junitXml(results: readonly ReplayResult[], summary: ReplaySummary, suite: string): string {
  const total = results.reduce((t, r) => t + (r.replay?.report?.durationMs ?? 0), 0) / 1000;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lambda-explorer replay" tests="${summary.replayed}" failures="${summary.different}" errors="${summary.errors}" time="${total.toFixed(3)}">`,
    `  <testsuite name="${xmlEscape(suite)}" tests="${summary.replayed}" failures="${summary.different}" errors="${summary.errors}" skipped="0" time="${total.toFixed(3)}">`,
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
  out.push("  </testsuite>", "</testsuites>", "");
  return out.join("\n");
}

/** TAP 13: a line per entry, and for a failure a YAML block with the diff. */
export function tapLines(results: readonly ReplayResult[], summaryText: string): string[] {
  const out = ["TAP version 13", `1..${results.length}`];
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
  out.push(`# ${summaryText}`);
  return out;
}
