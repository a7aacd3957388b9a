import { describe, expect, it } from "vitest";
import { rememberMapping, rememberedMapping } from "./import-mapping";

/** A Storage kept in memory. */
function memory(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe("import mapping memory", () => {
  it("gives back the mapping of the same headers, whatever their case and spaces", () => {
    const store = memory();
    rememberMapping(["Tên", "Loại hàng"], ["name", "subgroup"], store);
    expect(rememberedMapping([" tên", "LOẠI HÀNG "], store)).toEqual(["name", "subgroup"]);
  });

  it("knows nothing of other headers or of a damaged entry", () => {
    const store = memory();
    rememberMapping(["Tên"], ["name"], store);
    expect(rememberedMapping(["Tên", "Giá"], store)).toBeNull();
    store.setItem(store.key(0)!, "{not json");
    expect(rememberedMapping(["Tên"], store)).toBeNull();
  });
});
