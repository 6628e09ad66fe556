// The AWS SDK warns once per process that it will need Node >= 22 from 2027. We support Node 20
// on purpose, and the warning would land on the TUI's screen or in a command's output, so it is
// silenced here, before any SDK module runs: first through the SDK's own switch, then by
// dropping exactly that warning should a future SDK word it differently. Other warnings pass.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === "string" ? warning : warning.message;
  const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
  if (text.startsWith("NodeVersionSupportWarning") || type === "NodeVersionSupportWarning") return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;
