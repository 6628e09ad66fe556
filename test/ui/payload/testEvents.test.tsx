// Named events in the explorer against a real sandbox: the payload saved under a name with
// Ctrl+B, and the chooser (Ctrl+P) offering saved events, the function's shared events from
// the sandbox's schema registry (put there as the console would) and the templates.
import { describe, expect, it } from "vitest";
import { App } from "../../../src/ui/app/App.js";
import { createClients } from "../../../src/aws/clients.js";
import { loadShared, putShared } from "../../../src/aws/shared-events.js";
import { listPrivateEvents } from "../../../src/state/test-events.js";
import { sandboxScope } from "../../../src/state/function-list-cache.js";
import { appSandbox } from "../../helpers/app-sandbox.js";
import { renderTui } from "../../helpers/render-tui.js";

const sandbox = appSandbox("events");

async function openFunction(name: string) {
  const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
  await t.waitFor(/orders-api/);
  await t.press(`/${name}`);
  await t.waitFor(new RegExp(`Functions \\d+/\\d+[\\s\\S]*${name}`));
  await t.press({ key: "enter" });
  await t.waitFor(new RegExp(`${name}:\\$LATEST · RequestResponse`));
  return t;
}
const openGreeter = () => openFunction("versioned-greeter");

describe("test events in the explorer", () => {
  it("saves the payload under a name, and offers saved, shared and template events", async () => {
    const clients = await createClients({ endpointUrl: sandbox().url, region: "us-east-1" });
    await putShared(clients, "versioned-greeter", "from-console", { name: "Console" });
    clients.destroy();

    let t = await openGreeter();
    try {
      await t.press('{"name": "Ada"}');
      await t.waitFor(/✓ valid JSON/);
      await t.press("\u0002"); // Ctrl+B
      await t.waitFor(/Save versioned-greeter's payload as event:/);
      await t.press("bad name\r");
      await t.waitFor(/not a name the Lambda console accepts/);
      for (let i = 0; i < 8; i++) await t.press({ key: "backspace" });
      await t.press("ada\r");
      await t.waitFor(/Saved the event "ada"/);
      // The title names the event the editor holds, and says when the text has moved on.
      await t.waitFor(/versioned-greeter:\$LATEST · saved event "ada" · RequestResponse/);
      await t.press(" ");
      await t.waitFor(/saved event "ada" · changed/);
    } finally {
      t.unmount();
    }
    // The explorer's sandbox is known by a stable name (its port changes each start).
    const scope = { profile: process.env.AWS_PROFILE, region: "us-east-1", endpoint: sandboxScope() };
    expect((await listPrivateEvents(scope, "versioned-greeter")).map((e) => [e.name, e.payload])).toEqual([
      ["ada", '{"name": "Ada"}'],
    ]);

    // A new session finds the saved event, and the shared one once the registry answers.
    t = await openGreeter();
    try {
      await t.press("\u0010"); // Ctrl+P
      const chooser = await t.waitFor(
        /Saved events[\s\S]*ada[\s\S]*Shared events[\s\S]*from-console[\s\S]*Templates/,
      );
      expect(chooser).toContain("shared (console · SAM CLI)");
      await t.press({ key: "down" }); // from-console
      await t.press({ key: "enter" });
      const loaded = await t.waitFor(/Loaded the shared event "from-console"/);
      expect(loaded).toContain('"name": "Console"');
      expect(loaded).toMatch(/shared event "from-console" · RequestResponse/);
      await t.press("\u0010");
      await t.waitFor(/Saved events[\s\S]*ada/);
      await t.press({ key: "enter" }); // ada, the first entry
      const own = await t.waitFor(/Loaded the saved event "ada"/);
      expect(own).toContain('{"name": "Ada"}');
    } finally {
      t.unmount();
    }
  });

  it("saves a history entry's payload as an event, its secrets redacted", async () => {
    const t = await openFunction("payments-audit");
    try {
      await t.press('{"actor": "bo", "token": "s3cret"}');
      await t.waitFor(/✓ valid JSON/);
      await t.press("\u0013"); // Ctrl+S
      await t.waitFor(/"recorded": true/);
      await t.press("4");
      await t.waitFor(/History 1[\s\S]*payments-audit/);
      await t.press("b");
      await t.waitFor(/1 secret value redacted; end the name with ! to keep them/);
      await t.press("from-history\r");
      // The prompt closes once the event is on disk; the payload pane carries the confirmation.
      await t.waitFor(/^(?![\s\S]*Save as payments-audit)[\s\S]*b save event/);
      await t.press("2");
      await t.waitFor(/Saved payments-audit's event "from-history" from history, 1 value redacted/);
    } finally {
      t.unmount();
    }
    const scope = { profile: process.env.AWS_PROFILE, region: "us-east-1", endpoint: sandboxScope() };
    const saved = (await listPrivateEvents(scope, "payments-audit")).find((e) => e.name === "from-history");
    expect(saved?.payload).toBe('{"actor": "bo", "token": "[redacted]"}');
  });

  it("shares a saved event, and will not delete a shared one someone changed since it was read", async () => {
    const t = await openFunction("orders-api");
    const clients = await createClients({ endpointUrl: sandbox().url, region: "us-east-1" });
    try {
      await t.press('{"id": 5}');
      await t.waitFor(/✓ valid JSON/);
      await t.press("\u0002"); // Ctrl+B
      await t.waitFor(/Save orders-api's payload as event:/);
      await t.press("to-share\r");
      await t.waitFor(/Saved the event "to-share"/);
      await t.press("\u0010"); // Ctrl+P
      await t.waitFor(/Saved events[\s\S]*to-share[\s\S]*Shared events[\s\S]*none for this function/);
      await t.press("s");
      await t.waitFor(/Shared "to-share" \(schema version 1\)/);
      const { events } = await loadShared(clients, "orders-api");
      expect(events.map((e) => [e.name, JSON.parse(e.payload)])).toEqual([["to-share", { id: 5 }]]);

      await t.press("\u0010");
      await t.waitFor(/Shared events[\s\S]*to-share[\s\S]*shared \(console/);
      // Someone else saves while the chooser shows version 1.
      await putShared(clients, "orders-api", "other", { x: 1 });
      await t.press({ key: "down" }); // the shared to-share
      await t.press("d");
      await t.waitFor(/changed since version 1 \(now version 2\)/);
      expect((await loadShared(clients, "orders-api")).events.map((e) => e.name)).toEqual([
        "to-share",
        "other",
      ]);
    } finally {
      clients.destroy();
      t.unmount();
    }
  });

  it("renames and deletes a saved event from the chooser", async () => {
    const t = await openFunction("big-response");
    const scope = { profile: process.env.AWS_PROFILE, region: "us-east-1", endpoint: sandboxScope() };
    const names = async () => (await listPrivateEvents(scope, "big-response")).map((e) => e.name);
    try {
      await t.press("{}");
      await t.press("\u0002"); // Ctrl+B
      await t.waitFor(/Save big-response's payload as event:/);
      await t.press("old\r");
      await t.waitFor(/Saved the event "old"/);
      await t.press("\u0010"); // Ctrl+P
      await t.waitFor(/Saved events[\s\S]*old/);
      await t.press("r");
      await t.waitFor(/Rename "old" to: old/);
      for (let i = 0; i < 3; i++) await t.press({ key: "backspace" });
      await t.press("new\r");
      await t.waitFor(/Renamed the saved event "old" to "new"/);
      expect(await names()).toEqual(["new"]);
      await t.press("\u0010");
      await t.waitFor(/Saved events[\s\S]*new/);
      await t.press("d");
      await t.waitFor(/Deleted the saved event "new"/);
      expect(await names()).toEqual([]);
    } finally {
      t.unmount();
    }
  });
});
