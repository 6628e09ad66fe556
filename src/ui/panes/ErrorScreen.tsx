// What is wrong with the connection and how to fix it, with the sandbox as a way forward.
import { Text } from "ink";
import { Frame } from "./Frame.js";
import type { AwsFailure } from "../../aws/errors.js";

const TITLES: Record<string, string> = {
  "no-region": "No AWS region",
  "no-profile": "No such AWS profile",
  "no-credentials": "No AWS credentials",
  "sso-expired": "SSO session expired",
  "expired-credentials": "Credentials expired",
  "access-denied": "Access denied",
  unreachable: "Endpoint unreachable",
  "no-answer": "No answer from the endpoint",
  "invalid-input": "Invalid setting",
};

export interface ErrorScreenProps {
  failure: AwsFailure;
  /** Why the offered way out (the sandbox) failed too, if it did. */
  problem?: string | null;
  width: number;
  height: number;
}

export function ErrorScreen({ failure, problem, width, height }: ErrorScreenProps) {
  return (
    <Frame width={width} height={height} borderColor="red" paddingX={1}>
      <Text bold color="red">
        {TITLES[failure.kind] ?? "Cannot list functions"}
      </Text>
      <Text> </Text>
      <Text wrap="wrap">{failure.message}</Text>
      {failure.hint ? <Text wrap="wrap">{failure.hint}</Text> : null}
      {problem ? (
        <Text color="red" wrap="wrap">
          {problem}
        </Text>
      ) : null}
      <Text> </Text>
      <Text wrap="wrap">
        Press <Text color="cyan">s</Text> to explore the local sandbox with example functions instead,{" "}
        <Text color="cyan">r</Text> to try again, or <Text color="cyan">q</Text> to quit.
      </Text>
    </Frame>
  );
}
