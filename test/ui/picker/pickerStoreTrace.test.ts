// With LAMBDA_EXPLORER_TRACE, the picker's store traces each action's reducer time (a filter
// key's search, when the list is searched in the key's frame) as `picker ACTION MS`.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { traceToFreshFile, untraceAfterEach } from "../../helpers/trace-file.js";
import { many } from "./functions.js";

untraceAfterEach();

it("traces the reducer's time of each action it is sent", async () => {
  const file = traceToFreshFile("pickertrace");
  const { PickerStore } = await import("../../../src/ui/picker/pickerStore.js");
  const { initialPickerState } = await import("../../../src/ui/picker/pickerReducer.js");
  const store = new PickerStore(initialPickerState());
  store.dispatch({ type: "items", items: many(50), loading: false });
  store.dispatch({ type: "startFilter", text: "fn-00" });
  expect(store.get().results.length).toBe(50);
  const read = () => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return "";
    }
  };
  // Hot-path events are written a moment later, never in the key's time.
  while (!/ picker startFilter /.test(read())) await new Promise((r) => setTimeout(r, 20));
  const lines = read()
    .split("\n")
    .filter((l) => / picker /.test(l));
  expect(lines.map((l) => l.split(" ")[2])).toEqual(["items", "startFilter"]);
  for (const l of lines) expect(l).toMatch(/^\d+\.\d{3} picker \w+ \d+\.\d{3}$/);
});
