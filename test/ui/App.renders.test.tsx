// Issue 12: a key re-renders only the pane it is for. Filter keys in the function picker must
// not render the App (all panes, header and footer) again: each part's renders are counted by
// wrapping its module's export, and the picker's own frames show the keys were taken.
import { createElement, type ComponentType } from "react";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../src/ui/app/App.js";
import { appSandbox } from "../helpers/app-sandbox.js";
import { renderTui } from "../helpers/render-tui.js";

const renders = vi.hoisted(() => ({ app: 0, header: 0, payload: 0, result: 0, history: 0 }));
type Part = keyof typeof renders;

/** `Component` with its renders counted under `part` (a render of the wrapper is one of it). */
function counted<P extends object>(part: Part, Component: ComponentType<P>): ComponentType<P> {
  return (props: P) => {
    renders[part]++;
    return createElement(Component, props);
  };
}

// The App calls useTerminalSize once a render, and nothing else does.
vi.mock("../../src/ui/app/useTerminalSize.js", async (load) => {
  const m = await load<typeof import("../../src/ui/app/useTerminalSize.js")>();
  return {
    useTerminalSize: () => {
      renders.app++;
      return m.useTerminalSize();
    },
  };
});
vi.mock("../../src/ui/app/AppHeader.js", async (load) => {
  const m = await load<typeof import("../../src/ui/app/AppHeader.js")>();
  return { ...m, AppHeader: counted("header", m.AppHeader) };
});
vi.mock("../../src/ui/panes/payload/PayloadPane.js", async (load) => {
  const m = await load<typeof import("../../src/ui/panes/payload/PayloadPane.js")>();
  return { ...m, PayloadPane: counted("payload", m.PayloadPane) };
});
vi.mock("../../src/ui/panes/result/ResultPane.js", async (load) => {
  const m = await load<typeof import("../../src/ui/panes/result/ResultPane.js")>();
  return { ...m, ResultPane: counted("result", m.ResultPane) };
});
vi.mock("../../src/ui/panes/history/HistoryPane.js", async (load) => {
  const m = await load<typeof import("../../src/ui/panes/history/HistoryPane.js")>();
  return { ...m, HistoryPane: counted("history", m.HistoryPane) };
});

const sandbox = appSandbox("renders");

describe("App: what a key re-renders", () => {
  it("re-renders no other pane, nor the App, for filter keys and moves in the picker", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      // Wide enough for every pane to show beside the picker (the layout's "wide" mode).
      Object.defineProperty(t.stdout, "columns", { value: 200 });
      Object.defineProperty(t.stdout, "rows", { value: 60 });
      t.stdout.emit("resize");
      await t.waitFor(/Functions 15 \/ filter[\s\S]*History 0/);
      // Entering filter mode changes the footer's keys: the App renders for that, once.
      await t.press("/");
      await t.waitFor(/Functions \d+ \/ *│|Functions \d+ \//);
      const before = { ...renders };
      expect(before.app).toBeGreaterThan(0);
      expect(before.payload).toBeGreaterThan(0);
      expect(before.history).toBeGreaterThan(0);
      for (const key of ["g", "r", "e"]) await t.press(key);
      const typed = await t.waitFor(/Functions \d+\/\d+ \/gre/);
      expect(typed).toContain("greeter");
      expect(typed).not.toContain("orders-api");
      await t.press("\u001b[B"); // down: a move in the matches
      await t.press("\u007f"); // Backspace
      await t.waitFor(/Functions \d+\/\d+ \/gr\b/);
      expect(renders).toEqual(before);
      // Leaving filter mode is the App's again (the footer's keys change): the count can move.
      await t.press("\u001b");
      await t.waitFor(/Functions \d+ \/ filter/);
      expect(renders.app).toBeGreaterThan(before.app);
    } finally {
      t.unmount();
    }
  });
});
