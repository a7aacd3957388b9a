// Runs an action once typing has paused, or at once when asked (on blur, before closing).
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => void) | undefined;

  constructor(private readonly delayMs: number) {}

  /** Runs `action` after the delay, replacing any action still waiting. */
  schedule(action: () => void): void {
    clearTimeout(this.timer);
    this.pending = action;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Runs the waiting action now, if there is one. */
  flush(): void {
    clearTimeout(this.timer);
    const action = this.pending;
    this.pending = undefined;
    action?.();
  }

  get waiting(): boolean {
    return this.pending !== undefined;
  }
}
