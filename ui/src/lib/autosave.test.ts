import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave } from "./autosave.svelte";
import { UserError } from "./ipc";

describe("autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once typing pauses, only what changed, and says saved after the core answers", async () => {
    let form = { title: "Mật ong" };
    const written: string[] = [];
    const autosave = new Autosave(form, () => form, async (value) => void written.push(value.title), 300);
    autosave.edited();
    expect(autosave.status.kind).toBe("editing");
    await vi.advanceTimersByTimeAsync(300);
    expect(written).toEqual([]);
    expect(autosave.status.kind).toBe("saved");
    form = { title: "Mật ong hoa nhãn" };
    autosave.edited();
    autosave.flush();
    await vi.runAllTimersAsync();
    expect(written).toEqual(["Mật ong hoa nhãn"]);
    expect(autosave.status.kind).toBe("saved");
    expect(autosave.idle).toBe(true);
  });

  it("keeps refused fields by name and other failures as a sentence", async () => {
    let form = { price: "abc" };
    let refuse: Error = new UserError({
      code: "catalog.invalid",
      message: "Giá không hợp lệ",
      fields: [{ field: "price", message: "“abc” không phải là giá" }],
    });
    const autosave = new Autosave({ price: "" }, () => form, async () => {
      throw refuse;
    }, 10);
    await autosave.save();
    expect(autosave.status.kind).toBe("invalid");
    expect(autosave.errors).toEqual({ price: "“abc” không phải là giá" });
    form = { price: "12" };
    refuse = new Error("Ổ đĩa đầy");
    await autosave.save();
    expect(autosave.status).toEqual({ kind: "failed", message: "Ổ đĩa đầy" });
  });
});
