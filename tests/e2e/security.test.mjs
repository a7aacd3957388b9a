// Goal G7 from inside the window: a plugin the app does not ship and a command it does not
// declare are both refused, so a script injected into the page could do nothing more
// than the app's own commands allow.

import assert from "node:assert/strict";
import { after, test } from "node:test";

import { launchApp, quitApp, removeDirs, stopDriver, tempDirs, tid } from "./harness.mjs";

after(async () => {
  try {
    await quitApp();
  } finally {
    await stopDriver();
  }
});

/**
 * Calls a command through Tauri's own IPC and says whether it was refused. The call runs
 * detached from the WebDriver script and its outcome is read back once it has settled.
 */
async function refused(session, command, args) {
  const key = `${command}-${Date.now()}`;
  await session.execute(
    `const [key, command, args] = arguments;
     window.__calls = window.__calls || {};
     setTimeout(() => {
       Promise.resolve()
         .then(() => window.__TAURI_INTERNALS__.invoke(command, args))
         .then(
           (value) => (window.__calls[key] = { refused: false, value: JSON.stringify(value).slice(0, 200) }),
           (error) => (window.__calls[key] = { refused: true, error: String(error).slice(0, 200) }),
         );
     }, 0);`,
    [key, command, args],
  );
  let outcome = null;
  try {
    await session.waitUntil(
      async () => (outcome = await session.execute("return (window.__calls || {})[arguments[0]] ?? null;", [key])) !== null,
      { message: `${command} to answer or be refused` },
    );
  } catch (error) {
    // Tauri also throws the refusal as an uncaught error in the page, which WebKitWebDriver
    // hands to the next script: that message is the refusal itself.
    if (/not allowed|not found/i.test(error.message)) return { refused: true, error: error.message };
    throw error;
  }
  return outcome;
}

test("the window cannot read files or call undeclared commands", async () => {
  const dirs = await tempDirs("security");
  const s = await launchApp(dirs);
  await s.waitFor(tid("welcome"));
  const fs = await refused(s, "plugin:fs|read_text_file", { path: "/etc/passwd" });
  assert.equal(fs.refused, true, `the fs plugin answered: ${fs.value}`);
  const shell = await refused(s, "plugin:shell|execute", { program: "sh", args: ["-c", "id"] });
  assert.equal(shell.refused, true, `the shell plugin answered: ${shell.value}`);
  const unknown = await refused(s, "export_secrets", {});
  assert.equal(unknown.refused, true, `an undeclared command answered: ${unknown.value}`);
  const own = await refused(s, "startup", {});
  assert.equal(own.refused, false, `the app's own command was refused: ${own.error}`);
  await quitApp();
  await removeDirs(dirs);
});
