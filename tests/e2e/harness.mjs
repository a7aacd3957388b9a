// Runs the real desktop app under tauri-driver (which starts WebKitWebDriver, which starts
// the app) for the end-to-end tests. Needs an X display: run the tests under xvfb-run
// (scripts/e2e does it all).
//
//   const dirs = await tempDirs();                 // fresh data + config folders
//   const app = await launchApp(dirs);             // a webdriver.mjs Session
//   await app.click(tid("welcome-load-demo"));
//   await shot("demo-loaded");                     // NN-demo-loaded.png
//   await quitApp();                               // the app process is gone afterwards
//   await launchApp(dirs);                         // same catalog, same settings
//
// Environment:
//   CHOPHIEN_APP          the app binary (default: $CARGO_TARGET_DIR or <repo>/target,
//                         then debug/chophien-desktop)
//   CHOPHIEN_SCREENSHOTS  where screenshots go (default tests/e2e/screenshots/<timestamp>/)
//   TAURI_DRIVER          the tauri-driver binary (default: on PATH, else ~/.cargo/bin)
//   CHOPHIEN_E2E_KEEP=1   keep the temporary data folders even when the tests pass

import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { newSession, sleep, status, tid } from "./webdriver.mjs";

export { Key, sleep, tid } from "./webdriver.mjs";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The app binary under test. */
export function appBinary() {
  if (process.env.CHOPHIEN_APP) return resolve(process.env.CHOPHIEN_APP);
  const target = process.env.CARGO_TARGET_DIR;
  const targetDir = target ? (isAbsolute(target) ? target : resolve(REPO, target)) : join(REPO, "target");
  return join(targetDir, "debug", "chophien-desktop");
}

// ---- screenshots ----------------------------------------------------------------------

function timestamp() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export const screenshotDir = resolve(
  process.env.CHOPHIEN_SCREENSHOTS || join(REPO, "tests", "e2e", "screenshots", timestamp()),
);
mkdirSync(screenshotDir, { recursive: true });
// Numbering continues after what is already in the folder (several test files may share it).
let shotCount = readdirSync(screenshotDir).filter((f) => /^\d+-.*\.png$/.test(f)).length;
process.stderr.write(`Screenshots: ${screenshotDir}\n`);

const slug = (name) =>
  String(name)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80) || "shot";

/** Saves a screenshot of the app window as `NN-name.png`; returns its path (null if no app). */
export async function shot(name) {
  if (!current) return null;
  shotCount += 1;
  const path = join(screenshotDir, `${String(shotCount).padStart(2, "0")}-${slug(name)}.png`);
  await current.screenshot(path);
  return path;
}

/** Saves the page's HTML beside the screenshots (for failures). */
export async function saveSource(name) {
  if (!current) return null;
  const path = join(screenshotDir, `${String(shotCount).padStart(2, "0")}-${slug(name)}.html`);
  await writeFile(path, await current.source());
  return path;
}

// ---- tauri-driver ---------------------------------------------------------------------

