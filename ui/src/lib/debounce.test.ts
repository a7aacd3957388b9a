import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Debouncer } from "./debounce";

describe("Debouncer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs only the last action once typing pauses", () => {
    const saves: string[] = [];
    const debouncer = new Debouncer(400);
    debouncer.schedule(() => saves.push("M"));
    vi.advanceTimersByTime(200);
    debouncer.schedule(() => saves.push("Mật"));
    vi.advanceTimersByTime(399);
    expect(saves).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saves).toEqual(["Mật"]);
    expect(debouncer.waiting).toBe(false);
  });

  it("flushes at once on blur and does not run twice", () => {
    const saves: string[] = [];
    const debouncer = new Debouncer(400);
    debouncer.schedule(() => saves.push("x"));
    expect(debouncer.waiting).toBe(true);
    debouncer.flush();
    vi.advanceTimersByTime(1000);
    expect(saves).toEqual(["x"]);
  });
});
