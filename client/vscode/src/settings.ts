/**
 * What the server gets of the `pyiq` settings section.
 *
 * `pyiq.server.*`, `pyiq.importStrategy` and `pyiq.trace.*` belong to this extension (how to start
 * the server, how much traffic to log); the server would report them as
 * unknown settings, so they are dropped. `quizUi` is forced to "data":
 * this client shows the quiz in its own panel.
 */

export const CLIENT_ONLY_KEYS: ReadonlySet<string> = new Set(["server", "trace", "importStrategy"]);

export type SettingsSection = Record<string, unknown>;

export function serverSettings(section: unknown): SettingsSection {
  const out: SettingsSection = {};
  if (typeof section === "object" && section !== null && !Array.isArray(section)) {
    for (const [key, value] of Object.entries(section)) {
      if (!CLIENT_ONLY_KEYS.has(key) && typeof value !== "function") {
        out[key] = value;
      }
    }
  }
  out.quizUi = "data";
  return out;
}

/**
 * The settings keys of `package.json`'s `contributes.configuration` that go
 * to the server, without the `pyiq.` prefix (nested keys are dotted).
 */
export function contributedServerKeys(packageJson: unknown): string[] {
  const keys: string[] = [];
  const contributes = (packageJson as { contributes?: { configuration?: unknown } })?.contributes;
  const configuration = contributes?.configuration;
  const blocks = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  for (const block of blocks) {
    const properties = (block as { properties?: Record<string, unknown> }).properties ?? {};
    for (const name of Object.keys(properties)) {
      if (!name.startsWith("pyiq.")) continue;
      const key = name.slice("pyiq.".length);
      if (!CLIENT_ONLY_KEYS.has(key.split(".")[0])) keys.push(key);
    }
  }
  return keys;
}
