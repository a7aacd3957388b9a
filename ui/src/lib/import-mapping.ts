// Remembers which field each column of a product list holds, per set of headers: a
// cooperative exports the same spreadsheet every season, so the second import should
// not ask again.

import type { ImportColumn } from "./ipc";

const PREFIX = "chophien.import-mapping:";

function key(headers: string[]): string {
  return PREFIX + JSON.stringify(headers.map((h) => h.trim().toLowerCase()));
}

/** The mapping last used for exactly these headers, if any. */
export function rememberedMapping(headers: string[], store: Storage = localStorage): (ImportColumn | null)[] | null {
  try {
    const saved: unknown = JSON.parse(store.getItem(key(headers)) ?? "null");
    return Array.isArray(saved) && saved.length === headers.length ? (saved as (ImportColumn | null)[]) : null;
  } catch {
    return null;
  }
}

export function rememberMapping(headers: string[], mapping: (ImportColumn | null)[], store: Storage = localStorage): void {
  store.setItem(key(headers), JSON.stringify(mapping));
}
