// Bad input in the real app: an unreadable catalog at start, a pasted novel, emoji,
// and the same word typed with two different Vietnamese keyboards (NFC and NFD).

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";

import { app, launchApp, quitApp, removeDirs, stepper, stopDriver, tempDirs, tid } from "./harness.mjs";

after(async () => {
  try {
    await quitApp();
  } finally {
    await stopDriver();
  }
});

test("a catalog that cannot be opened gets a clear screen and a way out", async (t) => {
  const dirs = await tempDirs("corrupt");
  mkdirSync(dirs.dataDir, { recursive: true });
  const garbage = Buffer.alloc(64 * 1024, 0x42);
  writeFileSync(join(dirs.dataDir, "catalog.sqlite3"), garbage);
  const step = stepper(t);
  await step("the start screen says what happened", async () => {
    const s = await launchApp(dirs);
    await s.waitFor(tid("startup-failed"));
    const message = await s.text(tid("startup-message"));
    assert.match(message, /bị hỏng|khôi phục/, `message: ${message}`);
  });
  await step("retrying changes nothing; a new catalog keeps the old file", async () => {
    const s = app();
    await s.click(tid("startup-retry"));
    await s.waitFor(tid("startup-failed"));
    await s.click(tid("startup-start-empty"));
    await s.waitFor(tid("welcome"));
    const kept = readdirSync(dirs.dataDir).filter((name) => name.includes("damaged"));
    assert.equal(kept.length, 1, `the damaged file is kept: ${readdirSync(dirs.dataDir).join(", ")}`);
    assert.ok(existsSync(join(dirs.dataDir, "catalog.sqlite3")), "a new catalog was created");
  });
  await quitApp();
  if (!step.failed()) await removeDirs(dirs);
});

test("a pasted novel, emoji and NFD text", async (t) => {
  const dirs = await tempDirs("bad-input");
  const step = stepper(t);
  await step("launch with the demo", async () => {
    const s = await launchApp(dirs);
    await s.click(tid("welcome-load-demo"));
    await s.waitFor(tid("product-row"));
  });
  await step("100,000 characters in the story are refused with a message, nothing breaks", async () => {
    const s = app();
    await s.fill(tid("catalog-search"), "mat ong hoa nhan");
    await s.waitFor(tid("product-row"));
    await s.click(tid("product-row"));
    await s.waitFor(tid("field-story"));
    await s.execute(
      `const area = document.querySelector('[data-testid="field-story"]');
       area.value = "Ong ".repeat(25000);
       area.dispatchEvent(new Event("input", { bubbles: true }));
       area.dispatchEvent(new Event("blur"));`,
    );
    await s.waitFor(tid("error-story"));
    assert.match(await s.text(tid("error-story")), /20000|20\.000/);
    assert.doesNotMatch(await s.text(tid("save-status")), /Đã lưu/);
  });
  await step("emoji in a name are kept", async () => {
    const s = app();
    await s.click(tid("editor-close"));
    await s.click(tid("catalog-new-product"));
    await s.waitFor(tid("field-subgroup"));
    await s.selectOption(tid("field-subgroup"), "I.2.b");
    // WebKitWebDriver drops characters outside the Basic Multilingual Plane when it types,
    // so the emoji arrive the way a paste does: as the field's new value.
    await s.execute(
      `const input = document.querySelector('[data-testid="field-name"]');
       input.value = arguments[0];
       input.dispatchEvent(new Event("input", { bubbles: true }));`,
      ["Mật ong rừng 🍯🐝 hũ 500ml"],
    );
    await s.waitForText(tid("save-status"), /Đã lưu/);
    await s.fill(tid("catalog-search"), "mat ong rung");
    await s.waitUntil(
      async () =>
        (await s.execute(`return document.body.textContent.includes("Mật ong rừng 🍯🐝 hũ 500ml")`)) === true,
      { message: "the emoji name to be listed" },
    );
  });
  await step("the same words in NFD find the same products as in NFC", async () => {
    const s = app();
    const names = async (text) => {
      await s.fill(tid("catalog-search"), text);
      await s.waitUntil(async () => (await s.attribute(tid("catalog-count"), "data-query")) === text, {
        message: `results for ${JSON.stringify(text)}`,
      });
      return s.execute(
        `return Array.from(document.querySelectorAll('[data-testid="product-row-name"]'), (n) => n.textContent);`,
      );
    };
    const nfc = await names("Bánh chưng");
    const nfd = await names("Bánh chưng".normalize("NFD"));
    assert.ok(nfc.length > 0);
    assert.deepEqual(nfd, nfc);
  });
  await quitApp();
  if (!step.failed()) await removeDirs(dirs);
});
