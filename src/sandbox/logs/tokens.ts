// Pagination tokens. GetLogEvents tokens name a position in a stream (`f/…` forward,
// `b/…` backward), as CloudWatch's do. FilterLogEvents and Describe* tokens are opaque and
// carry a serial number so that no two tokens handed out are ever the same.
import { AwsError } from "../errors.js";

let serial = 0;

export function streamToken(direction: "f" | "b", index: number): string {
  return `${direction}/${index.toString().padStart(56, "0")}/s`;
}

export function parseStreamToken(token: string): { direction: "f" | "b"; index: number } {
  const m = /^([fb])\/(\d{1,56})\/s$/.exec(token);
  if (!m) throw new AwsError(400, "InvalidParameterException", "The specified nextToken is invalid.");
  return { direction: m[1] as "f" | "b", index: Number(m[2]) };
}

export function opaqueToken(state: object): string {
  return Buffer.from(JSON.stringify({ ...state, n: ++serial })).toString("base64url");
}

/** Reads back a token from opaqueToken, checking it holds the fields `keys` names. */
export function parseOpaqueToken<T>(token: string, keys: Record<keyof T, "number" | "string">): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    value = null;
  }
  const ok =
    typeof value === "object" &&
    value !== null &&
    Object.entries(keys).every(([k, kind]) => typeof (value as Record<string, unknown>)[k] === kind);
  if (!ok) throw new AwsError(400, "InvalidParameterException", "The specified nextToken is invalid.");
  return value as T;
}
