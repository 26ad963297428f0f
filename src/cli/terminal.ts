/**
 * What the CLI prints is shown by a terminal, which obeys escape sequences:
 * a pod named "\e]0;PWNED\a\e[2J" would retitle the window and clear the
 * screen. Control characters (C0 but newline and tab, DEL, C1) and the bidi
 * overrides are written as visible escapes instead, in JSON's \uXXXX form:
 * JSON output stays valid JSON with the same meaning.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A message kept to `max` characters, saying how many more there were. */
export function clipText(text: string, max = 400): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
