// What the whole UI shares: which screen is up, how the catalog opened, the OCOP
// vocabulary for pick lists, the undo toast, and a counter that tells lists to refresh.
import { call, commands, type Startup, type Vocabulary } from "./ipc";
import { i18n } from "./i18n.svelte";

export type Screen = "loading" | "welcome" | "failed" | "catalog" | "cooperatives" | "scripts" | "sync" | "exchange" | "settings";

export interface Toast {
  message: string;
  /** What "Hoàn tác" does; no button without it. */
  undo?: () => Promise<void>;
  /** Another button, e.g. "Gửi ngay" when a marketplace became reachable. */
  action?: { label: string; run: () => Promise<void> };
}

/** How long a toast (and its undo) stays. */
const TOAST_MS = 10_000;

class App {
  screen = $state<Screen>("loading");
  startup = $state<Startup | null>(null);
  vocabulary = $state<Vocabulary | null>(null);
  toast = $state<Toast | null>(null);
  /** Bumped after every change that lists must show. */
  revision = $state(0);
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  /** Reads the language, opens the catalog and picks the first screen. */
  async start(): Promise<void> {
    const info = await call(commands.appInfo());
    i18n.lang = info.lang;
    this.vocabulary = await call(commands.vocabulary());
    this.show(await call(commands.startup()));
  }

  /** Shows what a start-up attempt found. */
  show(startup: Startup): void {
    this.startup = startup;
    if (startup.state === "failed") this.screen = "failed";
    else this.screen = startup.products === 0 ? "welcome" : "catalog";
  }

  private reported = false;

  /** The first screen is painted and usable: the shell logs the start-up time. */
  ready(): void {
    if (this.reported) return;
    this.reported = true;
    requestAnimationFrame(() => void commands.uiReady());
  }

  changed(): void {
    this.revision += 1;
  }

  notify(toast: Toast): void {
    clearTimeout(this.toastTimer);
    this.toast = toast;
    this.toastTimer = setTimeout(() => (this.toast = null), TOAST_MS);
  }

  dismissToast(): void {
    clearTimeout(this.toastTimer);
    this.toast = null;
  }
}

export const app = new App();
