// A small W3C WebDriver client for driving the desktop app through tauri-driver
// (which forwards to WebKitWebDriver on Linux). No dependencies: Node 20's global fetch.
//
//   const s = await newSession({ application: "/path/to/app", env: { K: "v" } }, { url });
//   const el = await s.waitFor('[data-testid="catalog-search"]', { visible: true });
//   await s.type(el, "mat ong");
//
// Every function that takes an element also accepts a CSS selector (it then waits for
// the element first), so a test can write `await s.click('[data-testid="x"]')`.
// Errors name the WebDriver error, its message and the CSS selector involved.

import { writeFile } from "node:fs/promises";

/** The W3C key for an element reference in JSON. */
const ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";

/** W3C WebDriver key codes (https://w3c.github.io/webdriver/#keyboard-actions). */
export const Key = Object.freeze({
  NULL: "\uE000",
  CANCEL: "\uE001",
  HELP: "\uE002",
  BACKSPACE: "\uE003",
  TAB: "\uE004",
  CLEAR: "\uE005",
  RETURN: "\uE006",
  ENTER: "\uE007",
  SHIFT: "\uE008",
  CONTROL: "\uE009",
  ALT: "\uE00A",
  PAUSE: "\uE00B",
  ESCAPE: "\uE00C",
  SPACE: "\uE00D",
  PAGE_UP: "\uE00E",
  PAGE_DOWN: "\uE00F",
  END: "\uE010",
  HOME: "\uE011",
  ARROW_LEFT: "\uE012",
  ARROW_UP: "\uE013",
  ARROW_RIGHT: "\uE014",
  ARROW_DOWN: "\uE015",
  INSERT: "\uE016",
  DELETE: "\uE017",
  META: "\uE03D",
});

/** A page-side function: is this element displayed? */
const VISIBLE_JS = `(e) => {
  if (!e || !e.isConnected || e.getClientRects().length === 0) return false;
  if (typeof e.checkVisibility === "function") return e.checkVisibility({ visibilityProperty: true });
  for (let n = e; n; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.display === "none") return false;
  }
  return getComputedStyle(e).visibility !== "hidden";
}`;

const MODIFIERS = new Set([Key.SHIFT, Key.CONTROL, Key.ALT, Key.META]);

/** Default time a wait polls before giving up, in milliseconds. */
export const DEFAULT_TIMEOUT = 10_000;
const POLL_INTERVAL = 100;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A WebDriver error answer (or a transport failure), with what we were doing. */
export class WebDriverError extends Error {
  constructor(message, { error, command, selector, status, cause } = {}) {
    super(message, cause ? { cause } : undefined);
    this.name = "WebDriverError";
    // The W3C error code ("no such element"), the command ("POST /session/…/element"),
    // the CSS selector and the HTTP status, when known.
    for (const [key, value] of Object.entries({ error, command, selector, status })) {
      if (value !== undefined) this[key] = value;
    }
  }
}

/** The selector for a `data-testid`. */
export const tid = (id) => `[data-testid="${id}"]`;

/** An element found by a CSS selector; remembers the selector for error messages. */
export class Element {
  constructor(session, id, css) {
    this.session = session;
    this.id = id;
    this.css = css;
  }
  toJSON() {
    return { [ELEMENT_KEY]: this.id };
  }
  toString() {
    return `element ${this.css ?? this.id}`;
  }
}

