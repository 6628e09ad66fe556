// The environment Lambda gives a runtime process, as its documentation lists it ("Defined
// runtime environment variables"), pointed at this sandbox's Runtime API and code folder.
import os from "node:os";

export interface EnvironmentFacts {
  runtimeApi: string;
  runtime: string;
  handler: string;
  taskRoot: string | null;
  functionName: string;
  version: string;
  memorySize: number;
  logGroup: string;
  logStream: string;
  logFormat: string;
  region: string;
  /** The function's own variables: they may override the unreserved ones (LANG, PATH, ...). */
  variables: Record<string, string>;
}

export function runtimeEnvironment(f: EnvironmentFacts): NodeJS.ProcessEnv {
  const taskRoot = f.taskRoot ?? os.tmpdir();
  const unreserved = {
    LANG: "en_US.UTF-8",
    // The machine's PATH, not Lambda's /usr/local/bin:/usr/bin:/bin: the sandbox runs on it.
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    LD_LIBRARY_PATH: [process.env.LD_LIBRARY_PATH, taskRoot, `${taskRoot}/lib`].filter(Boolean).join(":"),
  };
  return {
    ...unreserved,
    ...f.variables,
    // Reserved: a function cannot set these, on Lambda or here.
    _HANDLER: f.handler,
    AWS_REGION: f.region,
    AWS_DEFAULT_REGION: f.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${f.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: f.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: f.version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(f.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: f.logGroup,
    AWS_LAMBDA_LOG_STREAM_NAME: f.logStream,
    AWS_LAMBDA_LOG_FORMAT: f.logFormat,
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    AWS_LAMBDA_RUNTIME_API: f.runtimeApi,
    LAMBDA_TASK_ROOT: taskRoot,
    // Lambda's form: the leading colon makes glibc read the zone from the tz database.
    TZ: ":UTC",
  };
}
