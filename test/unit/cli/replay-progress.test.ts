import { describe, expect, it } from "vitest";
import { ProgressBar } from "../../../src/cli/replay-progress.js";

/** A terminal stream that keeps what is written, and a clock the test moves. */
function terminal(isTTY = true) {
  const writes: string[] = [];
  const stream = {
    isTTY,
    columns: 100,
    write: (s: string) => writes.push(s),
  } as unknown as NodeJS.WriteStream;
  let t = 0;
  return { writes, stream, clock: () => t, at: (ms: number) => (t = ms) };
}

describe("replay's progress line", () => {
  it("says nothing during the first second, then done/total, differences, rate and time left", () => {
    const term = terminal();
    const bar = new ProgressBar(10, term.stream, true, term.clock);
    term.at(500);
    bar.tick(true);
    bar.tick(false);
    expect(term.writes).toEqual([]);
    term.at(2000);
    bar.tick(true); // 3 done in 2 s: 1.5/s, 7 left: ETA 5s
    expect(term.writes).toHaveLength(1);
    expect(term.writes[0]!.startsWith("\r\x1b[K")).toBe(true);
    expect(term.writes[0]!.slice(4)).toMatch(/^replaying █+░+ 3\/10 · 1 not same · 1\.5\/s · ETA 5s$/);
  });

  it("redraws at most every 100 ms, but always the last one, then clears", () => {
    const term = terminal();
    const bar = new ProgressBar(3, term.stream, true, term.clock);
    term.at(1000);
    bar.tick(true);
    term.at(1050);
    bar.tick(true); // too soon after the last draw
    bar.tick(true); // the last: drawn, without ETA
    bar.clear();
    expect(term.writes).toHaveLength(3);
    expect(term.writes[1]).toMatch(/ 3\/3 · 0 not same · 2\.9\/s$/);
    expect(term.writes[2]).toBe("\r\x1b[K");
  });

  it("says how often the run was throttled, once it was", () => {
    const term = terminal();
    const bar = new ProgressBar(4, term.stream, true, term.clock);
    term.at(1000);
    bar.tick(true, 0);
    term.at(2000);
    bar.tick(true, 7);
    expect(term.writes[0]).not.toContain("throttled");
    expect(term.writes[1]).toMatch(/ 2\/4 · 0 not same · 7 throttled · 1\.0\/s · ETA 2s$/);
  });

  it("fits the row however long the figures, the bar going first", () => {
    for (const columns of [40, 80, 120, 200]) {
      const term = terminal();
      (term.stream as { columns: number }).columns = columns;
      const bar = new ProgressBar(100_000, term.stream, true, term.clock);
      term.at(10_000);
      for (let i = 0; i < 98_999; i++) bar.tick(i % 3 !== 0, 12_345);
      term.at(11_000);
      bar.tick(true, 12_345);
      const last = term.writes.at(-1)!.slice(4);
      expect(last).toMatch(/99000\/100000 · 33000 not same · 12345 throttled · 9000\/s · ETA 1s$/);
      // Narrow terminals lose the bar (and a 40-column one wraps no matter what).
      if (columns >= 80) expect(last.length, `${columns} columns`).toBeLessThan(columns);
      expect(last.includes("█")).toBe(columns >= 120);
    }
  });

  it("minutes in the ETA of a long run", () => {
    const term = terminal();
    const bar = new ProgressBar(1000, term.stream, true, term.clock);
    term.at(10_000);
    bar.tick(true); // 0.1/s, 999 left
    expect(term.writes[0]).toMatch(/ETA 166m30s$/);
  });

  it("draws nothing when stderr is not a terminal", () => {
    const term = terminal(false);
    const bar = new ProgressBar(1, term.stream, undefined, term.clock);
    term.at(5000);
    bar.tick(true);
    bar.clear();
    expect(term.writes).toEqual([]);
  });
});