/** Sends one WebDriver command; returns the answer's `value` or throws a WebDriverError. */
async function command(baseUrl, method, path, body, { selector, timeout = 60_000 } = {}) {
  const what = `${method} ${path}`;
  let response;
  try {
    response = await fetch(baseUrl + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (cause) {
    throw new WebDriverError(
      `WebDriver ${what} failed: ${cause.message}${selector ? ` (selector ${selector})` : ""}` +
        ` — is tauri-driver still running at ${baseUrl}?`,
      { command: what, selector, cause },
    );
  }
  const raw = await response.text();
  let json;
  try {
    json = raw ? JSON.parse(raw) : {};
  } catch {
    throw new WebDriverError(
      `WebDriver ${what}: HTTP ${response.status} with a body that is not JSON: ${raw.slice(0, 300)}`,
      { command: what, selector, status: response.status },
    );
  }
  const value = json.value;
  if (!response.ok || (value && typeof value === "object" && typeof value.error === "string")) {
    const error = value?.error ?? `HTTP ${response.status}`;
    const message = value?.message ? `: ${value.message}` : "";
    throw new WebDriverError(
      `WebDriver error "${error}"${message}${selector ? ` (selector ${selector})` : ""} [${what}]`,
      { error, command: what, selector, status: response.status },
    );
  }
  return value;
}

/** Asks a WebDriver server whether it is ready. Never throws: false if it is not answering. */
export async function status(baseUrl) {
  try {
    const value = await command(baseUrl, "GET", "/status", undefined, { timeout: 2_000 });
    return value?.ready !== false;
  } catch {
    return false;
  }
}

/**
 * Starts the application under test and returns a Session.
 *
 * tauri-driver turns `tauri:options {application, args}` into WebKitWebDriver's
 * `webkitgtk:browserOptions {binary, args}`; it has no way to pass environment variables,
 * and the app inherits tauri-driver's environment. When `env` is given, the app is
 * therefore started as `/usr/bin/env NAME=value … <application> <args…>`: env(1) execs
 * the application, so it keeps the process id WebKitWebDriver knows and stops.
 */
export async function newSession({ application, args = [], env } = {}, { url, timeout = 60_000 } = {}) {
  if (!application) throw new Error("newSession: `application` (path of the app binary) is required");
  if (!url) throw new Error("newSession: the WebDriver server `url` is required");
  let options = { application, args };
  const pairs = Object.entries(env ?? {}).filter(([, v]) => v !== undefined && v !== null);
  if (pairs.length > 0) {
    for (const [name] of pairs) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`newSession: bad variable name ${name}`);
    }
    options = { application: "/usr/bin/env", args: [...pairs.map(([k, v]) => `${k}=${v}`), application, ...args] };
  }
  const value = await command(
    url,
    "POST",
    "/session",
    { capabilities: { alwaysMatch: { "tauri:options": options }, firstMatch: [{}] } },
    { timeout },
  );
  const id = value?.sessionId;
  if (!id) throw new WebDriverError(`WebDriver POST /session answered without a session id: ${JSON.stringify(value)}`);
  return new Session(url, id, value.capabilities ?? {});
}

export class Session {
  constructor(url, id, capabilities) {
    this.url = url;
    this.id = id;
    this.capabilities = capabilities;
    this.deleted = false;
  }

  /** One command in this session. */
  cmd(method, path, body, opts) {
    return command(this.url, method, `/session/${this.id}${path}`, body, opts);
  }

  // ---- finding elements -------------------------------------------------------------

  /** The first element matching `css`, now; throws "no such element" naming the selector. */
  async findElement(css) {
    const value = await this.cmd("POST", "/element", { using: "css selector", value: css }, { selector: css });
    return new Element(this, value[ELEMENT_KEY], css);
  }

  /** Every element matching `css` now (possibly none). */
  async findElements(css) {
    const value = await this.cmd("POST", "/elements", { using: "css selector", value: css }, { selector: css });
    return value.map((v) => new Element(this, v[ELEMENT_KEY], css));
  }

  /** Elements matching `css` inside `parent`. */
  async findElementsIn(parent, css) {
    const p = await this.resolve(parent);
    const value = await this.cmd(
      "POST",
      `/element/${p.id}/elements`,
      { using: "css selector", value: css },
      { selector: `${p.css} ${css}` },
    );
    return value.map((v) => new Element(this, v[ELEMENT_KEY], `${p.css} ${css}`));
  }

  /** The first element matching `css` inside `parent`. */
  async findElementIn(parent, css) {
    const p = await this.resolve(parent);
    const value = await this.cmd(
      "POST",
      `/element/${p.id}/element`,
      { using: "css selector", value: css },
      { selector: `${p.css} ${css}` },
    );
    return new Element(this, value[ELEMENT_KEY], `${p.css} ${css}`);
  }

