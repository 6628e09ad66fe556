// What one key press is, as the key layer hands it on: a canonical name the key table
// matches ("q", "G", "space", "enter", "ctrl+s", "shift+tab", "alt+left"), the text it
// types, and the flags handlers test for named keys. A paste is one key whose text is
// everything pasted; a mouse event is one key named "mouse".

export interface MouseInput {
  action: "down" | "up" | "wheelUp" | "wheelDown" | "move";
  /** 0 left, 1 middle, 2 right; -1 for the wheel and moves. */
  button: number;
  /** Cell of the pointer, 0-based from the top left of the terminal. */
  x: number;
  y: number;
}

export interface Key {
  name: string;
  /** The text the key types: a character, or all a paste holds; "" for named keys. */
  input: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  /** Forward delete (the Delete key); Backspace is `backspace`. */
  delete: boolean;
  paste: boolean;
  mouse: MouseInput | null;
}

/** Named keys, as the key table writes them. */
export type KeyBase =
  | "up"
  | "down"
  | "left"
  | "right"
  | "pgup"
  | "pgdn"
  | "home"
  | "end"
  | "enter"
  | "esc"
  | "tab"
  | "backspace"
  | "delete"
  | "insert"
  | "space"
  | `f${number}`;

const FLAG: Partial<Record<string, keyof Key>> = {
  up: "upArrow",
  down: "downArrow",
  left: "leftArrow",
  right: "rightArrow",
  pgup: "pageUp",
  pgdn: "pageDown",
  home: "home",
  end: "end",
  enter: "return",
  esc: "escape",
  tab: "tab",
  backspace: "backspace",
  delete: "delete",
};

const BLANK: Key = {
  name: "",
  input: "",
  ctrl: false,
  meta: false,
  shift: false,
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  tab: false,
  backspace: false,
  delete: false,
  paste: false,
  mouse: null,
};

export interface Modifiers {
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** A named key (`base` from KeyBase) or a typed character, with modifiers. */
export function makeKey(base: string, mods: Modifiers = {}, input = ""): Key {
  const ctrl = !!mods.ctrl;
  const meta = !!mods.meta;
  const shift = !!mods.shift;
  const prefix = `${ctrl ? "ctrl+" : ""}${meta ? "alt+" : ""}${shift ? "shift+" : ""}`;
  const key: Key = { ...BLANK, name: prefix + base, input, ctrl, meta, shift };
  const flag = FLAG[base];
  if (flag) (key as unknown as Record<string, boolean>)[flag] = true;
  return key;
}

/** A typed character: its own name ("q", "G", "/"), "space" for the space bar. */
export function charKey(ch: string, mods: Modifiers = {}): Key {
  return makeKey(ch === " " ? "space" : ch, mods, ch);
}

export function pasteKey(text: string): Key {
  return { ...BLANK, name: "paste", input: text, paste: true };
}

export function mouseKey(mouse: MouseInput, mods: Modifiers = {}): Key {
  return { ...makeKey("mouse", mods), mouse };
}
