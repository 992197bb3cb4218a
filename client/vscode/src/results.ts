/**
 * Readers for the results of the server's commands other than the quiz:
 * `pyiq.explain` (Markdown) and the progress summary. Lenient for the same
 * reason as the quiz reader: the panel should degrade, not break.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Markdown of an explain result: a string, or an object with markdown/value/contents. */
export function explainMarkdown(result: unknown): string | undefined {
  if (typeof result === "string") {
    return result.trim() ? result : undefined;
  }
  if (isObject(result)) {
    for (const key of ["markdown", "value", "contents", "text"]) {
      const value = result[key];
      if (typeof value === "string" && value.trim()) return value;
      if (isObject(value) && typeof value.value === "string") return value.value;
    }
  }
  return undefined;
}

/** Reviews due in a stats result, if it says. */
export function dueCount(result: unknown): number | undefined {
  if (!isObject(result)) return undefined;
  for (const key of ["due", "reviewsDue", "reviews_due", "dueCount", "due_count"]) {
    const value = result[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return Math.floor(value);
    if (Array.isArray(value)) return value.length;
  }
  return undefined;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === "string" || typeof value === "boolean") return String(value).replace(/\|/g, "\\|");
  return "`" + JSON.stringify(value).replace(/\|/g, "\\|") + "`";
}

function title(key: string): string {
  const spaced = key.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A progress result as Markdown: a string as is, an object as a list and tables. */
export function progressMarkdown(result: unknown): string {
  const direct = explainMarkdown(result);
  if (direct !== undefined && (typeof result === "string" || isObject(result) && typeof result.markdown === "string")) {
    return direct;
  }
  if (!isObject(result)) {
    return "No progress recorded yet. Take a quiz with **pyiq: Quiz me on this file**.";
  }
  const lines: string[] = ["# Your pyiq progress", ""];
  const tables: string[] = [];
  for (const [key, value] of Object.entries(result)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
      const columns = Array.from(new Set(value.flatMap((row) => Object.keys(row))));
      tables.push(
        `## ${title(key)}`,
        "",
        `| ${columns.map(title).join(" | ")} |`,
        `| ${columns.map(() => "---").join(" | ")} |`,
        ...value.map((row) => `| ${columns.map((c) => cell(row[c])).join(" | ")} |`),
        "",
      );
    } else if (!isObject(value)) {
      lines.push(`- **${title(key)}**: ${cell(Array.isArray(value) ? value.length : value)}`);
    } else {
      lines.push(`- **${title(key)}**: ${Object.entries(value).map(([k, v]) => `${k} ${cell(v)}`).join(", ")}`);
    }
  }
  return [...lines, "", ...tables].join("\n").trim() + "\n";
}