  /**
   * Whether the element is displayed: connected, rendered (has boxes) and not hidden by
   * `display`, `visibility` or `content-visibility` on it or an ancestor. Computed in the
   * page, so that a wait needs one round trip per poll whatever the number of matches.
   */
  async isDisplayed(el) {
    return Boolean(await this.execute(`return (${VISIBLE_JS})(arguments[0]);`, [el]));
  }

  /** The first displayed element matching `css` now, or null; and how many match at all. */
  async firstDisplayed(css) {
    const [found, count] = await this.execute(
      `const all = document.querySelectorAll(arguments[0]); const visible = ${VISIBLE_JS};
       for (const e of all) if (visible(e)) return [e, all.length];
       return [null, all.length];`,
      [css],
    );
    if (found) found.css = css;
    return { element: found, count };
  }

  /**
   * Polls until an element matches `css` (and is displayed, with `visible: true`, the
   * default) and returns it. Throws after `timeout` ms with the selector and what was seen.
   */
  async waitFor(css, { timeout = DEFAULT_TIMEOUT, visible = true } = {}) {
    const deadline = Date.now() + timeout;
    let last = "no element matches";
    for (;;) {
      try {
        if (!visible) {
          const found = await this.findElements(css);
          if (found.length > 0) return found[0];
        } else {
          const { element, count } = await this.firstDisplayed(css);
          if (element) return element;
          last = count > 0 ? `${count} element(s) match but none is displayed` : "no element matches";
        }
      } catch (error) {
        if (!isTransient(error)) throw error;
        last = error.message;
      }
      if (Date.now() >= deadline) {
        throw new WebDriverError(`Timed out after ${timeout} ms waiting for ${css}${visible ? " to be visible" : ""}: ${last}`, {
          error: "timeout",
          selector: css,
        });
      }
      await sleep(POLL_INTERVAL);
    }
  }

  /** Polls until no displayed element matches `css`. */
  async waitGone(css, { timeout = DEFAULT_TIMEOUT } = {}) {
    await this.waitUntil(async () => (await this.firstDisplayed(css)).element === null, {
      timeout,
      message: `${css} to disappear`,
    });
  }

  /**
   * Polls `predicate` (async, may throw transient WebDriver errors) until it returns a
   * truthy value, which is returned. `message` says what was awaited; `describe()` may
   * say what was seen last.
   */
  async waitUntil(predicate, { timeout = DEFAULT_TIMEOUT, message = "condition", describe } = {}) {
    const deadline = Date.now() + timeout;
    let lastError;
    for (;;) {
      try {
        const result = await predicate();
        if (result) return result;
        lastError = undefined;
      } catch (error) {
        if (!isTransient(error)) throw error;
        lastError = error;
      }
      if (Date.now() >= deadline) {
        let seen = "";
        if (describe) {
          try {
            seen = `; last seen: ${await describe()}`;
          } catch (error) {
            seen = `; (could not describe: ${error.message})`;
          }
        }
        throw new WebDriverError(
          `Timed out after ${timeout} ms waiting for ${message}${seen}${lastError ? `; last error: ${lastError.message}` : ""}`,
          { error: "timeout", selector: lastError?.selector },
        );
      }
      await sleep(POLL_INTERVAL);
    }
  }

  /** Polls until the element's text matches `expected` (a string for equality, or a RegExp). */
  async waitForText(css, expected, { timeout = DEFAULT_TIMEOUT } = {}) {
    let seen = "(no element)";
    return this.waitUntil(
      async () => {
        const els = await this.findElements(css);
        if (els.length === 0) {
          seen = "(no element)";
          return false;
        }
        seen = JSON.stringify(await this.text(els[0]));
        const text = JSON.parse(seen);
        const ok = expected instanceof RegExp ? expected.test(text) : text.trim() === expected;
        return ok ? els[0] : false;
      },
      { timeout, message: `${css} to read ${expected instanceof RegExp ? expected : JSON.stringify(expected)}`, describe: () => seen },
    );
  }

