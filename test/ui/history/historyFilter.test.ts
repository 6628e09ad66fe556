import { describe, expect, it } from "vitest";
import { filterRows, functionLabel, labelHits } from "../../../src/ui/panes/history/historyFilter.js";
import { record, row } from "./rows.js";

describe("the history filter", () => {
  const rows = [
    row({ name: "orders-api", qualifier: "live", payload: '{"Customer":"Ada"}' }),
    row({ name: "payments", payload: '{"order":7}' }),
    row({ name: "thrower", response: { ...record().response, functionError: "Unhandled" } }),
  ];

  it("is off for an empty or blank query", () => {
    expect(filterRows(rows, "")).toBeNull();
    expect(filterRows(rows, "   ")).toBeNull();
  });

  it("matches the function and qualifier fuzzily, newest first", () => {
    expect(filterRows(rows, "ordrs")).toEqual([0]);
    expect(filterRows(rows, "orders:live")).toEqual([0]);
    expect(filterRows(rows, "unhandled")).toEqual([2]);
    expect(filterRows(rows, "200")).toEqual([1, 0]);
  });

  it("matches the payload as typed, ignoring case", () => {
    expect(filterRows(rows, "customer")).toEqual([0]);
    expect(filterRows(rows, '"order":7')).toEqual([1]);
    // Letters scattered through a payload are not a match.
    expect(filterRows(rows, "cada")).toEqual([]);
  });

  it("needs every word to match", () => {
    expect(filterRows(rows, "payments order")).toEqual([1]);
    expect(filterRows(rows, "payments ada")).toEqual([]);
  });

  it("gives the function label's matched letters for highlighting", () => {
    const r = rows[0]!;
    const hits = labelHits(r, "ordlive");
    expect(hits.map((i) => functionLabel(r)[i]).join("")).toBe("ordlive");
    expect(labelHits(r, "customer")).toEqual([]);
  });
});
