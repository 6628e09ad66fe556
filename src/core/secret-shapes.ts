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
  /\beyJ[A-Za-z0-9_-]{8,1024}\.[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]{0,1024}/g,
  // AWS access key ids: long-term (AKIA) and temporary (ASIA), and the rarer ABIA and ACCA.
  /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  // Service tokens that carry their own prefix: GitHub, GitLab, Slack, Stripe, Google, npm,
  // OpenAI and Anthropic.
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}/g,
  /\bglpat-[A-Za-z0-9_-]{20,255}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,255}/g,
  /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,255}/g,
  /\bAIza[0-9A-Za-z_-]{35}/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bsk-(?:proj-|ant-[a-z0-9]{1,16}-)?[A-Za-z0-9_-]{20,255}/g,
];

/** `scheme://user:password@`: the password goes, the user stays. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{0,31}:\/\/[^\s/?#@:"']{1,256}:)([^\s/?#@"']{1,2048})@/gi;

/**
 * `Bearer …` and `Basic …` credentials. A word of lowercase letters after the scheme is prose
 * ("Basic authentication"), not a credential.
 */
const AUTH_SCHEME = /\b(Bearer|Basic)(\s{1,8})([A-Za-z0-9\-._~+/]{1,8192}={0,2})/gi;

/**
 * A `name=value`, `name: value` or `"name": "value"` pair in free text: a query parameter, a
 * logged setting, a Python dict. The name and separator are found first; the value is looked
 * at only when the name holds a secret, so text full of `a:` costs one pass, not one per colon.
 */
const NAME = /(?<![\w-])(["']?)([A-Za-z][\w.-]{0,63})\1(\s{0,8}[:=]\s{0,8})/g;
/**
 * The value after a secret's name: quoted (on its line), or an auth scheme with its credential,
 * or a run to a space or punctuation. Bounded, as every pattern here is: no text makes them slow.
 */
const VALUE =
  /(["'])(?:\\.|(?!\1)[^\\\n]){0,8192}\1|(?:Bearer|Basic|Digest|Negotiate)\s{1,8}[^\s,;&"']{1,8192}|[^\s,;&#"'<>(){}[\]]{1,8192}/y;

function redactPairs(text: string, extra: ReadonlySet<string>): string {
  let out = "";
  let from = 0;
  NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME.exec(text)) !== null) {
    if (!isSecretKey(m[2]!, extra)) continue;
    const at = m.index + m[0].length;
    VALUE.lastIndex = at;
    const v = VALUE.exec(text);
    if (!v) continue;
    const quote = v[1] ?? "";
    out += text.slice(from, at) + quote + REDACTED + quote;
    from = at + v[0].length;
    NAME.lastIndex = from;
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
