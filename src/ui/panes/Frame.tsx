// A bordered box of a given size whose content is clipped to it: the frame of every pane and
// of the full-screen views (help, the error screen).
import type { ReactNode } from "react";
import { Box, type BoxProps } from "ink";

export interface FrameProps {
  width: number;
  height: number;
  borderStyle?: BoxProps["borderStyle"];
  borderColor: string;
  paddingX?: number;
  children?: ReactNode;
}

export function Frame({
  width,
  height,
  borderStyle = "round",
  borderColor,
  paddingX = 0,
  children,
}: FrameProps) {
  return (
    <Box
      width={width}
      height={height}
      flexDirection="column"
      borderStyle={borderStyle}
      borderColor={borderColor}
      paddingX={paddingX}
      overflow="hidden"
    >
      {children}
    </Box>
  );
}
