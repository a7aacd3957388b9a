// The sync centre's arithmetic: rows grouped under their shop, and how far a shop's
// queue has come.
import type { ShopView, SyncRow } from "./ipc";

/** States where nothing more is being sent for the product. */
const SETTLED = new Set(["under_review", "live", "rejected", "failed", "conflict", "withdrawn"]);

export function rowsByShop(shops: ShopView[], rows: SyncRow[]): { shop: ShopView; rows: SyncRow[] }[] {
  return shops.map((shop) => ({ shop, rows: rows.filter((row) => row.shop_id === shop.id) }));
}

/** Products whose sending is over, out of all the shop's products. */
export function progressOf(rows: SyncRow[]): { done: number; total: number } {
  return { done: rows.filter((row) => SETTLED.has(row.state)).length, total: rows.length };
}
