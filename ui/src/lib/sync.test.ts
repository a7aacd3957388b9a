import { describe, expect, it } from "vitest";
import { progressOf, rowsByShop } from "./sync";
import type { ShopView, SyncRow } from "./ipc";

const shop = (id: string): ShopView =>
  ({ id, name: id, platform: "shopee", platform_name: "Shopee", practice: true, health: "ok", health_text: "", lapses_at: null }) as ShopView;
const row = (shop_id: string, state: SyncRow["state"]): SyncRow =>
  ({ publication_id: `${shop_id}-${state}`, product_id: "p", product_name: "x", shop_id, state, state_text: "", note: null, retry_at: null, updated_at: "", conflict: null }) as SyncRow;

describe("sync centre", () => {
  it("groups rows under their shop, shops without rows included", () => {
    const groups = rowsByShop([shop("a"), shop("b")], [row("a", "queued"), row("a", "live")]);
    expect(groups.map((g) => g.rows.length)).toEqual([2, 0]);
  });

  it("counts a product as done once nothing more is being sent", () => {
    expect(progressOf([row("a", "queued"), row("a", "uploading_photos"), row("a", "under_review"), row("a", "rejected")])).toEqual({
      done: 2,
      total: 4,
    });
  });
});
