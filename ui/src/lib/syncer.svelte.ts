// The sync as the whole UI sees it: shops, each product's row, whether a run is going,
// and the watcher that starts one by itself when a marketplace becomes reachable with
// work waiting (setting "automatic"), or offers to ("ask").
import { Channel } from "@tauri-apps/api/core";
import { app } from "./app.svelte";
import { t } from "./i18n.svelte";
import { call, commands, messageOf, type Id, type ShopRunView, type ShopView, type SyncRow } from "./ipc";

/** How often reachability is probed while the app is open. */
const PROBE_MS = 30_000;

class Syncer {
  shops = $state<ShopView[]>([]);
  rows = $state<SyncRow[]>([]);
  running = $state(false);
  results = $state<ShopRunView[]>([]);
  error = $state<string | null>(null);
  private wasOnline = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Which refresh is the latest: an older one that answers late must not undo a newer one. */
  private generation = 0;

  async refresh(): Promise<void> {
    const mine = ++this.generation;
    try {
      const [shops, rows] = await Promise.all([call(commands.listShops()), call(commands.syncRows(null))]);
      if (mine !== this.generation) return;
      this.shops = shops;
      this.rows = rows;
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  /** The worst state of a product over its shops, for the catalog's badge. */
  stateOf(productId: Id): SyncRow | undefined {
    return this.rows.find((row) => row.product_id === productId);
  }

  private adopt(row: SyncRow): void {
    const index = this.rows.findIndex((r) => r.publication_id === row.publication_id);
    if (index >= 0) this.rows[index] = row;
    else this.rows = [row, ...this.rows];
  }

  /** Sends what waits; with `refreshStatuses`, also asks the platforms about every review now. */
  async sendNow(shopId: Id | null = null, refreshStatuses = false): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.results = [];
    const channel = new Channel<SyncRow>();
    channel.onmessage = (row) => this.adopt(row);
    try {
      this.results = await call(commands.syncNow(shopId, refreshStatuses, channel));
      app.changed();
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      this.running = false;
      await this.refresh();
    }
  }

  async pause(): Promise<void> {
    await call(commands.stopSync());
  }

  /** Probes once; on the way from offline to online with work waiting, acts per the setting. */
  async probe(): Promise<void> {
    try {
      const status = await call(commands.syncStatus());
      const cameOnline = status.online && !this.wasOnline;
      this.wasOnline = status.online;
      if (!cameOnline || status.waiting === 0 || this.running) return;
      if (status.mode === "automatic") void this.sendNow();
      else if (status.mode === "ask")
        app.notify({
          message: t("desktop-sync-ask", { count: status.waiting }),
          action: { label: t("desktop-sync-now"), run: () => this.sendNow() },
        });
    } catch {
      // A failed probe is "offline": the next one tries again.
      this.wasOnline = false;
    }
  }

  watch(): void {
    if (this.timer) return;
    void this.refresh().then(() => this.probe());
    this.timer = setInterval(() => void this.probe(), PROBE_MS);
    window.addEventListener("online", () => void this.probe());
  }
}

export const syncer = new Syncer();
