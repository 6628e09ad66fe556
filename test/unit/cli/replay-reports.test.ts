import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { junitXml, tapLines, xmlEscape } from "../../../src/cli/replay-reports.js";
import { summarizeResults, type ReplayResult } from "../../../src/cli/replay-table.js";
import { diffResponses } from "../../../src/core/response-diff.js";
import { historyRecord } from "../../helpers/history-records.js";

function result(replayPayload: string | null, error = "boom"): ReplayResult {
  const original = historyRecord({ at: "2026-11-25T10:00:00.000Z" });
  if (replayPayload === null) return { original, qualifier: "canary", replay: null, diff: null, error };
  const replay = historyRecord({
    replayOf: original.id,
    response: { ...original.response, payload: replayPayload },
  });
  return { original, qualifier: "canary", replay, diff: diffResponses(original, replay), error: null };
}

describe("xmlEscape", () => {
  it("escapes the five markup characters and drops what XML 1.0 cannot hold", () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(xmlEscape("a\u0000b\u0008c\u001bd\uFFFEe\uD800f")).toBe("abcdef");
    expect(xmlEscape("tab\tnl\ncr\r é 😀")).toBe("tab\tnl\ncr\r é 😀");
  });
});

describe("junitXml", () => {
  it("is well-formed whatever the payloads hold, with a case per result", () => {
    const nasty = result(JSON.stringify({ version: "1", message: "</failure><x a='1'>&\u0001\uD800" }));
    const results = [
      result('{"version":"1","message":"hello, world!"}'),
      nasty,
      result(null, "no <such> function"),
    ];
    const xml = junitXml(results, summarizeResults(results), "replay h.jsonl & co");
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
      testsuites: {
        testsuite: { name: string; tests: string; failures: string; errors: string; testcase: unknown[] };
      };
    };
    const suite = doc.testsuites.testsuite;
    expect([suite.name, suite.tests, suite.failures, suite.errors]).toEqual([
      "replay h.jsonl & co",
      "3",
      "1",
      "1",
    ]);
    expect(suite.testcase[1]).toMatchObject({ failure: { message: "response differs" } });
    expect(JSON.stringify(suite.testcase[1])).toContain("</failure><x a='1'>&");
    expect(suite.testcase[2]).toMatchObject({
      error: { message: "could not be replayed", "#text": "no <such> function" },
    });
  });
});

describe("tapLines", () => {
  it("escapes # in names and puts an error's lines in the YAML block", () => {
    const r = { ...result(null, "line one\nline two"), qualifier: "odd#name" };
    const lines = tapLines([r], "1 replayed");
    expect(lines[2]).toBe(`not ok 1 - versioned-greeter:odd\\#name ${r.original.id}`);
    expect(lines.slice(3)).toEqual([
      "  ---",
      "  message: could not be replayed",
      "  diff: |-",
      "    line one",
      "    line two",
      "  ...",
      "# 1 replayed",
    ]);
  });
});
