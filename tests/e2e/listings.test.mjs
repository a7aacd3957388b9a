// Listings in the real app: a product whose story claims to cure a stomach illness is
// blocked on every marketplace; the finding's "Sửa" link leads to the description, the
// fixed text turns the checklist green, "copy to Shopee" fixes Shopee too, and the
// catalog's "ready for" filter finds the product.

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";

import { REPO, app, dropFiles, launchApp, quitApp, removeDirs, shot, stepper, stopDriver, tempDirs, tid } from "./harness.mjs";

const PHOTOS = join(REPO, "tests", "fixtures", "photos");
const FILES = [
  "storm-1920x1280.jpg",
  "ladybird-2560x1600.jpg",
  "flower-with-gps.jpg",
  "orientation/wood-orientation-1.jpg",
  "orientation/wood-orientation-3.jpg",
];
const NAME = "Quế thanh Văn Yên";
const CLAIM = "Uống mỗi sáng giúp chữa bệnh dạ dày.";
const HONEST =
  "Quế thanh Văn Yên được bóc từ những cây quế trồng trên đồi cao ở Lào Cai, phơi nắng tự nhiên " +
  "cho đến khi khô đều. Thanh quế dày, thơm ngọt, dùng để nấu phở, kho thịt, pha trà quế hoặc làm " +
  "thơm nhà cửa. Bảo quản nơi khô ráo, tránh ánh nắng trực tiếp, đậy kín sau khi dùng.";

after(async () => {
  try {
    await quitApp();
  } finally {
    await stopDriver();
  }
});

/** The names on the product rows now in the DOM. */
async function rowNames() {
  return app().execute(
    `return Array.from(document.querySelectorAll('[data-testid="product-row-name"]'), (n) => n.textContent.trim());`,
  );
}

/** Waits until the product rows in the DOM are exactly `names`. */
async function rowsAre(names) {
  let seen = [];
  await app().waitUntil(
    async () => {
      seen = await rowNames();
      return JSON.stringify(seen) === JSON.stringify(names);
    },
    { timeout: 15_000, message: `the list to show ${JSON.stringify(names)}`, describe: () => JSON.stringify(seen) },
  );
}

/** The card of the platform on screen: its readiness and its findings' rules and severities. */
async function card() {
  return app().execute(
    `const card = document.querySelector('[data-testid="listing-card"]');
     if (!card) return null;
     return {
       platform: card.dataset.platform,
       state: card.dataset.state,
       findings: Array.from(card.querySelectorAll('[data-testid="finding"]'), (f) => ({
         rule: f.dataset.rule, severity: f.dataset.severity, text: f.textContent.trim(),
       })),
       clear: card.querySelector('[data-testid="listing-checklist-clear"]') !== null,
     };`,
  );
}

/** Waits until the card on screen is `platform` and `predicate` holds for it. */
async function cardWhere(platform, predicate, message) {
  let seen = null;
  await app().waitUntil(
    async () => {
      seen = await card();
      return seen !== null && seen.platform === platform && predicate(seen);
    },
    { timeout: 15_000, message, describe: () => JSON.stringify(seen) },
  );
  return seen;
}

