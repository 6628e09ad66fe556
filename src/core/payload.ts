// Checks a payload before it is sent: strict JSON with the exact place of the first error,
// and the size limit of the invocation type. jsonc-parser (Microsoft's, used by VS Code)
// gives error offsets that JSON.parse on Node 20 does not.
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export const PAYLOAD_LIMITS = {
  RequestResponse: 6 * 1024 * 1024,
  DryRun: 6 * 1024 * 1024,
  Event: 1024 * 1024,
} as const;
export type InvocationType = keyof typeof PAYLOAD_LIMITS;

export type PayloadCheck =
  | { ok: true; bytes: number; empty: boolean }
  | { ok: false; bytes: number; line: number; column: number; offset: number; message: string };

// Keyed by printParseErrorCode names: ParseErrorCode is a const enum the ESM build cannot import.
const MESSAGES: Record<string, string> = {
  InvalidSymbol: "Unexpected character",
  InvalidNumberFormat: "Invalid number",
  PropertyNameExpected: "Expected a property name in double quotes",
  ValueExpected: "Expected a value",
  ColonExpected: "Expected a colon after the property name",
  CommaExpected: "Expected a comma",
  CloseBraceExpected: "Expected a closing brace }",
  CloseBracketExpected: "Expected a closing bracket ]",
  EndOfFileExpected: "Unexpected text after the JSON value",
  InvalidCommentToken: "Comments are not allowed in JSON",
  UnexpectedEndOfComment: "Comments are not allowed in JSON",
  UnexpectedEndOfString: "Unterminated string",
  UnexpectedEndOfNumber: "Unexpected end of number",
  InvalidUnicode: "Invalid \\u escape",
  InvalidEscapeCharacter: "Invalid escape character",
  InvalidCharacter: "Invalid character in string (control characters must be escaped)",
};

/** 1-based line and column of a UTF-16 offset (columns count UTF-16 code units). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function describe(text: string, e: ParseError): string {
  const code = printParseErrorCode(e.error);
  const before = text.slice(0, e.offset).trimEnd();
  const at = text[e.offset];
  if (
    (code === "PropertyNameExpected" || code === "ValueExpected") &&
    before.endsWith(",") &&
    (at === "}" || at === "]")
  ) {
    return "Trailing commas are not allowed in JSON";
  }
  if (e.offset >= text.length && code !== "EndOfFileExpected")
    return `Unexpected end of input: ${MESSAGES[code]?.toLowerCase() ?? "incomplete JSON"}`;
  return MESSAGES[code] ?? "Invalid JSON";
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Empty (or blank) text is fine: Lambda passes `{}`. */
export function checkPayload(text: string, type: InvocationType = "RequestResponse"): PayloadCheck {
  const bytes = Buffer.byteLength(text, "utf8");
  const limit = PAYLOAD_LIMITS[type];
  if (bytes > limit) {
    const over = bytes - limit;
    return {
      ok: false,
      bytes,
      line: 1,
      column: 1,
      offset: 0,
      message: `Payload is ${formatBytes(bytes)} (${bytes} bytes), ${over} byte${over === 1 ? "" : "s"} over the ${formatBytes(limit)} limit for ${type} invocations`,
    };
  }
  if (text.trim().length === 0) return { ok: true, bytes, empty: true };
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { ok: true, bytes, empty: false };
  return {
    ok: false,
    bytes,
    offset: first.offset,
    ...positionOf(text, first.offset),
    message: describe(text, first),
  };
}

export function formatPosition(c: { line: number; column: number; message: string }): string {
  return `line ${c.line}, column ${c.column}: ${c.message}`;
}
