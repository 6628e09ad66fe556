import { memo } from "react";
import { Box, Text } from "ink";

export interface HeaderProps {
  width: number;
  profile: string | undefined;
  region: string | undefined;
  account: string | undefined;
  endpoint: string | undefined;
  sandbox: boolean;
  /** The template the sandbox runs, named after "sandbox". */
  template?: string | undefined;
  count: number;
  loading: boolean;
  stale: boolean;
  /** A call being retried (throttled, unreachable), said while it waits. */
  notice?: string | null;
}

export const Header = memo(function Header(p: HeaderProps) {
  const parts = ["lambda-explorer"];
  if (p.sandbox) parts.push(p.template ? `sandbox · ${p.template}` : "sandbox");
  else if (p.profile) parts.push(`profile ${p.profile}`);
  if (p.region) parts.push(p.region);
  if (p.account) parts.push(`acct ${p.account}`);
  if (p.endpoint) parts.push(p.endpoint);
  parts.push(
    `${p.count} function${p.count === 1 ? "" : "s"}${p.loading ? (p.stale ? " (cached, refreshing…)" : " (loading…)") : ""}`,
  );
  return (
    <Box width={p.width} height={1} justifyContent="space-between">
      <Text bold wrap="truncate">
        {parts.join(" · ")}
      </Text>
      {p.notice ? (
        <Box flexShrink={0} width={Math.max(10, Math.floor(p.width * 0.6))} justifyContent="flex-end">
          <Text color="yellow" wrap="truncate">
            {" "}
            {p.notice}
          </Text>
        </Box>
      ) : p.width > 60 ? (
        <Text color="gray"> ? help</Text>
      ) : null}
    </Box>
  );
});

/** The account id from function ARNs (arn:aws:lambda:region:ACCOUNT:function:name). */
export function accountOf(arns: readonly string[]): string | undefined {
  for (const arn of arns) {
    const m = /^arn:[^:]+:lambda:[^:]*:(\d{12}):/.exec(arn);
    if (m) return m[1];
  }
  return undefined;
}