  /** An Element from an Element or a CSS selector (waited for, visible). */
  async resolve(target, { visible = true } = {}) {
    if (target instanceof Element) return target;
    if (typeof target === "string") return this.waitFor(target, { visible });
    throw new Error(`expected an element or a CSS selector, got ${target}`);
  }

  // ---- interacting ------------------------------------------------------------------

  async click(target) {
    const el = await this.resolve(target);
    await this.cmd("POST", `/element/${el.id}/click`, {}, { selector: el.css });
    return el;
  }

  async clear(target) {
    const el = await this.resolve(target);
    await this.cmd("POST", `/element/${el.id}/clear`, {}, { selector: el.css });
    return el;
  }

  /** W3C "element send keys": focuses the element and types `text` into it. */
  async type(target, text) {
    const el = await this.resolve(target);
    await this.cmd("POST", `/element/${el.id}/value`, { text: String(text) }, { selector: el.css });
    return el;
  }

  /**
   * Replaces an input's text the way a person does: click into it, select all (Ctrl+A),
   * type over it (Backspace for ""). The field does not lose focus on the way, unlike
   * W3C "element clear". For a <select>, chooses the option (see selectOption).
   */
  async fill(target, text) {
    const el = await this.resolve(target);
    const tag = String(await this.property(el, "tagName")).toLowerCase();
    if (tag === "select") return this.selectOption(el, text);
    const want = String(text);
    await this.click(el);
    await this.sendKeys([Key.CONTROL, "a"]);
    if (want === "") await this.sendKeys(Key.BACKSPACE);
    else await this.type(el, want);
    const value = await this.property(el, "value");
    if (value !== want) {
      // Select-all did not take (or the driver moved the caret): clear, then type.
      await this.clear(el);
      if (want !== "") await this.type(el, want);
    }
    return el;
  }

  /**
   * Chooses an option of a <select> by clicking it: the option whose value equals `choice`,
   * else whose label equals it, else whose label starts with it (e.g. "I.2.b" matches
   * "I.2.b – Mật ong"). Throws listing the options if none matches.
   */
  async selectOption(target, choice) {
    const el = await this.resolve(target);
    const options = await this.execute(
      `return Array.from(arguments[0].options, (o, i) => ({ i, value: o.value, label: o.label.trim(), disabled: o.disabled }));`,
      [el],
    );
    const want = String(choice);
    const pick =
      options.find((o) => o.value === want) ??
      options.find((o) => o.label === want) ??
      options.find((o) => o.label.startsWith(want));
    if (!pick) {
      throw new WebDriverError(
        `No option ${JSON.stringify(want)} in ${el.css}; options: ${options.map((o) => `${JSON.stringify(o.value)} "${o.label}"`).join(", ") || "(none)"}`,
        { error: "no such option", selector: el.css },
      );
    }
    const option = await this.execute(`return arguments[0].options[arguments[1]];`, [el, pick.i]);
    await this.cmd("POST", `/element/${option.id}/click`, {}, { selector: `${el.css} option ${JSON.stringify(pick.value)}` });
    const selected = await this.property(el, "selectedIndex");
    if (selected !== pick.i) {
      // The driver could not click it: choose it the way the browser does on a user's
      // choice (change the value, then input + change).
      await this.execute(
        `const s = arguments[0]; s.selectedIndex = arguments[1];
         s.dispatchEvent(new Event("input", { bubbles: true }));
         s.dispatchEvent(new Event("change", { bubbles: true }));`,
        [el, pick.i],
      );
    }
    return el;
  }

  /**
   * Presses keys together through the Actions API and releases them: modifiers first,
   * e.g. `sendKeys([Key.CONTROL, "f"])`, `sendKeys(Key.ESCAPE)`. A string of several
   * ordinary characters is typed one after the other.
   */
  async sendKeys(keys) {
    const list = Array.isArray(keys) ? keys : [...String(keys)];
    const actions = [];
    const held = [];
    for (const key of list) {
      if (MODIFIERS.has(key)) {
        actions.push({ type: "keyDown", value: key });
        held.push(key);
      } else {
        actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
      }
    }
    for (const key of held.reverse()) actions.push({ type: "keyUp", value: key });
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions").catch(() => {});
  }

