import { describe, expect, it } from "vitest";
import { parseTimeSpec } from "../../../src/core/time-spec.js";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0); // 2026-12-01T12:00:00Z
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("parseTimeSpec durations", () => {
  it.each([
    ["90s", 90 * S],
    ["15m", 15 * M],
    ["2h", 2 * H],
    ["3d", 3 * D],
    ["1w", 7 * D],
    ["1h30m", H + 30 * M],
    ["1d2h3m4s", D + 2 * H + 3 * M + 4 * S],
    ["0s", 0],
  ])("reads %s as that long before now", (spec, ago) => {
    expect(parseTimeSpec(spec, NOW)).toBe(NOW - ago);
  });

  it("ignores surrounding spaces", () => {
    expect(parseTimeSpec("  15m ", NOW)).toBe(NOW - 15 * M);
  });

  it("is relative to the given now", () => {
    expect(parseTimeSpec("1h", NOW + H)).toBe(NOW);
  });
});

describe("parseTimeSpec epoch numbers", () => {
  it("reads 13 digits as epoch milliseconds", () => {
    expect(parseTimeSpec("1764000000123", NOW)).toBe(1_764_000_000_123);
  });

  it("reads 10 digits as epoch seconds", () => {
    expect(parseTimeSpec("1764000000", NOW)).toBe(1_764_000_000_000);
  });

  it("refuses other digit counts", () => {
    expect(() => parseTimeSpec("176400000", NOW)).toThrow(/cannot read "176400000"/);
    expect(() => parseTimeSpec("17640000001", NOW)).toThrow(/cannot read/);
  });
});

describe("parseTimeSpec ISO dates and times", () => {
  it("reads a date as UTC midnight", () => {
    expect(parseTimeSpec("2026-11-25", NOW)).toBe(Date.UTC(2026, 10, 25));
  });

  it("reads a UTC date-time", () => {
    expect(parseTimeSpec("2026-11-25T10:00:00Z", NOW)).toBe(Date.UTC(2026, 10, 25, 10));
  });

  it("reads a date-time with an offset", () => {
    expect(parseTimeSpec("2026-11-25T10:00:00+02:00", NOW)).toBe(Date.UTC(2026, 10, 25, 8));
    expect(parseTimeSpec("2026-11-25T10:00:00-05:30", NOW)).toBe(Date.UTC(2026, 10, 25, 15, 30));
  });

  it("reads an offset without a colon", () => {
    expect(parseTimeSpec("2026-11-25T10:00:00+0200", NOW)).toBe(Date.UTC(2026, 10, 25, 8));
  });

  it("reads a space for the T, fractions of a second and a time without seconds", () => {
    expect(parseTimeSpec("2026-11-25 10:00:00Z", NOW)).toBe(Date.UTC(2026, 10, 25, 10));
    expect(parseTimeSpec("2026-11-25T10:00:00.250Z", NOW)).toBe(Date.UTC(2026, 10, 25, 10, 0, 0, 250));
    expect(parseTimeSpec("2026-11-25T10:30Z", NOW)).toBe(Date.UTC(2026, 10, 25, 10, 30));
  });

  it("reads a date-time without a zone as local time, as Date does", () => {
    expect(parseTimeSpec("2026-11-25T10:00", NOW)).toBe(new Date(2026, 10, 25, 10, 0).getTime());
  });

  it("accepts a lower-case t and z", () => {
    expect(parseTimeSpec("2026-11-25t10:00:00z", NOW)).toBe(Date.UTC(2026, 10, 25, 10));
  });

  it("accepts exactly now", () => {
    expect(parseTimeSpec("2026-12-01T12:00:00Z", NOW)).toBe(NOW);
  });

  it("refuses dates the calendar does not have", () => {
    expect(() => parseTimeSpec("2026-02-30", NOW)).toThrow(/cannot read "2026-02-30"/);
    expect(() => parseTimeSpec("2026-13-01", NOW)).toThrow(/cannot read/);
    expect(() => parseTimeSpec("2026-11-25T24:00:00Z", NOW)).toThrow(/cannot read/);
    expect(parseTimeSpec("2024-02-29", NOW)).toBe(Date.UTC(2024, 1, 29));
  });
});

describe("parseTimeSpec errors", () => {
  it("refuses an empty time", () => {
    expect(() => parseTimeSpec("", NOW)).toThrow(/empty time/);
    expect(() => parseTimeSpec("   ", NOW)).toThrow(/empty time/);
  });

  it("refuses words, naming the accepted forms", () => {
    expect(() => parseTimeSpec("yesterday", NOW)).toThrow(/cannot read "yesterday" as a time/);
    expect(() => parseTimeSpec("yesterday", NOW)).toThrow(/15m/);
    expect(() => parseTimeSpec("yesterday", NOW)).toThrow(/2026-11-25/);
  });

  it("refuses an unknown unit", () => {
    expect(() => parseTimeSpec("15x", NOW)).toThrow(/cannot read "15x"/);
    expect(() => parseTimeSpec("1.5h", NOW)).toThrow(/cannot read/);
    expect(() => parseTimeSpec("h", NOW)).toThrow(/cannot read/);
  });

  it("refuses negative durations, which point to the future, naming the accepted forms", () => {
    expect(() => parseTimeSpec("-15m", NOW)).toThrow(/cannot read "-15m" as a time: use a duration/);
    expect(() => parseTimeSpec("-1h30m", NOW)).toThrow(/cannot read/);
  });

  it("refuses a date in the future", () => {
    expect(() => parseTimeSpec("2027-01-01", NOW)).toThrow(/"2027-01-01".*in the future/);
    expect(() => parseTimeSpec("2026-12-01T12:00:00.001Z", NOW)).toThrow(/in the future/);
  });

  it("refuses epoch times in the future", () => {
    expect(() => parseTimeSpec(String(NOW + 1), NOW)).toThrow(/in the future/);
    expect(() => parseTimeSpec(String(NOW / 1000 + 1), NOW)).toThrow(/in the future/);
  });
});
