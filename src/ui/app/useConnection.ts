// Clients for the chosen profile / region / endpoint. The first ones are made by start-up while
// the UI loads (loading the AWS SDK takes time the first frame should not wait for).
import { useEffect, useRef, useState } from "react";
import type { Clients, ConnectionOptions } from "../../aws/clients.js";
import { describeAwsError, type AwsFailure } from "../../aws/errors.js";
import { reportRetry } from "../../aws/retry-notices.js";
import { deferred } from "./deferred.js";

export interface Connection {
  clients: Clients | null;
  error: AwsFailure | null;
}

/**
 * `attempt` changes to connect again (retry after an error). `early` is a connection already
 * being made for `options` before the UI loaded (start-up runs both at once); it is used once.
 */
export function useConnection(options: ConnectionOptions, attempt = 0, early?: Promise<Clients>): Connection {
  const earlyRef = useRef(early);
  const [state, setState] = useState<Connection>({ clients: null, error: null });
  const { profile, region, endpointUrl } = options;
  useEffect(() => {
    let live = true;
    let made: Clients | null = null;
    setState({ clients: null, error: null });
    void (async () => {
      const { createClients } = await deferred("clients");
      try {
        const pending = earlyRef.current;
        earlyRef.current = undefined;
        made = await (pending ?? createClients({ profile, region, endpointUrl, onRetry: reportRetry }));
        if (live) setState({ clients: made, error: null });
        else made.destroy();
      } catch (err) {
        if (live)
          setState({
            clients: null,
            error: describeAwsError(err, { profile, endpoint: endpointUrl, region }),
          });
      }
    })();
    return () => {
      live = false;
      made?.destroy();
    };
  }, [profile, region, endpointUrl, attempt]);
  return state;
}