let driver = null; // { proc, url, log, exited }

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts tauri-driver (once per process) and waits until it answers /status. */
export async function startDriver() {
  if (driver && driver.exited === null) return driver;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error("No DISPLAY: run the end-to-end tests under xvfb-run (scripts/e2e does)");
  }
  const tauriDriver =
    process.env.TAURI_DRIVER ||
    onPath("tauri-driver") ||
    [join(process.env.CARGO_HOME || join(homedir(), ".cargo"), "bin", "tauri-driver")].find((p) => existsSync(p));
  if (!tauriDriver) {
    throw new Error("tauri-driver not found: `cargo install tauri-driver --locked` (scripts/e2e does)");
  }
  const args = [];
  if (!onPath("WebKitWebDriver")) {
    if (!existsSync("/usr/bin/WebKitWebDriver")) {
      throw new Error("WebKitWebDriver not found: `apt-get install webkit2gtk-driver`");
    }
    args.push("--native-driver", "/usr/bin/WebKitWebDriver");
  }
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  args.unshift("--port", String(port), "--native-port", String(nativePort));

  const logPath = join(screenshotDir, "tauri-driver.log");
  const logFile = createWriteStream(logPath, { flags: "a" });
  const log = [];
  const keep = (chunk) => {
    logFile.write(chunk);
    log.push(...String(chunk).split("\n").filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  // Its own process group, so that stopping it can reach WebKitWebDriver and the app too.
  const proc = spawn(tauriDriver, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const d = { proc, url: `http://127.0.0.1:${port}`, log, logPath, exited: null };
  proc.stdout.on("data", keep);
  proc.stderr.on("data", keep);
  proc.on("exit", (code, signal) => {
    d.exited = signal ?? code;
    logFile.end();
  });
  proc.on("error", (error) => {
    d.exited = d.exited ?? error.message;
    keep(`spawn error: ${error.message}\n`);
  });
  driver = d;

  const deadline = Date.now() + 20_000;
  while (!(await status(d.url))) {
    if (d.exited !== null || Date.now() > deadline) {
      const why = d.exited !== null ? `exited (${d.exited})` : "did not answer /status within 20 s";
      await stopDriver();
      throw new Error(`tauri-driver ${why}. Its output (${logPath}):\n${log.join("\n")}`);
    }
    await sleep(100);
  }
  return d;
}

/** Stops tauri-driver, WebKitWebDriver and anything left in their process group. */
export async function stopDriver() {
  const d = driver;
  driver = null;
  if (!d || d.exited !== null) return;
  const group = -d.proc.pid;
  signalGroup(group, "SIGTERM");
  if (!(await waitFor(() => d.exited !== null, 5_000))) {
    signalGroup(group, "SIGKILL");
    await waitFor(() => d.exited !== null, 2_000);
  }
  // tauri-driver stops WebKitWebDriver on SIGTERM; make sure nothing else of ours lingers.
  signalGroup(group, "SIGKILL");
}

function signalGroup(group, signal) {
  try {
    process.kill(group, signal);
  } catch {
    // already gone
  }
}

async function waitFor(check, timeout) {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

// Never leave a driver (and an app window) behind, whatever happens to this process.
process.on("exit", () => {
  if (driver && driver.exited === null) signalGroup(-driver.proc.pid, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    if (driver && driver.exited === null) signalGroup(-driver.proc.pid, "SIGKILL");
    process.exit(130);
  });
}

// ---- processes ------------------------------------------------------------------------

/** pid → { ppid, state, exe } for every process now. */
function processTable() {
  const table = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      table.set(Number(name), { ppid: Number(fields[1]), state: fields[0] });
    } catch {
      // it ended while we looked
    }
  }
  return table;
}

/** Live (not zombie) descendants of `root`. */
export function descendants(root, table = processTable()) {
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const out = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop();
    if (table.get(pid)?.state !== "Z") out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function exeOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
  } catch {
    return null;
  }
}

