// Who may drive the sandbox: AWS clients on this machine, not web pages. A browser can POST
// `text/plain` to any address without a preflight, and through DNS rebinding a page can even
// read the answers; the sandbox runs real handlers that may read files, so every request must
// look like what an AWS client sends before it reaches a function or a log.
import type http from "node:http";
import net from "node:net";
import os from "node:os";
import { AwsError } from "./errors.js";

const loopback = new net.BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** The shape of a SigV4 header: the scheme, then Credential=key/date/region/service/aws4_request. */
const SIGV4 = /^AWS4-HMAC-SHA256 +Credential=[^/\s,]+\/\d{8}\/[a-z0-9-]+\/[a-z0-9-]+\/aws4_request\s*,/;

/**
 * Headers only a browser sends; no AWS SDK or CLI does. Browsers send Origin with every POST and
 * Sec-Fetch-Site with every request to a loopback address. Not Sec-Fetch-Mode: Node's own
 * fetch() sends that one too.
 */
const BROWSER_HEADERS = ["origin", "sec-fetch-site"];

function isLoopbackAddress(address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && loopback.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Splits a Host header into its name (brackets removed, lower case) and port; null if malformed. */
export function parseHost(host: string): { name: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host.trim());
  if (!m) return null;
  const name = m[1]!.replace(/^\[|\]$/g, "").toLowerCase();
  const port = m[2] === undefined ? 80 : Number(m[2]);
  return port > 0 && port <= 65535 ? { name, port } : null;
}

/**
 * The Host names a request may carry. Loopback always. A sandbox bound on purpose to another
 * address also answers that address, and one bound to every interface (0.0.0.0, ::) the
 * addresses of this machine's interfaces; never a DNS name other than localhost, as a name is
 * what DNS rebinding controls.
 */
export function allowedHostNames(bindAddress: string): (name: string) => boolean {
  const extra = new Set<string>();
  if (bindAddress === "0.0.0.0" || bindAddress === "::") {
    for (const list of Object.values(os.networkInterfaces()))
      for (const i of list ?? []) extra.add(i.address.toLowerCase());
  } else if (net.isIP(bindAddress)) {
    extra.add(bindAddress.toLowerCase());
  }
  return (name) => name === "localhost" || isLoopbackAddress(name) || extra.has(name);
}

/** Returns why the request is refused (a 403 to answer before anything runs), or null to let it in. */
export function refusal(
  req: http.IncomingMessage,
  port: number,
  hostAllowed: (name: string) => boolean,
): AwsError | null {
  const host = req.headers.host ?? "";
  const parsed = parseHost(host);
  if (!parsed || !hostAllowed(parsed.name) || parsed.port !== port) {
    return new AwsError(
      403,
      "AccessDeniedException",
      `The sandbox answers only requests addressed to it by a loopback name or address ` +
        `(localhost, 127.0.0.1 or [::1], port ${port}); this one was addressed to "${host}". ` +
        `Point the client at http://127.0.0.1:${port}.`,
    );
  }
  const browser = BROWSER_HEADERS.find((h) => req.headers[h] !== undefined);
  if (browser) {
    return new AwsError(
      403,
      "AccessDeniedException",
      `The sandbox does not answer web browsers (the request carries a ${browser} header), so that a ` +
        `web page cannot run local functions. Use the AWS CLI, an AWS SDK or lambda-explorer.`,
    );
  }
  const auth = req.headers.authorization;
  if (auth === undefined) {
    return new AwsError(
      403,
      "MissingAuthenticationTokenException",
      `The request is not signed: the sandbox needs an AWS Signature Version 4 Authorization ` +
        `header, as every AWS SDK and the AWS CLI send. Any credentials do (e.g. ` +
        `AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox); do not use --no-sign-request.`,
    );
  }
  if (!SIGV4.test(auth)) {
    return new AwsError(
      403,
      "IncompleteSignatureException",
      `The Authorization header is not an AWS Signature Version 4 header ` +
        `("AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, ..."). ` +
        `Sign the request with an AWS SDK or the AWS CLI; any credentials do.`,
    );
  }
  return null;
}
