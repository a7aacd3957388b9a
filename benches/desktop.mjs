// Desktop benchmark: cold start to an interactive catalog, keystroke → results on screen,
// and idle memory of the whole process tree, on a catalog of 10,000 products.
// Run it through scripts/bench-desktop (builds the release app and the catalog, starts Xvfb).
//   node benches/desktop.mjs --app <release binary> --data <folder with catalog.sqlite3> [--runs 10]

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { descendants, launchApp, quitApp, stopDriver } from "../tests/e2e/harness.mjs";

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const appPath = option("app");
const dataDir = option("data");
const runs = Number(option("runs", "10"));
if (!appPath || !dataDir) {
  console.error("usage: node benches/desktop.mjs --app <binary> --data <folder> [--runs N]");
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.round((values.length - 1) * p)];
const fmt = (values) =>
  `median ${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

/** Starts the app on the catalog and resolves once it logs that its first screen is ready. */
function startApp(configDir) {
  const started = performance.now();
  const child = spawn(appPath, [], {
    env: { ...process.env, CHOPHIEN_DATA_DIR: dataDir, CHOPHIEN_CONFIG_DIR: configDir },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`no "first screen ready" within 30 s:\n${log}`)), 30_000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const match = /first screen ready (\d+) ms after start/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({ child, wall: performance.now() - started, inApp: Number(match[1]) });
      }
    });
    child.on("exit", (code) => reject(new Error(`the app exited (${code}) before its first screen:\n${log}`)));
  });
}

async function stop(child) {
  const tree = descendants(child.pid);
  child.kill("SIGTERM");
  for (const pid of tree) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", resolve)));
  await sleep(300);
}

/** Proportional and resident memory of a process tree, in MiB, from smaps_rollup, and
 *  the share of Mesa's software GL (libLLVM), which a machine with a GPU driver does not load. */
function memory(pids) {
  let pss = 0;
  let rss = 0;
  let llvm = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      let inLlvm = false;
      for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
        if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inLlvm = line.includes("libLLVM");
        else if (inLlvm && line.startsWith("Pss:")) llvm += Number(line.split(/\s+/)[1]);
      }
    } catch {
      // ended meanwhile
    }
  }
  return { pss: pss / 1024, rss: rss / 1024, llvm: llvm / 1024 };
}

const scratch = mkdtempSync(join(tmpdir(), "chophien-bench-"));
try {
  // 1. Cold start, process launch → catalog of 10,000 products painted (1 warm-up run).
  const walls = [];
  const inApp = [];
  for (let run = 0; run <= runs; run += 1) {
    const { child, wall, inApp: ready } = await startApp(mkdtempSync(join(scratch, "config-")));
    if (run > 0) {
      walls.push(wall);
      inApp.push(ready);
    }
    await stop(child);
  }
  console.log(`cold start to the catalog list (${runs} runs): whole process ${fmt(walls)}; main() → painted ${fmt(inApp)}`);

  // 2. Idle memory of app + WebKit processes, 5 s after the catalog is on screen.
  const samples = [];
  for (let run = 0; run < 3; run += 1) {
    const { child } = await startApp(mkdtempSync(join(scratch, "config-")));
    await sleep(5000);
    samples.push(memory([child.pid, ...descendants(child.pid)]));
    await stop(child);
  }
  const pss = samples.map((s) => s.pss);
  const rss = samples.map((s) => s.rss);
  const llvm = samples.map((s) => s.llvm);
  console.log(
    `idle memory, whole process tree (3 runs): PSS median ${median(pss).toFixed(0)} MiB (${Math.min(...pss).toFixed(0)}–${Math.max(...pss).toFixed(0)}), of which software GL (libLLVM) ${median(llvm).toFixed(0)} MiB; RSS median ${median(rss).toFixed(0)} MiB`,
  );

  // 3. Keystroke → results painted, typing real queries letter by letter.
  const session = await launchApp({ dataDir, configDir: mkdtempSync(join(scratch, "config-")), root: scratch });
  await session.waitFor('[data-testid="catalog-list"]', { timeout: 30_000 });
  const queries = ["mat ong", "banh chung", "che tan cuong", "gao st25", "nuoc mam", "tra sen", "ca phe", "mit say"];
  const latencies = await session.executeAsync(
    `const queries = arguments[0];
     const done = arguments[arguments.length - 1];
     const input = document.querySelector('[data-testid="catalog-search"]');
     const count = () => document.querySelector('[data-testid="catalog-count"]');
     // The list's count element names the words whose results it shows; watch it change.
     const shown = (text) => new Promise((resolve) => {
       if (count()?.dataset.query === text) return resolve();
       const observer = new MutationObserver(() => {
         if (count()?.dataset.query === text) {
           observer.disconnect();
           resolve();
         }
       });
       observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-query"] });
     });
     // The frame that puts the new results on screen.
     const painted = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
     (async () => {
       const times = [];
       // One warm-up frame: the first animation frame after the window appears is slow.
       await painted();
       for (const query of queries) {
         input.value = "";
         input.dispatchEvent(new Event("input", { bubbles: true }));
         await shown("");
         for (let i = 1; i <= query.length; i += 1) {
           const text = query.slice(0, i);
           const started = performance.now();
           input.value = text;
           input.dispatchEvent(new Event("input", { bubbles: true }));
           await shown(text);
           const inDom = performance.now() - started;
           await painted();
           times.push([inDom, performance.now() - started]);
         }
       }
       done(times);
     })();`,
    [queries],
  );
  const inDom = latencies.map(([dom]) => dom);
  const onScreen = latencies.map(([, frame]) => frame);
  const line = (values) =>
    `p50 ${percentile(values, 0.5).toFixed(1)} ms · p95 ${percentile(values, 0.95).toFixed(1)} ms · max ${Math.max(...values).toFixed(1)} ms`;
  console.log(`keystroke → new results in the page, 10,000 products (${latencies.length} keystrokes): ${line(inDom)}`);
  console.log(`keystroke → the next frame after them: ${line(onScreen)}`);
  await quitApp();
  await stopDriver();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
