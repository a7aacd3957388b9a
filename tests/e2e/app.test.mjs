// End-to-end tests of the real desktop app: tauri-driver + WebKitWebDriver under Xvfb.
// Run with scripts/e2e (builds what is needed), or, with the app built:
//   xvfb-run -a -s "-screen 0 1366x768x24" node --test --test-concurrency=1 tests/e2e/
// Steps run in order; the first failure names the missing test id and the screenshots.

import assert from "node:assert/strict";
import { after, test } from "node:test";

import {
  Key,
  app,
  launchApp,
  quitApp,
  removeDirs,
  screenshotDir,
  sleep,
  stepper,
  stopDriver,
  tempDirs,
  tid,
  visible,
} from "./harness.mjs";

// "✓ Đã lưu" / "✓ Saved": the words, maybe after a mark; never "Chưa lưu…", "Not saved…".
const SAVED = /^[^\p{L}\p{N}]*(Đã lưu|Saved)\s*$/u;
const SAVED_IN_TEXT = /(^|[^\p{L}])(Đã lưu|Saved)(?!\p{L})/u;
const COOP = "HTX Thử nghiệm E2E";
const PRODUCT = "Mật ong thử nghiệm E2E";
const PRODUCT_EDITED = "Mật ong thử nghiệm E2E (sửa)";
const STEP_TIMEOUT = 30_000;

const failedDirs = [];
let anyFailure = false;

after(async () => {
  try {
    await quitApp();
  } finally {
    await stopDriver();
  }
  for (const dirs of failedDirs) process.stderr.write(`Test folders kept for inspection: ${dirs.root}\n`);
  if (anyFailure) process.stderr.write(`Screenshots: ${screenshotDir}\n`);
});

// ---- helpers --------------------------------------------------------------------------

/** Waits until a save status (the product's by default) reads "Đã lưu" / "Saved". */
async function waitSaved(css = tid("save-status")) {
  await app().waitForText(css, SAVED, { timeout: 10_000 });
}

/**
 * Waits until a record inside the editor (a variant row, a certificate card) says it is
 * saved: its own `save-status`-like test id if it has one, else its text showing the word.
 */
async function waitPartSaved(partCss, index = -1) {
  const s = app();
  let seen = "";
  await s.waitUntil(
    async () => {
      const parts = await s.findElements(partCss);
      if (parts.length === 0) return false;
      const part = parts.at(index);
      const own = await s.findElementsIn(part, '[data-testid$="save-status"]');
      const text = own.length > 0 ? await s.text(own[0]) : await s.text(part);
      seen = text;
      const errors = await s.findElementsIn(part, '[data-testid^="error-"]');
      if (errors.length > 0) return false;
      return own.length > 0 ? SAVED.test(text) : SAVED_IN_TEXT.test(text);
    },
    { timeout: 10_000, message: `${partCss} to say it is saved`, describe: () => JSON.stringify(seen) },
  );
}

/** The input with `testId` inside the last (or `index`-th) element matching `partCss`. */
async function inPart(partCss, testId, index = -1) {
  const s = app();
  await s.waitFor(partCss);
  const parts = await s.findElements(partCss);
  const part = parts.at(index);
  return s.findElementIn(part, tid(testId));
}

/** The names on the product rows now in the DOM (the list may be virtualised). */
async function rowNames() {
  return app().execute(
    `return Array.from(document.querySelectorAll('[data-testid="product-row"]'), (row) => {
       const name = row.querySelector('[data-testid="product-row-name"]');
       return (name ?? row).textContent.trim();
     });`,
  );
}

/** Types `query` into the catalog search and waits until every one of `names` is listed. */
async function searchShows(query, names) {
  const s = app();
  await s.fill(tid("catalog-search"), query);
  let seen = [];
  await s.waitUntil(
    async () => {
      seen = await rowNames();
      return names.every((n) => seen.includes(n));
    },
    {
      message: `search ${JSON.stringify(query)} to list ${names.map((n) => JSON.stringify(n)).join(", ")}`,
      describe: () => `${seen.length} row(s): ${seen.slice(0, 12).map((n) => JSON.stringify(n)).join(", ")}`,
    },
  );
  return seen;
}

/** Searches for a product, clicks its row and waits until its editor shows it. */
async function openProduct(query, name) {
  const s = app();
  await searchShows(query, [name]);
  const row = await s.execute(
    `return Array.from(document.querySelectorAll('[data-testid="product-row"]')).find((row) => {
       const n = row.querySelector('[data-testid="product-row-name"]');
       return (n ?? row).textContent.trim() === arguments[0];
     }) ?? null;`,
    [name],
  );
  assert.ok(row, `no product-row named ${JSON.stringify(name)}`);
  row.css = `${tid("product-row")} named ${JSON.stringify(name)}`;
  await s.click(row);
  await s.waitFor(tid("product-editor"));
  await s.waitUntil(async () => (await s.property(tid("field-name"), "value")) === name, {
    message: `the editor's ${tid("field-name")} to show ${JSON.stringify(name)}`,
    describe: async () => JSON.stringify(await s.property(tid("field-name"), "value")),
  });
}

