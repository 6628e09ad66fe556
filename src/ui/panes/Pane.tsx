// A framed pane with its title in the first line; collapsed panes show only the title.
import type { ReactNode } from "react";
import { Box, Text } from "ink";
import { Frame } from "./Frame.js";

export interface PaneProps {
  title: string;
  number: number;
  width: number;
  height: number;
  focused: boolean;
  collapsed: boolean;
  /** Folded to a narrow column: its number and title read downwards. */
  strip?: boolean;
  children?: ReactNode;
}

export function Pane({ title, number, width, height, focused, collapsed, strip, children }: PaneProps) {
  if (height <= 0 || width <= 0) return null;
  const colour = focused ? "cyan" : "gray";
  if (collapsed || height < 3 || width < 4) {
    return (
      <Box width={width} height={height} overflow="hidden">
        <Text color={colour} wrap="truncate">
          {`[${number}] ${title}`}
        </Text>
      </Box>
    );
  }
  return (
    <Frame width={width} height={height} borderColor={colour}>
      {strip
        ? [...`${number} ${title}`].slice(0, height - 2).map((ch, i) => (
            <Text key={i} color={colour} bold={i === 0}>
              {ch}
            </Text>
          ))
        : children}
    </Frame>
  );
}

/** Inner size of a framed pane. */
export function inner(width: number, height: number): { width: number; height: number } {
  return { width: Math.max(0, width - 2), height: Math.max(0, height - 2) };
}
