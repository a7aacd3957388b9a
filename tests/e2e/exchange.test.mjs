// The "Trao đổi" screen in the real app: back up now, receive a bundle from another
// computer by dropping it on the window (one product changed only there is taken, one
// changed on both computers waits side by side until a version is kept), a damaged
// bundle is refused with a sentence that says nothing was imported, and a dropped CSV
// list with a header the app does not know is mapped, checked row by row and imported.
// The other computer is the `chophien` command line on its own catalog.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, test } from "node:test";

import { Key, app, appBinary, dropFiles, launchApp, quitApp, removeDirs, shot, stepper, stopDriver, tempDirs, tid } from "./harness.mjs";

const HONEY = "Mật ong hoa nhãn Hưng Yên";
const TEA = "Chè Tân Cương móc câu";

after(async () => {
  try {
    await quitApp();
  } finally {
    await stopDriver();
  }
});

/** Runs the command line beside the app binary (scripts/e2e builds both). */
function cli(db, ...args) {
  const binary = join(dirname(appBinary()), "chophien");
  assert.ok(existsSync(binary), `${binary} missing: cargo build -p chophien`);
  return execFileSync(binary, ["--db", db, "--lang", "vi", ...args], { encoding: "utf8" });
}

test("exchange: back up, receive a bundle with one conflict, keep a version, refuse a damaged file, import a mapped list", { timeout: 5 * 60_000 }, async (t) => {
  const dirs = await tempDirs("exchange");
  const step = stepper(t);
  const here = join(dirs.dataDir, "catalog.sqlite3");
  const there = join(dirs.root, "other", "catalog.sqlite3");
  let ok = false;
  try {
    await step("e1 the exchange screen", async () => {
      const s = await launchApp(dirs);
      await s.waitFor(tid("welcome"), { timeout: 20_000 });
      await s.click(tid("welcome-load-demo"));
      await s.waitFor(tid("product-row"), { timeout: 20_000 });
      await s.click(tid("toast-close"));
      await s.click(tid("nav-exchange"));
      await s.waitFor(tid("exchange-backup"));
      // Sending can take some cooperatives only: the demo's 17 are listed to choose from.
      await s.waitUntil(async () => (await s.findElements(tid("exchange-send-coop"))).length === 17, {
        message: "the demo's cooperatives to choose from",
      });
      await shot("exchange-1-screen");
    });

    await step("e2 back up now", async () => {
      const s = app();
      await s.click(tid("exchange-backup"));
      await s.waitForText(tid("exchange-outcome"), /Đã sao lưu danh mục và ảnh vào .*backups/, { timeout: 30_000 });
      const backups = readdirSync(join(dirs.dataDir, "backups")).filter((n) => n.endsWith(".zip"));
      // Today's automatic backup (made at start) and the one asked for.
      assert.ok(backups.length >= 1, backups.join(", "));
      // Keep three daily backups from now on: the choice is saved in the settings file.
      await s.fill(tid("exchange-backups-kept"), "3");
      await s.sendKeys(Key.TAB);
      await s.waitUntil(
        async () => JSON.parse(readFileSync(join(dirs.configDir, "settings.json"), "utf8")).backups_kept === 3,
        { message: "backups_kept saved as 3" },
      );
      await shot("exchange-2-backed-up");
    });

    await step("e3 the other computer edits, this one too", async () => {
      const first = join(dirs.root, "to-other.chophien");
      cli(here, "bundle", "export", "--out", first);
      cli(there, "bundle", "import", first);
      cli(there, "product", "edit", HONEY, "--story", "Câu chuyện viết ở máy kia.");
      cli(there, "product", "edit", TEA, "--story", "Chỉ máy kia sửa câu chuyện này.");
      cli(here, "product", "edit", HONEY, "--story", "Câu chuyện viết ở máy này.");
      cli(there, "bundle", "export", "--out", join(dirs.root, "from-other.chophien"));
    });

    await step("e4 drop the bundle: one update taken, one conflict side by side", async () => {
      const s = app();
      await dropFiles([join(dirs.root, "from-other.chophien")]);
      await s.waitForText(tid("exchange-outcome"), /Đã nhập: .*cập nhật 1,.*xung đột 1/, { timeout: 30_000 });
      await s.waitFor(tid("exchange-conflict"));
      const table = await s.text(tid("exchange-conflict"));
      assert.match(table, /Câu chuyện viết ở máy này\./);
      assert.match(table, /Câu chuyện viết ở máy kia\./);
      assert.match(table, new RegExp(`Sản phẩm “${HONEY}”`));
      assert.match(table, /Câu chuyện sản phẩm/);
      await shot("exchange-3-conflict");
      const tea = JSON.parse(cli(here, "--json", "product", "show", TEA));
      assert.match(JSON.stringify(tea), /Chỉ máy kia sửa câu chuyện này\./);
    });

    await step("e5 take the received version", async () => {
      const s = app();
      await s.click(tid("exchange-keep-incoming"));
      await s.waitGone(tid("exchange-conflicts"));
      const honey = JSON.parse(cli(here, "--json", "product", "show", HONEY));
      assert.match(JSON.stringify(honey), /Câu chuyện viết ở máy kia\./);
      assert.deepEqual(JSON.parse(cli(here, "--json", "bundle", "conflicts")), []);
    });

    await step("e6 a damaged bundle is refused and nothing changes", async () => {
      const s = app();
      const whole = readFileSync(join(dirs.root, "from-other.chophien"));
      const damaged = join(dirs.root, "damaged.chophien");
      writeFileSync(damaged, whole.subarray(0, whole.length >> 1));
      await dropFiles([damaged]);
      await s.waitForText(tid("exchange-error"), /damaged\.chophien .*Chưa có gì được nhập\./, { timeout: 30_000 });
      await shot("exchange-4-damaged");
    });

    await step("e7 a product list with an unknown header: map it, check the rows, import", async () => {
      const s = app();
      const list = join(dirs.root, "danh-sach.csv");
      writeFileSync(
        list,
        "Tên sản phẩm;Loại hàng;Hợp tác xã;Giá\n" +
          "Xôi gấc đóng hộp;I.3.b;HTX Nếp Thái Bình;120000\n" +
          ";I.3.b;HTX Nếp Thái Bình;90000\n" +
          "Bánh cáy làng Nguyễn;I.3.b;HTX Nếp Thái Bình;65k\n",
      );
      await dropFiles([list]);
      await s.waitFor(tid("import-list"));
      const selects = await s.findElements(tid("import-map"));
      assert.equal(selects.length, 4);
      assert.equal(await s.property(selects[1], "value"), "");
      assert.equal(await s.property(selects[0], "value"), "name");
      await s.selectOption(selects[1], "subgroup");
      await s.click(tid("import-check"));
      await s.waitForText(tid("import-checked"), /Chạy thử 3 dòng: sẽ tạo mới 2 sản phẩm.*1 dòng lỗi[\s\S]*Dòng 3/, { timeout: 30_000 });
      await shot("exchange-5-product-list-checked");
      await s.click(tid("import-run"));
      await s.waitForText(tid("exchange-outcome"), /Đã đọc 3 dòng: tạo mới 2 sản phẩm/, { timeout: 30_000 });
      const found = cli(here, "--json", "search", "banh cay");
      assert.match(found, /Bánh cáy làng Nguyễn/);
    });
    ok = true;
  } finally {
    await quitApp();
    if (ok) await removeDirs(dirs);
  }
});