async function closeEditor() {
  const s = app();
  await s.click(tid("editor-close"));
  await s.waitGone(tid("product-editor"));
}

/** The largest whole number in a text ("48 sản phẩm" → 48, "1.234 products" → 1234). */
function largestNumber(text) {
  const numbers = (text.match(/\d[\d.,\s]*/g) ?? []).map((n) => Number(n.replace(/[.,\s]/g, "")));
  return numbers.length ? Math.max(...numbers) : NaN;
}

/** A money field's text without the currency sign and spaces: "185.000 ₫" → "185.000". */
const money = (value) => String(value).replace(/[\s\u00a0₫]|đ/g, "");

// ---- the scenario ---------------------------------------------------------------------

test("a cooperative's day: demo, new product, edits, search, language, delete/undo, relaunch", { timeout: 10 * 60_000 }, async (t) => {
  const dirs = await tempDirs("scenario");
  const step = stepper(t);
  let ok = false;
  try {
    await step("1 first launch shows welcome, load the demo", async () => {
      const s = await launchApp(dirs);
      await s.waitFor(tid("welcome"), { timeout: 20_000 });
      await s.click(tid("welcome-load-demo"));
      await s.waitFor(tid("catalog-list"), { timeout: 20_000 });
      await s.waitFor(tid("product-row"));
      const count = await s.text(tid("catalog-count"));
      assert.ok(largestNumber(count) >= 40, `catalog-count should mention at least 40 products, reads ${JSON.stringify(count)}`);
      assert.ok((await rowNames()).length > 0, "catalog-list has no product-row");
    });

    await step("2 new cooperative", async () => {
      const s = app();
      await s.click(tid("nav-cooperatives"));
      await s.click(tid("coop-new"));
      await s.waitFor(tid("coop-editor"));
      await s.fill(tid("coop-name"), COOP);
      await s.fill(tid("coop-province"), "Hưng Yên");
      await waitSaved(tid("coop-save-status"));
      await s.waitUntil(
        async () =>
          (await s.execute(
            `return Array.from(document.querySelectorAll('[data-testid="coop-row"]'), (r) => r.textContent).some((t) => t.includes(arguments[0]));`,
            [COOP],
          )),
        { message: `a coop-row showing ${JSON.stringify(COOP)}` },
      );
    });

    await step("3 new product with a variant and an OCOP certificate", async () => {
      const s = app();
      await s.click(tid("nav-catalog"));
      await s.click(tid("catalog-new-product"));
      await s.waitFor(tid("product-editor"));
      await s.selectOption(tid("field-cooperative"), COOP);
      await s.fill(tid("field-name"), PRODUCT);
      await s.selectOption(tid("field-subgroup"), "I.2.b");
      await waitSaved();

      await s.click(tid("variant-add"));
      await s.fill(await inPart(tid("variant-row"), "variant-sku"), "E2E-500");
      await s.fill(await inPart(tid("variant-row"), "variant-stock"), "12");
      await s.fill(await inPart(tid("variant-row"), "variant-price"), "185k");
      await waitPartSaved(tid("variant-row"));

      // Reopen the product: the price comes back from the catalog, formatted.
      await closeEditor();
      await openProduct("thu nghiem e2e", PRODUCT);
      const price = await s.property(await inPart(tid("variant-row"), "variant-price"), "value");
      assert.equal(money(price), "185.000", `variant-price after reopening reads ${JSON.stringify(price)}`);
      assert.equal(await s.property(await inPart(tid("variant-row"), "variant-sku"), "value"), "E2E-500");

      await s.click(tid("certificate-add"));
      await s.selectOption(tid("cert-stars"), "4");
      await s.fill(tid("cert-valid-from"), "15/03/2026");
      await waitPartSaved(tid("certificate-card"));
      await s.waitFor(tid("ocop-badge"));
      await s.scrollIntoView(tid("certificate-card"));
    });

    await step("4 edit the name; a wrong price shows an error and is not saved", async () => {
      const s = app();
      await s.fill(tid("field-name"), PRODUCT_EDITED);
      await waitSaved();

      const price = await inPart(tid("variant-row"), "variant-price");
      await s.fill(price, "abc");
      const error = await s.waitFor(tid("error-price"));
      const message = (await s.text(error)).trim();
      assert.ok(message.length > 0, "error-price is empty");
      await sleep(800); // past the autosave delay: nothing may claim the price was saved
      const row = (await s.findElements(tid("variant-row"))).at(-1);
      const rowText = await s.text(row);
      assert.doesNotMatch(rowText, SAVED_IN_TEXT, `the variant row claims to be saved with price "abc": ${JSON.stringify(rowText)}`);
      assert.ok(await visible("error-price"), "error-price went away by itself");

      await s.fill(await inPart(tid("variant-row"), "variant-price"), "190.000");
      await s.waitGone(tid("error-price"));
      await waitPartSaved(tid("variant-row"));
      await waitSaved();
      await s.scrollIntoView(tid("variant-row"));
    });

    await step("5 search folds Vietnamese", async () => {
      const s = app();
      await closeEditor();
      await searchShows("mat ong", ["Mật ong hoa nhãn Hưng Yên", PRODUCT_EDITED]);
      await searchShows("banh chung", ["Bánh chưng Tranh Khúc"]);
      await s.waitFor(tid("catalog-count"));
    });

    await step("6 switch the language and back", async () => {
      const s = app();
      await s.click(tid("nav-settings"));
      await s.click(tid("settings-lang-en"));
      await s.waitForText(tid("nav-catalog"), "Products");
      await s.click(tid("settings-lang-vi"));
      await s.waitForText(tid("nav-catalog"), "Sản phẩm");
    });

    await step("7 delete the product, then undo", async () => {
      const s = app();
      await s.click(tid("nav-catalog"));
      await openProduct("thu nghiem e2e", PRODUCT_EDITED);
      await s.click(tid("product-delete"));
      await s.waitUntil(async () => !(await rowNames()).includes(PRODUCT_EDITED), {
        message: `${JSON.stringify(PRODUCT_EDITED)} to leave the list after product-delete`,
      });
      await s.waitFor(tid("toast"));
      await s.click(tid("toast-undo"));
      await s.waitUntil(async () => (await rowNames()).includes(PRODUCT_EDITED), {
        message: `${JSON.stringify(PRODUCT_EDITED)} to come back after toast-undo`,
      });
    });

    await step("8 quit, relaunch on the same folders: everything is still there", async (st) => {
      const { pid, graceful } = await quitApp();
      st.diagnostic(`app process ${pid} ended ${graceful ? "when the session ended" : "after being killed"}`);
      const s = await launchApp(dirs);
      await s.waitFor(tid("catalog-search"), { timeout: 20_000 });
      assert.equal(await visible("welcome"), false, "the welcome screen came back after a relaunch");
      await openProduct("thu nghiem e2e", PRODUCT_EDITED);
      const price = await s.property(await inPart(tid("variant-row"), "variant-price"), "value");
      assert.equal(money(price), "190.000", `variant-price after relaunch reads ${JSON.stringify(price)}`);
      await s.waitFor(tid("certificate-card"));
      assert.equal(String(await s.property(tid("cert-stars"), "value")), "4", "cert-stars after relaunch");
      assert.equal(await s.property(tid("cert-valid-from"), "value"), "15/03/2026", "cert-valid-from after relaunch");
      await s.waitFor(tid("ocop-badge"));
      await s.scrollIntoView(tid("certificate-card"));
    });
    ok = !step.failed();
  } finally {
    await quitApp();
    if (ok) await removeDirs(dirs);
    else {
      anyFailure = true;
      failedDirs.push(dirs);
    }
  }
});