test("listings: a cure claim blocks, the fix link leads to it, the checklist turns green", { timeout: 5 * 60_000 }, async (t) => {
  const dirs = await tempDirs("listings");
  const step = stepper(t);
  let ok = false;
  try {
    await step("l1 open a demo product and give it five photos", async () => {
      const s = await launchApp(dirs);
      await s.waitFor(tid("welcome"), { timeout: 20_000 });
      await s.click(tid("welcome-load-demo"));
      await s.waitFor(tid("product-row"), { timeout: 20_000 });
      await s.click(tid("toast-close"));
      await s.fill(tid("catalog-search"), "que thanh van yen");
      await rowsAre([NAME]);
      await s.click(tid("product-row"));
      await s.waitUntil(async () => (await s.property(tid("field-name"), "value")) === NAME, {
        message: "the editor to show the product",
      });
      await s.waitFor(tid("photo-strip"));
      await dropFiles(FILES.map((f) => join(PHOTOS, f)));
      await s.waitUntil(async () => (await s.findElements(tid("photo-thumb"))).length === FILES.length, {
        timeout: 60_000,
        message: "five photos in the strip",
      });
    });

    await step("l2 the story claims a cure: the Listings tab says blocked", async () => {
      const s = app();
      const story = await s.waitFor(tid("field-story"));
      const text = await s.property(story, "value");
      await s.fill(story, `${text} ${CLAIM}`);
      await s.waitForText(tid("save-status"), /Đã lưu/, { timeout: 10_000 });
      await s.click(tid("tab-listings"));
      const seen = await cardWhere("tiktok_shop", (c) => c.state === "blocked", "TikTok Shop to be blocked");
      const blocking = seen.findings.filter((f) => f.severity === "block");
      assert.ok(
        blocking.some((f) => f.rule === "cure" && /“chữa bệnh”/.test(f.text)),
        `a blocking finding quotes the claim: ${JSON.stringify(seen.findings)}`,
      );
      assert.deepEqual(
        blocking.map((f) => f.rule).sort(),
        ["cure", "disease"],
        `only the claim and the disease it names block: ${JSON.stringify(seen.findings)}`,
      );
      await s.waitForText(tid("tab-listings-blocked"), /^4$/);
      const preview = await s.property(tid("listing-preview-title"), "textContent");
      assert.match(preview, /Quế thanh Văn Yên/);
      await s.scrollIntoView(tid("listing-checklist"));
      await shot("listings-blocked-by-cure-claim");
    });

    await step("l3 'Sửa' focuses the description; the fixed text turns the checklist green", async () => {
      const s = app();
      const fix = await s.execute(
        `return Array.from(document.querySelectorAll('[data-testid="finding"]')).find((f) => f.dataset.severity === "block").querySelector('[data-testid="finding-fix"]');`,
      );
      await s.click(fix);
      await s.waitUntil(async () => (await s.execute("return document.activeElement.id;")) === "listing-tiktok_shop-description", {
        message: "the description to have the focus",
      });
      await s.fill(tid("listing-description"), HONEST);
      await cardWhere("tiktok_shop", (c) => c.state === "ready" && c.clear, "TikTok Shop to be ready");
      await s.waitFor(tid("listing-checklist-clear"));
      await s.waitFor(tid("description-inherit"));
      await s.waitForText(tid("tab-listings-blocked"), /^3$/);
      await s.scrollIntoView(tid("listing-checklist-clear"));
      await shot("listings-ready-after-fix");
    });

    await step("l4 copy to Shopee: Shopee is ready too, with the same description", async () => {
      const s = app();
      await s.fill(tid("listing-copy-target"), "shopee");
      await s.click(tid("listing-copy"));
      await s.waitFor(tid("toast"));
      await s.click('[data-testid="platform-tab"][data-platform="shopee"]');
      await cardWhere("shopee", (c) => c.state === "ready", "Shopee to be ready");
      assert.equal(await s.property(tid("listing-description"), "value"), HONEST);
      await s.click('[data-testid="platform-tab"][data-platform="lazada"]');
      await cardWhere("lazada", (c) => c.state === "blocked", "Lazada still blocked by the story's claim");
    });

    await step("l5 the catalog filter 'ready for TikTok Shop' finds only this product", async () => {
      const s = app();
      await s.click(tid("editor-close"));
      await s.waitGone(tid("product-editor"));
      await s.fill(tid("catalog-search"), "");
      await s.fill(tid("filter-readiness"), "ready:tiktok_shop");
      await rowsAre([NAME]);
      await s.fill(tid("filter-readiness"), "blocked:tiktok_shop");
      await s.waitForText(tid("catalog-count"), /\b47\b/);
      await shot("catalog-blocked-on-tiktok");
    });
    ok = !step.failed();
  } finally {
    await quitApp();
    if (ok) await removeDirs(dirs);
  }
});
