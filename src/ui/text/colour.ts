// Colour for what the panes draw, switched off by NO_COLOR (any non-empty value, as
// no-color.org asks). The environment is read once, when this module loads, so no component
// reads it; bold, dim and inverse are not colour and stay, so what colour marks should also
// be marked by one of them or by text.

export type ColourName = "red" | "yellow" | "green" | "cyan" | "gray" | "black" | "blue" | "magenta";

/** Whether `env` allows colour. */
export function coloursAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  return !env.NO_COLOR;
}

const allowed = coloursAllowed(process.env);

/** `name`, or undefined when colour is off: pass it straight to Ink's `color` props. */
export function colour<C extends ColourName>(name: C | undefined): C | undefined {
  return allowed ? name : undefined;
}

/** Whether colour is on (for the rare mark that needs another form without it). */
export function coloursOn(): boolean {
  return allowed;
}
