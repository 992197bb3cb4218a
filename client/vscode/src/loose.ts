/**
 * Reading the server's JSON leniently: the readers of command results (quiz, practice) pick
 * fields out of whatever arrived, so a payload that grows, or a field of another type, makes a
 * view degrade instead of break. No `vscode` import: the webview and the unit tests use it.
 */

export type Loose = Record<string, unknown>;

export function isObject(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string, a number or a boolean as text; anything else as "". */
export function text(value: unknown): string {
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return "";
}
