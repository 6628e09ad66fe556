// What counts as a secret when a history is shared: key names that hold one (matched after
// normalising case and separators, so client_secret, clientSecret and Client-Secret are one
// name) and values shaped like one wherever they appear (AWS access key ids, bearer and basic
// credentials, JWTs, passwords in URLs, tokens of well-known services, private keys), plus
// `name=value` and `name: value` pairs in free text whose name holds a secret.
// Ordinary text stays: prose words that merely contain a name (tokenizer, secretary, author),
// request ids, ARNs, timestamps and base64 data have none of these shapes.

export const REDACTED = "[redacted]";

/** A key name without case or separators: API_KEY, apiKey and x-api-key end in "apikey". */
export function normalizeKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Normalised names that hold secrets. Word ends are anchored where a looser match would catch
 * ordinary keys: `token$` (accessToken, SessionToken, X-Amz-Security-Token; not max_tokens or
 * token_type), `auth$` (auth, basicAuth; not author), secret but not secretary.
 */
const SECRET_KEY =
  /passw(?:or)?d|passphrase|pwd$|secret(?!ar)|(?:api|private|secret|access|signing|encryption|master|client)key|credential|token$|auth$|authkey|authorization$|cookie$|signature$|sessionid$|connectionstring$|jwt$/;

/** The default names, as the export's note and the docs name them. */
export const SECRET_KEY_EXAMPLES =
  "password, passwd, pwd, secret, *token, *key (api, private, access…), auth, authorization, credential, cookie, signature, session id, connection string";

/** Whether values under `name` are secrets: a default name, or one of `extra` (normalised). */
export function isSecretKey(name: string, extra: ReadonlySet<string>): boolean {
  const key = normalizeKey(name);
  return key !== "" && (extra.has(key) || SECRET_KEY.test(key));
}

/** Values secret by their shape alone, replaced whole. */
const SHAPES: readonly RegExp[] = [
  // PEM private keys, whatever their kind.
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----/g,
  // JSON Web Tokens: a base64url JSON header ({" is eyJ), a payload and a signature.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  // AWS access key ids: long-term (AKIA) and temporary (ASIA), and the rarer ABIA and ACCA.
  /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  // Service tokens that carry their own prefix: GitHub, GitLab, Slack, Stripe, Google, npm,
  // OpenAI and Anthropic.
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{35}/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bsk-(?:proj-|ant-[a-z0-9]+-)?[A-Za-z0-9_-]{20,}/g,
];

/** `scheme://user:password@`: the password goes, the user stays. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"']+:)([^\s/?#@"']+)@/gi;

/**
 * `Bearer …` and `Basic …` credentials. A word of lowercase letters after the scheme is prose
 * ("Basic authentication"), not a credential.
 */
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9\-._~+/]+=*)/gi;

/**
 * A `name=value`, `name: value` or `"name": "value"` pair in free text: a query parameter, a
 * logged setting, a Python dict. The value is quoted, or an auth scheme with its credential,
 * or runs to a space or punctuation.
 */
const PAIR =
  /(?<![\w-])(["']?)([A-Za-z][\w.-]{0,63})\1(\s*[:=]\s*)(?:(["'])((?:\\.|(?!\4)[^\\])*)\4|((?:Bearer|Basic|Digest|Negotiate)\s+[^\s,;&"']+|[^\s,;&#"'<>(){}[\]]+))/g;

function redactPairs(text: string, extra: ReadonlySet<string>): string {
  let out = "";
  let from = 0;
  PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAIR.exec(text)) !== null) {
    const [whole, quote, name, sep, valueQuote] = m;
    const valueAt = m.index + quote!.length * 2 + name!.length + sep!.length;
    if (!isSecretKey(name!, extra)) {
      // Only the name is passed over: the value may hold a pair of its own (a URL's query).
      PAIR.lastIndex = valueAt;
      continue;
    }
    const q = valueQuote ?? "";
    out += text.slice(from, valueAt) + q + REDACTED + q;
    from = m.index + whole.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Free text with every secret found by name or shape replaced by "[redacted]". */
export function redactFreeText(text: string, extra: ReadonlySet<string> = new Set()): string {
  let out = text.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
  out = redactPairs(out, extra);
  out = out.replace(AUTH_SCHEME, (all, scheme: string, space: string, cred: string) =>
    /^[a-z]+$/.test(cred) ? all : `${scheme}${space}${REDACTED}`,
  );
  for (const shape of SHAPES) out = out.replace(shape, REDACTED);
  return out;
}
