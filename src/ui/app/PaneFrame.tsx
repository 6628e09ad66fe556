// A pane of the layout: its frame at the layout's size (folded to a strip, or a title line when
// stacked), its number and title, and its content drawn at the frame's inner size.
import type { ReactNode } from "react";
import { inner, Pane } from "../panes/Pane.js";
import { PANES, type Layout, type PaneId } from "./layout.js";

const TITLES: Record<PaneId, string> = {
  functions: "Functions",
  payload: "Payload",
  result: "Result",
  history: "History",
};

export interface PaneFrameProps {
  id: PaneId;
  layout: Layout;
  focused: boolean;
  /** Instead of the pane's usual title. */
  title?: string | undefined;
  children: (width: number, height: number) => ReactNode;
}

export function PaneFrame({ id, layout, focused, title, children }: PaneFrameProps) {
  const box = layout.panes[id];
  const size = inner(box.width, box.height);
  return (
    <Pane
      title={title ?? TITLES[id]}
      number={PANES.indexOf(id) + 1}
      width={box.width}
      height={box.height}
      focused={focused}
      collapsed={box.collapsed}
      strip={box.strip}
    >
      {children(size.width, size.height)}
    </Pane>
  );
}