/** Whether a process is running (a zombie counts as gone). */
export function isRunning(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

// ---- the app --------------------------------------------------------------------------

let current = null; // the Session of the running app
let currentPids = []; // the app's process and its children (WebKit's web and network processes)

/** The running app's session (throws if none). */
export function app() {
  if (!current) throw new Error("The app is not running: call launchApp() first");
  return current;
}

/** The process id of the running app, or null. */
export function appPid() {
  return currentPids[0] ?? null;
}

/** Fresh, empty temporary data and config folders. */
export async function tempDirs(label = "run") {
  const root = await mkdtemp(join(tmpdir(), `chophien-e2e-${slug(label)}-`));
  const dataDir = join(root, "data");
  const configDir = join(root, "config");
  await mkdir(dataDir);
  await mkdir(configDir);
  return { root, dataDir, configDir };
}

/** Removes temporary folders made by tempDirs (kept with CHOPHIEN_E2E_KEEP=1). */
export async function removeDirs(dirs) {
  if (!dirs?.root) return;
  if (process.env.CHOPHIEN_E2E_KEEP === "1") {
    process.stderr.write(`Kept test folders: ${dirs.root}\n`);
    return;
  }
  await rm(dirs.root, { recursive: true, force: true });
}

/**
 * Starts the app on the given data and config folders and returns its Session. The web
 * view's own storage (XDG data/cache/config) goes to `<root>/xdg`, so a relaunch on the
 * same folders finds everything the previous run left, and nothing of the real user's.
 */
export async function launchApp({ dataDir, configDir, root, env = {} } = {}) {
  if (current) throw new Error("launchApp: the app is already running; quitApp() first");
  if (!dataDir || !configDir) throw new Error("launchApp: dataDir and configDir are required");
  const application = appBinary();
  if (!existsSync(application)) {
    throw new Error(`App binary not found: ${application} (build it: cargo build -p chophien-desktop, or set CHOPHIEN_APP)`);
  }
  const xdg = join(root ?? dirname(dataDir), "xdg");
  for (const sub of ["data", "cache", "config"]) mkdirSync(join(xdg, sub), { recursive: true });
  const d = await startDriver();
  const before = new Set(descendants(d.proc.pid));
  let session;
  try {
    session = await newSession(
      {
        application,
        env: {
          CHOPHIEN_DATA_DIR: dataDir,
          CHOPHIEN_CONFIG_DIR: configDir,
          XDG_DATA_HOME: join(xdg, "data"),
          XDG_CACHE_HOME: join(xdg, "cache"),
          XDG_CONFIG_HOME: join(xdg, "config"),
          // The app turns WebKit's DMA-BUF renderer off unless this is set. With it off,
          // WebKitWebDriver's screenshot command never answers under Xvfb (WebKitGTK 2.50;
          // the window itself renders fine), so the tests keep it on unless told otherwise.
          WEBKIT_DISABLE_DMABUF_RENDERER: process.env.WEBKIT_DISABLE_DMABUF_RENDERER ?? "0",
          ...env,
        },
      },
      { url: d.url },
    );
  } catch (error) {
    error.message += `\ntauri-driver output (${d.logPath}):\n${d.log.slice(-30).join("\n")}`;
    throw error;
  }
  current = session;
  await watchPageErrors(session);
  // The app is the new process running our binary under tauri-driver → WebKitWebDriver.
  const table = processTable();
  const appProc = descendants(d.proc.pid, table).find((pid) => !before.has(pid) && exeOf(pid) === application);
  currentPids = appProc ? [appProc, ...descendants(appProc, table)] : [];
  if (!appProc) process.stderr.write(`warning: could not find the app's process (${application})\n`);
  return session;
}

/**
 * Collects the page's uncaught errors and unhandled rejections from now on (WebKitWebDriver
 * has no log endpoint), so that a failing step can say what broke inside the UI.
 */
async function watchPageErrors(session) {
  try {
    await session.execute(`
      if (!window.__e2eErrors) {
        const errors = (window.__e2eErrors = []);
        const keep = (kind, error, fallback) => {
          const text = error && (error.stack || error.message) ? \`\${error.name || "Error"}: \${error.message}\` : String(fallback);
          const where = error && error.stack ? " @ " + String(error.stack).split("\\n")[0].slice(0, 120) : "";
          if (errors.length < 50) errors.push(kind + " " + text + where);
        };
        window.addEventListener("error", (e) => keep("error", e.error, e.message));
        window.addEventListener("unhandledrejection", (e) => keep("unhandled rejection", e.reason, e.reason));
      }`);
  } catch (error) {
    process.stderr.write(`warning: cannot watch the page's errors: ${error.message}\n`);
  }
}

/** The page's uncaught errors since launch (or since the last call with `clear`). */
export async function pageErrors({ clear = false } = {}) {
  if (!current) return [];
  try {
    return (
      (await current.execute(
        `const e = window.__e2eErrors || []; const out = e.slice(); if (arguments[0]) e.length = 0; return out;`,
        [clear],
      )) ?? []
    );
  } catch {
    return [];
  }
}

/**
 * Quits the app: ends the WebDriver session (WebKitWebDriver closes the app) and waits until
 * the app's process and its web view processes are gone, killing them after 10 s if not.
 * Returns { pid, graceful } (graceful: it ended without being killed).
 */
export async function quitApp() {
  const session = current;
  const pids = currentPids;
  current = null;
  currentPids = [];
  if (!session) return { pid: null, graceful: true };
  try {
    await session.deleteSession();
  } catch (error) {
    process.stderr.write(`warning: ending the WebDriver session failed: ${error.message}\n`);
  }
  const gone = () => pids.every((pid) => !isRunning(pid));
  let graceful = await waitFor(gone, 10_000);
  if (!graceful) {
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    if (!(await waitFor(gone, 3_000))) {
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await waitFor(gone, 3_000);
    }
  }
  const left = pids.filter(isRunning);
  if (left.length) throw new Error(`quitApp: the app's processes ${left.join(", ")} are still running`);
  return { pid: pids[0] ?? null, graceful };
}

// ---- ordered steps --------------------------------------------------------------------

/**
 * Runs named steps of one node:test test in order, each as a subtest. After each step a
 * screenshot `NN-<step>.png` is taken; after the first failure the screenshot is
 * `NN-<step>-FAILED.png` (with the page's HTML beside it), the error message says where
 * they are, and every later step is skipped.
 *
 *   test("scenario", async (t) => {
 *     const step = stepper(t);
 *     await step("launch", async () => { … });
 *     if (!step.failed()) …
 *   });
 */
export function stepper(t) {
  let failed = null;
  async function step(name, fn) {
    await t.test(name, async (st) => {
      if (failed) {
        st.skip(`an earlier step failed: ${failed}`);
        return;
      }
      try {
        await fn(st);
      } catch (error) {
        failed = name;
        const errors = await pageErrors({ clear: true });
        let where = errors.length ? `\nErrors in the page:\n  ${errors.join("\n  ")}` : "";
        try {
          const png = await shot(`${name}-FAILED`);
          const html = png ? await saveSource(`${name}-FAILED`) : null;
          where += png ? `\nScreenshot: ${png}${html ? `\nPage HTML: ${html}` : ""}` : "";
        } catch (shotError) {
          where += `\n(no screenshot: ${shotError.message})`;
        }
        if (error instanceof Error) {
          error.message = `Step "${name}" failed: ${error.message}${where}\nScreenshots: ${screenshotDir}`;
          throw error;
        }
        throw new Error(`Step "${name}" failed: ${error}${where}\nScreenshots: ${screenshotDir}`);
      }
      for (const e of await pageErrors({ clear: true })) st.diagnostic(`error in the page: ${e}`);
      try {
        await shot(name);
      } catch (shotError) {
        process.stderr.write(`warning: no screenshot after "${name}": ${shotError.message}\n`);
      }
    });
  }
  /** The name of the step that failed, or null. */
  step.failed = () => failed;
  return step;
}

/** True when an element with this test id is displayed now. */
export async function visible(testId) {
  return (await app().firstDisplayed(tid(testId))).element !== null;
}

/**
 * Drops `paths` on the window as the system does when files are dragged onto it: the
 * shell's drag-and-drop event, which no WebDriver command can produce from outside.
 */
export async function dropFiles(paths) {
  await app().executeAsync(
    `const done = arguments[arguments.length - 1];
     const invoke = window.__TAURI_INTERNALS__.invoke;
     const position = { x: 400, y: 300 };
     invoke("plugin:event|emit", { event: "tauri://drag-enter", payload: { paths: arguments[0], position } })
       .then(() => invoke("plugin:event|emit", { event: "tauri://drag-drop", payload: { paths: arguments[0], position } }))
       .then(() => done(null), (e) => done(String(e)));`,
    [paths],
  );
}
