// The terminal modes the key layer reads keys in: bracketed paste (a paste arrives between
// ESC [200~ and ESC [201~, so it is one key and one undo step) and SGR mouse reports (button
// presses and the wheel, with cell coordinates of any size). Turned on with the alternate
// screen and off whenever the terminal is handed back (quit, crash, an external editor).
export const KEY_MODES_ON = "\u001b[?2004h\u001b[?1000h\u001b[?1006h";
export const KEY_MODES_OFF = "\u001b[?1006l\u001b[?1000l\u001b[?2004l";