  /**
   * Drags with the mouse through the Actions API: presses on the middle of `target`,
   * moves in steps to `dx` pixels right of the middle of `to`, and lets go.
   */
  async drag(target, to, { dx = 0 } = {}) {
    const from = await this.resolve(target);
    const destination = await this.resolve(to);
    const at = (el, x) => ({ type: "pointerMove", duration: 100, origin: { [ELEMENT_KEY]: el.id }, x, y: 0 });
    const actions = [
      at(from, 0),
      { type: "pointerDown", button: 0 },
      at(from, 12),
      at(destination, Math.round(dx / 2)),
      at(destination, dx),
      { type: "pointerUp", button: 0 },
    ];
    await this.cmd("POST", "/actions", {
      actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }],
    });
    await this.cmd("DELETE", "/actions").catch(() => {});
  }

  /** Scrolls the element to the middle of its scrolling box (for screenshots). */
  async scrollIntoView(target) {
    const el = await this.resolve(target);
    await this.execute(`arguments[0].scrollIntoView({ block: "center", inline: "nearest" });`, [el]);
    return el;
  }

  // ---- reading ----------------------------------------------------------------------

  async text(target) {
    const el = await this.resolve(target);
    return this.cmd("GET", `/element/${el.id}/text`, undefined, { selector: el.css });
  }

  async attribute(target, name) {
    const el = await this.resolve(target, { visible: false });
    return this.cmd("GET", `/element/${el.id}/attribute/${encodeURIComponent(name)}`, undefined, { selector: el.css });
  }

  /** A DOM property, e.g. `value` of an input, `checked`, `tagName`. */
  async property(target, name) {
    const el = await this.resolve(target, { visible: false });
    return this.cmd("GET", `/element/${el.id}/property/${encodeURIComponent(name)}`, undefined, { selector: el.css });
  }

  /** Runs `script` (a function body; use `arguments[i]`) in the page; Elements pass through. */
  async execute(script, args = []) {
    const value = await this.cmd("POST", "/execute/sync", { script, args });
    return this.wrapElements(value);
  }

  /** Runs `script` asynchronously: it ends by calling its last argument with the result. */
  async executeAsync(script, args = [], { timeout = 120_000 } = {}) {
    await this.cmd("POST", "/timeouts", { script: timeout });
    const value = await this.cmd("POST", "/execute/async", { script, args });
    return this.wrapElements(value);
  }

  wrapElements(value) {
    if (Array.isArray(value)) return value.map((v) => this.wrapElements(v));
    if (value && typeof value === "object") {
      if (typeof value[ELEMENT_KEY] === "string") return new Element(this, value[ELEMENT_KEY], "(from script)");
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.wrapElements(v)]));
    }
    return value;
  }

  /** The page's HTML now. */
  async source() {
    return this.cmd("GET", "/source");
  }

  async title() {
    return this.cmd("GET", "/title");
  }

  /** Saves a PNG of the window to `path` and returns the path. */
  async screenshot(path) {
    const base64 = await this.cmd("GET", "/screenshot", undefined, { timeout: 20_000 });
    await writeFile(path, Buffer.from(base64, "base64"));
    return path;
  }

  /** Ends the session; WebKitWebDriver then stops the app. Safe to call twice. */
  async deleteSession() {
    if (this.deleted) return;
    this.deleted = true;
    await command(this.url, "DELETE", `/session/${this.id}`, undefined, { timeout: 30_000 });
  }
}

/** Errors worth polling through: the element is not there yet, or was re-rendered. */
function isTransient(error) {
  return (
    error instanceof WebDriverError &&
    ["no such element", "stale element reference", "element not interactable"].includes(error.error)
  );
}
