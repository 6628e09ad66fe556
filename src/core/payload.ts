// Checks a payload before it is sent: strict JSON with the exact place of the first error,
// and the size limit of the invocation type. jsonc-parser (Microsoft's, used by VS Code)
// gives error offsets that JSON.parse on Node 20 does not.
import { printParseErrorCode, visit, type ParseErrorCode } from "jsonc-parser";
import { MAX_JSON_DEPTH, tooDeepAt } from "./json-depth.js";

export const PAYLOAD_LIMITS = {
  RequestResponse: 6 * 1024 * 1024,
  DryRun: 6 * 1024 * 1024,
  Event: 1024 * 1024,
} as const;
export type InvocationType = keyof typeof PAYLOAD_LIMITS;

/**
 * `line` and `column` are 1-based; `column` and `offset` count UTF-16 code units (as editors
 * such as VS Code do), so a character outside the BMP, e.g. an emoji, counts as two.
 */
export type PayloadCheck =
  | { ok: true; bytes: number; empty: boolean }
  | {
      ok: false;
      /**
       * "size": over the limit (the position is then the start, and means nothing); "syntax":
       * not JSON; "depth": nested deeper than lambda-explorer can work with (MAX_JSON_DEPTH).
       */
      kind: "size" | "syntax" | "depth";
      bytes: number;
      line: number;
      column: number;
      offset: number;
      message: string;
    };

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

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
  UnexpectedEndOfString: "Unterminated string: the closing double quote is missing",
  UnexpectedEndOfNumber: "Incomplete number: a digit must follow the decimal point or exponent",
  InvalidUnicode: "Invalid \\u escape: it needs four hex digits",
  InvalidEscapeCharacter: 'Invalid escape: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed',
  InvalidCharacter: "Control characters such as tabs and newlines must be escaped inside strings",
};

/** 1-based line and column of a UTF-16 offset; \n, \r\n and a lone \r each end a line. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface FirstError {
  code: string;
  offset: number;
  length: number;
  /** The innermost object or array open at the error. */
  container: "object" | "array" | null;
}

function firstError(text: string): FirstError | null {
  const stack: ("object" | "array")[] = [];
  let first: FirstError | null = null;
  visit(
    text,
    {
      onObjectBegin: () => void stack.push("object"),
      onObjectEnd: () => void stack.pop(),
      onArrayBegin: () => void stack.push("array"),
      onArrayEnd: () => void stack.pop(),
      onError: (error: ParseErrorCode, offset: number, length: number) => {
        first ??= { code: printParseErrorCode(error), offset, length, container: stack.at(-1) ?? null };
      },
    },
    PARSE_OPTIONS,
  );
  return first;
}

function describeError(text: string, e: FirstError): string {
  const { code, offset } = e;
  const at = text[offset];
  const before = text.slice(0, offset).trimEnd();
  if ((code === "PropertyNameExpected" || code === "ValueExpected") && before.endsWith(",")) {
    if (at === "}" || at === "]") return "Trailing commas are not allowed in JSON";
  }
  if (offset >= text.length && code !== "EndOfFileExpected") {
    const expected = code === "CommaExpected" ? commaMessage(e) : (MESSAGES[code] ?? "more JSON");
    return `Unexpected end of input: ${expected.charAt(0).toLowerCase()}${expected.slice(1)}`;
  }
  if (
    (code === "CommaExpected" || code === "EndOfFileExpected") &&
    /^\d/.test(text.slice(offset, offset + 1)) &&
    /(?:^|[^\d.eE+-])-?0$/.test(text.slice(0, offset))
  )
    return "Numbers cannot have leading zeros";
  if (code === "CommaExpected") return commaMessage(e);
  if (code === "InvalidSymbol") {
    const symbol = text.slice(offset, offset + Math.max(1, e.length));
    if (symbol === "\uFEFF") return "Unexpected byte order mark (U+FEFF) at the start of the payload";
    if (symbol.startsWith("'")) return "Strings must use double quotes, not single quotes";
    if (
      e.container === "object" &&
      /^[A-Za-z_$][\w$]*$/.test(symbol) &&
      /^\s*:/.test(text.slice(offset + e.length))
    )
      return "Property names must be in double quotes";
    const shown = symbol.length > 20 ? `${symbol.slice(0, 20)}…` : symbol;
    return `Unexpected ${symbol.length === 1 ? "character" : "text"} ${JSON.stringify(shown)}`;
  }
  return MESSAGES[code] ?? "Invalid JSON";
}

