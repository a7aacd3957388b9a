// Selling scripts in the real app: write a 20-minute livestream for three demo products,
// edit a line (saved, and kept in the history), open the teleprompter, roll and pause it,
// move between segments with the arrow keys and close it.

import assert from "node:assert/strict";
import { after, test } from "node:test";

import { Key, app, launchApp, quitApp, removeDirs, shot, stepper, stopDriver, tempDirs, tid } from "./harness.mjs";

const PRODUCTS = ["mat ong", "que thanh", "tra"];

after(async () => {
  try {
    await quitApp();
  } finally {
    await stopDriver();
  }
});

/** The teleprompter's state: playing, current segment, timer text. */
async function prompter() {
  return app().execute(
    `const p = document.querySelector('[data-testid="teleprompter"]');
     return p && { playing: p.dataset.playing === "true", index: Number(p.dataset.index),
                   timer: p.querySelector('[data-testid="teleprompter-timer"]').textContent.trim() };`,
  );
}

test("scripts: a 20-minute livestream for three products, edit, teleprompter", { timeout: 5 * 60_000 }, async (t) => {
  const dirs = await tempDirs("scripts");
  const step = stepper(t);
  let ok = false;
  try {
    await step("s1 choose three products for a 20-minute livestream", async () => {
      const s = await launchApp(dirs);
      await s.waitFor(tid("welcome"), { timeout: 20_000 });
      await s.click(tid("welcome-load-demo"));
      await s.waitFor(tid("product-row"), { timeout: 20_000 });
      await s.click(tid("toast-close"));
      await s.click(tid("nav-scripts"));
      await s.waitFor(tid("new-script"));
      for (const query of PRODUCTS) {
        await s.fill(tid("script-product-search"), query);
        await s.waitUntil(
          async () => {
            const names = await s.execute(
              `return Array.from(document.querySelectorAll('[data-testid="script-product-option-name"]'), (n) => n.textContent);`,
            );
            return names.length > 0 && names.every((n) => /./.test(n));
          },
          { message: `products matching ${query}` },
        );
        const [first] = await s.findElements(tid("script-product-option"));
        await s.click(first);
      }
      await s.waitUntil(async () => (await s.execute(`return document.querySelectorAll('[data-testid="script-picked"] li').length;`)) === 3, {
        message: "three products picked",
      });
      await s.fill(tid("script-minutes"), "20");
      await s.fill(tid("script-tone"), "energetic");
      await shot("script-new-form");
    });

    await step("s2 the script fills 20 minutes with cycles of the three products", async () => {
      const s = app();
      await s.click(tid("script-generate"));
      await s.waitFor(tid("script-editor"), { timeout: 20_000 });
      const purposes = await s.execute(
        `return Array.from(document.querySelectorAll('[data-testid="script-segment"]'), (x) => x.dataset.purpose);`,
      );
      assert.equal(purposes[0], "welcome");
      assert.equal(purposes.at(-1), "closing");
      assert.ok(purposes.filter((p) => p === "hook").length >= 6, `hooks: ${purposes.join(",")}`);
      assert.ok(purposes.includes("rehook"), "newcomers are welcomed again");
      assert.match(await s.text(tid("script-summary")), /20:00/);
    });

    await step("s3 edit a line: saved, and the generated text is still in the history", async () => {
      const s = app();
      const [, second] = await s.findElements(tid("script-segment-lines"));
      await s.fill(second, "Cả nhà ơi, hôm nay hợp tác xã mang lên ba sản phẩm ngon của quê mình!");
      await s.waitForText(tid("script-save-status"), /Đã lưu/, { timeout: 10_000 });
      const versions = await s.execute(
        `return Array.from(document.querySelectorAll('[data-testid="script-version"] option'), (o) => o.value).filter(Boolean);`,
      );
      assert.deepEqual(versions, ["2", "1"]);
      await shot("script-edited");
      const count = async () => s.execute(`return document.querySelectorAll('[data-testid="script-segment"]').length;`);
      const before = await count();
      const removes = await s.findElements(tid("script-segment-remove"));
      await s.click(removes[2]);
      await s.waitUntil(async () => (await count()) === before - 1, { message: "a segment removed" });
      await s.waitForText(tid("script-save-status"), /Đã lưu/, { timeout: 10_000 });
    });

    await step("s4 the teleprompter rolls, pauses with space and moves with the arrows", async () => {
      const s = app();
      await s.click(tid("script-teleprompter"));
      await s.waitFor(tid("teleprompter"));
      const start = await prompter();
      assert.ok(!start.playing && start.index === 0 && start.timer.startsWith("0:00 / "), JSON.stringify(start));
      await s.sendKeys(" ");
      await s.waitUntil(async () => (await prompter()).playing, { message: "rolling after space" });
      await s.waitUntil(async () => !(await prompter()).timer.startsWith("0:00"), { timeout: 5000, message: "the timer to run" });
      await s.sendKeys(" ");
      await s.waitUntil(async () => !(await prompter()).playing, { message: "paused after space" });
      await shot("teleprompter-paused");
      await s.sendKeys(Key.ARROW_RIGHT);
      await s.sendKeys(Key.ARROW_RIGHT);
      await s.waitUntil(async () => (await prompter()).index === 2, { message: "two segments on" });
      await s.sendKeys(Key.ARROW_LEFT);
      await s.waitUntil(async () => (await prompter()).index === 1, { message: "one segment back" });
      await s.click(tid("teleprompter-mirror"));
      await s.click(tid("teleprompter-bigger"));
      await shot("teleprompter-mirrored");
      await s.sendKeys(Key.ESCAPE);
      await s.waitGone(tid("teleprompter"));
      await s.waitFor(tid("script-editor"));
    });
    ok = !step.failed();
  } finally {
    await quitApp();
    if (ok) await removeDirs(dirs);
  }
});
