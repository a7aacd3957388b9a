// Product photos in the real app: drop three photos on the window, see their thumbnails,
// reorder by keyboard and by dragging, choose a cover, switch pad/crop, delete and undo,
// and a file that is not a photo gets a message naming it.

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";

import {
  Key,
  REPO,
  app,
  dropFiles,
  launchApp,
  quitApp,
  removeDirs,
  shot,
  stepper,
  stopDriver,
  tempDirs,
  tid,
} from "./harness.mjs";

const PHOTOS = join(REPO, "tests", "fixtures", "photos");
const FILES = ["storm-1920x1280.jpg", "flower-with-gps.jpg", "ladybird-2560x1600.jpg"];

after(async () => {
  try {
    await quitApp();
  } finally {
    await stopDriver();
  }
});

/** The strip's photos, in order: file names from their labels, and whether each image has loaded. */
async function strip() {
  return app().execute(
    `return Array.from(document.querySelectorAll('[data-testid="photo-thumb"]'), (b) => {
       const img = b.querySelector("img");
       return {
         id: b.dataset.photoId,
         label: b.getAttribute("aria-label"),
         loaded: img.complete && img.naturalWidth === 320,
         cover: b.querySelector('[data-testid="photo-cover-badge"]') !== null,
       };
     });`,
  );
}

/** Waits until the strip lists the files in `names` (by their labels), all loaded. */
async function stripShows(names) {
  let seen = [];
  await app().waitUntil(
    async () => {
      seen = await strip();
      return (
        seen.length === names.length && seen.every((p, i) => p.label.endsWith(names[i]) && p.loaded)
      );
    },
    { timeout: 20_000, message: `the photo strip to show ${names.join(", ")}`, describe: () => JSON.stringify(seen) },
  );
  return seen;
}

test("photos: drop three, thumbnails, reorder, cover, fit, delete and undo", { timeout: 5 * 60_000 }, async (t) => {
  const dirs = await tempDirs("photos");
  const step = stepper(t);
  let ok = false;
  try {
    await step("p1 open a product of the demo", async () => {
      const s = await launchApp(dirs);
      await s.waitFor(tid("welcome"), { timeout: 20_000 });
      await s.click(tid("welcome-load-demo"));
      await s.waitFor(tid("product-row"), { timeout: 20_000 });
      await s.click(tid("product-row"));
      await s.waitFor(tid("photo-strip"));
      await s.waitFor(tid("photo-add"));
    });

    await step("p2 drop three photos: three thumbnails, the first is the cover", async () => {
      await dropFiles(FILES.map((f) => join(PHOTOS, f)));
      const photos = await stripShows(FILES);
      assert.ok(photos[0].cover && !photos[1].cover, "the cover badge is on the first photo only");
      await app().waitForText(tid("photo-outcome"), /3/);
      await app().scrollIntoView(tid("photo-strip"));
    });

    await step("p3 Ctrl+→ moves the selected photo later", async () => {
      const s = app();
      const [first] = await s.findElements(tid("photo-thumb"));
      await s.click(first);
      await s.sendKeys([Key.CONTROL, Key.ARROW_RIGHT]);
      await stripShows([FILES[1], FILES[0], FILES[2]]);
    });

    await step("p4 dragging the last photo to the front", async () => {
      const s = app();
      const thumbs = await s.findElements(tid("photo-thumb"));
      await s.drag(thumbs[2], thumbs[0], { dx: -40 });
      await stripShows([FILES[2], FILES[1], FILES[0]]);
    });

    await step("p5 choose a cover from the photo's details", async () => {
      const s = app();
      const thumbs = await s.findElements(tid("photo-thumb"));
      await s.click(thumbs[2]);
      await s.click(tid("photo-make-cover"));
      const photos = await stripShows([FILES[0], FILES[2], FILES[1]]);
      assert.ok(photos[0].cover, "the new cover has the badge");
    });

    await step("p6 crop instead of white bands: the preview follows", async () => {
      const s = app();
      await s.click(tid("photo-fit-crop"));
      await s.waitUntil(async () => (await s.attribute(tid("photo-preview"), "data-fit")) === "crop", {
        message: "the preview to show the cropped square",
      });
      await s.waitUntil(
        async () => s.execute(`const i = document.querySelector('[data-testid="photo-preview"]'); return i.complete && i.naturalWidth === 320;`),
        { message: "the cropped preview to load" },
      );
      await s.scrollIntoView(tid("photo-detail"));
      await shot("photo-detail-cropped");
    });

    await step("p7 delete a photo, then undo", async () => {
      const s = app();
      await s.click(tid("photo-delete"));
      await stripShows([FILES[2], FILES[1]]);
      await s.click(tid("toast-undo"));
      await stripShows([FILES[0], FILES[2], FILES[1]]);
    });

    await step("p8 a PDF named .jpg is refused by name; the list shows the cover", async () => {
      const s = app();
      const { writeFile } = await import("node:fs/promises");
      const fake = join(dirs.root, "hoa-don.jpg");
      await writeFile(fake, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");
      await dropFiles([fake]);
      await s.waitForText(tid("photo-failures"), /hoa-don\.jpg/);
      await s.click(tid("editor-close"));
      await s.waitGone(tid("product-editor"));
      const covers = await s.execute(
        `return Array.from(document.querySelectorAll('[data-testid="product-row"] img'), (i) => i.complete && i.naturalWidth > 0);`,
      );
      assert.ok(covers.length >= 1 && covers.every(Boolean), `product rows with a loaded cover: ${JSON.stringify(covers)}`);
    });
    ok = !step.failed();
  } finally {
    await quitApp();
    if (ok) await removeDirs(dirs);
  }
});
