// An editor that saves itself: a moment after typing stops (or at once on flush), the
// form goes to the core if it changed since the last save; "Đã lưu" shows only once the
// core has confirmed, and refused fields come back by name.
import { Debouncer } from "./debounce";
import { messageOf, UserError } from "./ipc";
import type { SaveState } from "./save-state";

export class Autosave<T> {
  status = $state<SaveState>({ kind: "saved" });
  /** The core's message for each refused field, by field name. */
  errors = $state<Record<string, string>>({});
  readonly #debouncer: Debouncer;
  #savedJson: string;

  /**
   * @param saved the value as last saved
   * @param current reads the form as it is now
   * @param write sends a value to the core (and takes its answer)
   */
  constructor(
    saved: T,
    private readonly current: () => T,
    private readonly write: (value: T) => Promise<void>,
    delayMs: number,
  ) {
    this.#debouncer = new Debouncer(delayMs);
    this.#savedJson = JSON.stringify(saved);
  }

  /** Nothing typed since the last save and nothing on its way: a new answer from the
   *  core may replace the form. */
  get idle(): boolean {
    return !this.#debouncer.waiting && this.status.kind !== "saving";
  }

  /** The form now shows `value`, as saved. */
  adopt(value: T): void {
    this.#savedJson = JSON.stringify(value);
  }

  edited(): void {
    this.status = { kind: "editing" };
    this.#debouncer.schedule(() => void this.save());
  }

  flush(): void {
    this.#debouncer.flush();
  }

  async save(): Promise<void> {
    const sent = this.current();
    const sentJson = JSON.stringify(sent);
    if (sentJson === this.#savedJson) {
      if (this.status.kind === "editing") this.status = { kind: "saved" };
      return;
    }
    this.status = { kind: "saving" };
    try {
      await this.write(sent);
      this.errors = {};
      this.#savedJson = sentJson;
      this.status = this.#debouncer.waiting ? { kind: "editing" } : { kind: "saved" };
    } catch (e) {
      if (e instanceof UserError && e.fields.length > 0) {
        this.errors = Object.fromEntries(e.fields.map((f) => [f.field, f.message]));
        this.status = { kind: "invalid" };
      } else {
        this.status = { kind: "failed", message: messageOf(e) };
      }
    }
  }
}
