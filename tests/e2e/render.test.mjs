// Goal G12: the window really renders under Xvfb, with the app's default for WebKit's
// DMA-BUF renderer (off, set only when the user has not chosen) and with it on. A blank
// window is the commonest Tauri-on-Linux failure; this looks at the pixels on the X screen,
// not through WebDriver.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { appBinary, descendants, sleep } from "./harness.mjs";

/** Distinct colours on the whole X screen now. */
function screenColours() {
  const png = execFileSync("import", ["-window", "root", "png:-"], { maxBuffer: 64 << 20 });
  return Number(execFileSync("identify", ["-format", "%k", "png:-"], { input: png }).toString().trim());
}

async function renders(env) {
  const root = mkdtempSync(join(tmpdir(), "chophien-render-"));
  const child = spawn(appBinary(), [], {
    env: { ...env, CHOPHIEN_DATA_DIR: join(root, "data"), CHOPHIEN_CONFIG_DIR: join(root, "config") },
    stdio: "ignore",
  });
  try {
    const deadline = Date.now() + 10_000;
    let colours = screenColours();
    while (colours < 50 && Date.now() < deadline) {
      await sleep(250);
      colours = screenColours();
    }
    return colours;
  } finally {
    for (const pid of [child.pid, ...descendants(child.pid)]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await sleep(300);
    rmSync(root, { recursive: true, force: true });
  }
}

test("the window renders within 10 s with the app's renderer default", async () => {
  const env = { ...process.env };
  delete env.WEBKIT_DISABLE_DMABUF_RENDERER;
  const colours = await renders(env);
  assert.ok(colours >= 50, `the screen shows only ${colours} colours: the window looks blank`);
});

test("the window renders within 10 s with the DMA-BUF renderer on", async () => {
  const colours = await renders({ ...process.env, WEBKIT_DISABLE_DMABUF_RENDERER: "0" });
  assert.ok(colours >= 50, `the screen shows only ${colours} colours: the window looks blank`);
});
