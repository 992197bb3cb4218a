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

/** Reviews due in a stats result (`pyiq stats --format json` or the server's), if it says. */
export function dueCount(result: unknown): number | undefined {
  if (!isObject(result)) return undefined;
  if (isObject(result.total)) {
    const total = dueCount(result.total);
    if (total !== undefined) return total;
  }
  for (const key of ["due", "due_today", "reviewsDue", "reviews_due", "dueCount", "due_count"]) {
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

function percent(value: unknown): string {
  return typeof value === "number" ? `${Math.round(value * 100)}%` : "";
}

/** `pyiq stats --format json`: totals, then one row per topic and level. */
function statsMarkdown(result: Record<string, unknown>): string | undefined {
  const total = result.total;
  const groups = result.groups;
  if (!isObject(total) || !Array.isArray(groups)) return undefined;
  if (!total.answered) {
    return "# Your pyiq progress\n\nNo answers yet. Take a quiz with **pyiq: Quiz me on this file**.\n";
  }
  const lines = [
    "# Your pyiq progress",
    "",
    `- **Answered**: ${cell(total.answered)} (${percent(total.accuracy)} correct)`,
    `- **Mastered**: ${cell(total.mastered)} of ${cell(total.cards)} questions`,
    `- **Reviews due today**: ${cell(total.due_today)}`,
  ];
  if (typeof result.day_streak === "number") lines.push(`- **Day streak**: ${result.day_streak}`);
  lines.push(
    "",
    "| Topic | Level | Answered | Correct | Mastered | Due |",
    "| --- | --- | --- | --- | --- | --- |",
    ...groups
      .filter(isObject)
      .map(
        (g) =>
          `| ${cell(g.topic)} | ${cell(g.level)} | ${cell(g.answered)} | ${percent(g.accuracy)} | ${cell(g.mastered)}/${cell(g.cards)} | ${cell(g.due_today)} |`,
      ),
  );
  return lines.join("\n") + "\n";
}

/** A progress result as Markdown: a string as is, an object as a list and tables. */
export function progressMarkdown(result: unknown): string {
  if (isObject(result)) {
    const stats = statsMarkdown(result);
    if (stats) return stats;
  }
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
