import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildBundle } from "./i18n.svelte";

const root = join(import.meta.dirname, "..", "..", "..");

function ftlFiles(lang: string): Record<string, string> {
  const dir = join(root, "locales", lang);
  return Object.fromEntries(
    readdirSync(dir).map((name) => [`/locales/${lang}/${name}`, readFileSync(join(dir, name), "utf8")]),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith(".test.ts") ? [readFileSync(path, "utf8")] : [];
  });
}

describe("UI messages", () => {
  const vi = buildBundle("vi", ftlFiles("vi"));
  const en = buildBundle("en", ftlFiles("en"));

  it("every message ID the screens use exists in Vietnamese and English", () => {
    const used = new Set<string>();
    for (const text of sources(join(root, "ui", "src"))) {
      // Element and test ids share the prefixes; lines that set one are not messages.
      for (const line of text.split("\n").filter((l) => !/testid|\bid=|\bfor=/.test(l))) {
        for (const match of line.matchAll(/["'`]((?:app|catalog|desktop|exchange|listings|ocop|errors|scripts)-[a-z0-9-]+)["'`]/g)) {
          if (!match[1]!.endsWith("-")) used.add(match[1]!);
        }
      }
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((id) => !vi.hasMessage(id) || !en.hasMessage(id));
    expect(missing).toEqual([]);
  });

  it("formats arguments without invisible isolation marks", () => {
    const message = vi.getMessage("desktop-product-deleted");
    const text = vi.formatPattern(message!.value!, { name: "Mật ong" });
    expect(text).toBe("Đã xoá “Mật ong”.");
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });
});
