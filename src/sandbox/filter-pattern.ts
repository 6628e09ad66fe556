// CloudWatch Logs filter patterns for unstructured text: terms separated by spaces must all
// appear; "quoted terms" may hold spaces and punctuation; `?term` makes any of the `?` terms
// enough; `-term` excludes. Matching is case-sensitive, as in CloudWatch. JSON and
// space-delimited patterns (`{ $.x = 1 }`, `[a, b]`) are not supported and are rejected.

export interface FilterPattern {
  all: string[];
  any: string[];
  none: string[];
}

export class FilterPatternError extends Error {
  override name = "FilterPatternError";
}

function tokenize(pattern: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    let prefix = "";
    if ((c === "?" || c === "-") && i + 1 < pattern.length) {
      prefix = c;
      i++;
    }
    if (pattern[i] === '"') {
      const end = pattern.indexOf('"', i + 1);
      if (end < 0) throw new FilterPatternError("Invalid filter pattern: unterminated quote");
      tokens.push(prefix + "\u0001" + pattern.slice(i + 1, end));
      i = end + 1;
    } else {
      let j = i;
      while (j < pattern.length && pattern[j] !== " " && pattern[j] !== "\t") j++;
      tokens.push(prefix + "\u0001" + pattern.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

export function parseFilterPattern(pattern: string | undefined): FilterPattern {
  const p: FilterPattern = { all: [], any: [], none: [] };
  const trimmed = (pattern ?? "").trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    throw new FilterPatternError(
      "Invalid filter pattern: JSON and space-delimited patterns are not supported by the sandbox",
    );
  }
  for (const token of tokenize(trimmed)) {
    const [prefix, term] = token.split("\u0001") as [string, string];
    if (term.length === 0) continue;
    if (prefix === "?") p.any.push(term);
    else if (prefix === "-") p.none.push(term);
    else p.all.push(term);
  }
  return p;
}

export function matchesPattern(p: FilterPattern, message: string): boolean {
  for (const t of p.none) if (message.includes(t)) return false;
  for (const t of p.all) if (!message.includes(t)) return false;
  if (p.any.length > 0 && !p.any.some((t) => message.includes(t))) return false;
  return true;
}
