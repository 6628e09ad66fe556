// The header as the endpoint gives it (profile, region, account, the sandbox or endpoint, the
// list's count and state) with the latest retry notice, which re-draws only the header.
import type { Endpoint } from "./useEndpoint.js";
import { accountOf, Header } from "../panes/Header.js";
import { useRetryNotice } from "./useRetryNotice.js";

export interface AppHeaderProps {
  width: number;
  endpoint: Endpoint;
  /** The template the sandbox runs, while the explorer is on the sandbox it was started on. */
  template: string | undefined;
}

export function AppHeader({ width, endpoint, template }: AppHeaderProps) {
  const notice = useRetryNotice();
  const { conn, list, cacheKey } = endpoint;
  return (
    <Header
      width={width}
      profile={cacheKey.profile}
      region={conn.clients?.region ?? cacheKey.region}
      account={accountOf(list.items.slice(0, 5).map((f) => f.arn))}
      endpoint={endpoint.onSandbox ? undefined : endpoint.options.endpointUrl}
      sandbox={endpoint.onSandbox}
      template={template}
      count={list.items.length}
      loading={list.loading && !endpoint.failure}
      stale={list.stale}
      notice={notice}
    />
  );
}
