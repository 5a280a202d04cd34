import { defaultCallToolConfig } from "../calltool/config";
import type { Language } from "../calltool/languages";

/**
 * The kinds of plugin a page can hold. Adding one (a petition, a phone bank)
 * means adding it here, with its default config and its editor; the tables
 * stay as they are.
 */
export const PLUGIN_TYPES = ["call_tool"] as const;
export type PluginType = (typeof PLUGIN_TYPES)[number];

export const PLUGIN_LABELS: Record<PluginType, string> = { call_tool: "Call tool" };

export function defaultPluginConfig(type: PluginType, language: Language): Record<string, unknown> {
  switch (type) {
    case "call_tool":
      return defaultCallToolConfig(language);
  }
}

export function isPluginType(value: unknown): value is PluginType {
  return typeof value === "string" && (PLUGIN_TYPES as readonly string[]).includes(value);
}
