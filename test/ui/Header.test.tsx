// The header: what it says normally, and a retry notice in place of the help hint while one waits.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { Header, type HeaderProps } from "../../src/ui/panes/Header.js";

const base: HeaderProps = {
  width: 140,
  profile: "dev",
  region: "eu-west-1",
  account: "123456789012",
  endpoint: undefined,
  sandbox: false,
  count: 12,
  loading: false,
  stale: false,
};

describe("Header", () => {
  it("shows the profile, region, account and count, and the help hint", () => {
    const frame = render(<Header {...base} />).lastFrame() ?? "";
    expect(frame).toMatch(/lambda-explorer · profile dev · eu-west-1 · acct 123456789012 · 12 functions/);
    expect(frame).toContain("? help");
  });

  it("names the template a sandbox runs", () => {
    const props = { ...base, profile: undefined, sandbox: true, template: "fixtures/sam-app/template.yaml" };
    const frame = render(<Header {...props} />).lastFrame() ?? "";
    expect(frame).toMatch(/lambda-explorer · sandbox · fixtures\/sam-app\/template\.yaml · eu-west-1 · /);
  });

  it("shows a retry notice instead of the help hint while a call waits to be retried", () => {
    const notice = "Lambda throttled ListFunctions (TooManyRequestsException); retrying in 1.0 s";
    const frame = render(<Header {...base} notice={notice} />).lastFrame() ?? "";
    expect(frame).toContain(notice);
    expect(frame).not.toContain("? help");
    expect(frame.split("\n")).toHaveLength(1);
  });
});