function commaMessage(e: FirstError): string {
  if (e.container === "object") return "Expected a comma or closing brace }";
  if (e.container === "array") return "Expected a comma or closing bracket ]";
  return MESSAGES.CommaExpected!;
}

/** A size for people, 1024-based: "12 B", "4.0 KB", "1.0 MB". */
export function formatBytes(n: number): string {
  const units = ["KB", "MB", "GB"];
  if (Math.abs(n) < 1024) return `${n} B`;
  let value = n / 1024;
  let unit = 0;
  // Move up a unit when rounding would show 1024.0 of the smaller one.
  while (Math.abs(Number(value.toFixed(1))) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** 6291457 -> "6,291,457". */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A limit that is a whole number of MB shows without decimals: "6 MB". */
function formatLimit(limit: number): string {
  return limit % (1024 * 1024) === 0 ? `${limit / (1024 * 1024)} MB` : formatBytes(limit);
}

function overLimitMessage(bytes: number, limit: number, type: InvocationType): string {
  const over = bytes - limit;
  const overText = over < 1024 ? `${grouped(over)} byte${over === 1 ? "" : "s"}` : formatBytes(over);
  return (
    `Payload is ${formatBytes(bytes)} (${grouped(bytes)} bytes), ${overText} over the ` +
    `${formatLimit(limit)} limit for ${type} invocations`
  );
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Only JSON whitespace: Lambda takes an empty payload as {}. */
const BLANK = /^[ \t\r\n]*$/;

/**
 * Whether `text` can be sent as the payload of a `type` invocation: within the size limit (in
 * UTF-8 bytes) and strict JSON, or empty. Errors point at the first problem.
 */
export function checkPayload(text: string, type: InvocationType = "RequestResponse"): PayloadCheck {
  const bytes = Buffer.byteLength(text, "utf8");
  const limit = PAYLOAD_LIMITS[type];
  if (bytes > limit)
    return {
      ok: false,
      kind: "size",
      bytes,
      line: 1,
      column: 1,
      offset: 0,
      message: overLimitMessage(bytes, limit, type),
    };
  if (BLANK.test(text)) return { ok: true, bytes, empty: true };
  // Before the parser, which recurses a level at a time and would overflow the stack.
  const deep = tooDeepAt(text);
  if (deep >= 0)
    return {
      ok: false,
      kind: "depth",
      bytes,
      offset: deep,
      ...positionOf(text, deep),
      message: `Nested more than ${MAX_JSON_DEPTH.toLocaleString("en-US")} levels deep: flatten the payload`,
    };
  // JSON.parse (native) accepts exactly the strict JSON jsonc-parser's scanner does with these
  // options (test/unit/core/payload-fast-path.test.ts): most payloads are valid, and replay
  // checks each recorded one again, so the slower walk runs only to find where one breaks.
  if (parses(text)) return { ok: true, bytes, empty: false };
  const error = firstError(text);
  if (!error) return { ok: true, bytes, empty: false };
  return {
    ok: false,
    kind: "syntax",
    bytes,
    offset: error.offset,
    ...positionOf(text, error.offset),
    message: describeError(text, error),
  };
}

/** "line 3, column 12: Expected a value". */
export function formatPosition(c: { line: number; column: number; message: string }): string {
  return `line ${c.line}, column ${c.column}: ${c.message}`;
}

/** What is wrong with a refused payload: where the JSON breaks, or how far over the limit it is. */
export function describeCheck(c: Extract<PayloadCheck, { ok: false }>): string {
  return c.kind === "size" ? c.message : formatPosition(c);
}
