// Parsing of option values shared by the commands; bad values become UserErrors that say what to type.
import { UserError } from "./exit-codes.js";

export function intOption(name: string, value: unknown, min: number, max: number): number {
  const n = Number(value);
  if (typeof value !== "string" || value.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    throw new UserError(`--${name} must be a whole number from ${min} to ${max} (got "${String(value)}")`);
  }
  return n;
}
