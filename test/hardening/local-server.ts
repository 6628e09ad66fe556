// A real HTTP server on 127.0.0.1 that answers every request the way a test needs: a broken
// proxy, a failing service, an endpoint that says the credentials expired. The CLI reaches it
// over real HTTP, as it would reach AWS; nothing in the SDK is mocked.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface LocalServer {
  url: string;
  /** The requests seen so far, as "METHOD path". */
  requests: string[];
  close(): Promise<void>;
}

export type Answer = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

export function startLocalServer(answer: Answer): Promise<LocalServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push(`${req.method} ${req.url}`);
      answer(req, res, Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

/** A port nothing listens on: one that was just free (a closed server's). */
export async function refusingUrl(): Promise<string> {
  const s = await startLocalServer(() => undefined);
  await s.close();
  return s.url;
}