test("keyboard: Ctrl+F focuses the search, Ctrl+N opens a new product, Esc closes the editor", { timeout: 3 * 60_000 }, async (t) => {
  const dirs = await tempDirs("keyboard");
  const step = stepper(t);
  const activeTestId = () => app().execute(`return document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? null;`);
  let ok = false;
  try {
    await step("k1 launch with the demo", async () => {
      const s = await launchApp(dirs);
      await s.waitFor(tid("welcome"), { timeout: 20_000 });
      await s.click(tid("welcome-load-demo"));
      await s.waitFor(tid("product-row"), { timeout: 20_000 });
    });

    await step("k2 Ctrl+F focuses catalog-search", async () => {
      const s = app();
      await s.execute(`document.activeElement?.blur();`);
      await s.sendKeys([Key.CONTROL, "f"]);
      await s.waitUntil(async () => (await activeTestId()) === "catalog-search", {
        message: "Ctrl+F to focus [data-testid=\"catalog-search\"]",
        describe: async () => `focus is on ${await activeTestId()}`,
      });
    });

    await step("k3 Esc closes the product editor", async () => {
      const s = app();
      await s.click(tid("product-row"));
      await s.waitFor(tid("product-editor"));
      await s.sendKeys(Key.ESCAPE);
      await s.waitGone(tid("product-editor"));
    });

    await step("k4 Ctrl+N opens a new product; Esc closes it", async () => {
      const s = app();
      await s.execute(`document.activeElement?.blur();`);
      await s.sendKeys([Key.CONTROL, "n"]);
      await s.waitFor(tid("product-editor"));
      assert.equal(await s.property(tid("field-name"), "value"), "", "Ctrl+N should open an empty product");
      await s.sendKeys(Key.ESCAPE);
      await s.waitGone(tid("product-editor"));
    });
    ok = !step.failed();
  } finally {
    await quitApp();
    if (ok) await removeDirs(dirs);
    else {
      anyFailure = true;
      failedDirs.push(dirs);
    }
  }
});
