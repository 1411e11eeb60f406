// Starts the iot-emulator binary for a test and talks to its admin endpoint.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export const SOURCE = { accountId: "111122223333", accessKeyId: "AKIAEMULATORSOURCE", secretAccessKey: "emulator-source-secret" };
export const TARGET = { accountId: "444455556666", accessKeyId: "AKIAEMULATORTARGET", secretAccessKey: "emulator-target-secret" };

/** The emulator binary: $IOT_EMULATOR_BIN, else target/debug/iot-emulator under the workspace. */
export function emulatorBinary() {
  const binary = process.env.IOT_EMULATOR_BIN || join(workspaceRoot, "target", "debug", "iot-emulator");
  if (!existsSync(binary)) {
    throw new Error(`iot-emulator binary not found at ${binary}: run \`cargo build -p iot-emulator\` or set IOT_EMULATOR_BIN`);
  }
  return binary;
}

/** Starts the emulator on a free port; resolves to { url, admin(method, action, body), stop() }. */
export async function startEmulator(extraArgs = []) {
  const child = spawn(emulatorBinary(), ["--port", "0", ...extraArgs], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error("the emulator printed no URL within 10 s")), 10_000);
    child.once("exit", (code) => reject(new Error(`the emulator exited early with code ${code}`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolveUrl(line.trim());
    });
  });
  lines.on("line", () => {});
  async function admin(method, action, body) {
    const response = await fetch(`${url}/_emulator/${action}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json();
    if (!response.ok) throw new Error(`admin ${method} ${action}: ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  }
  function stop() {
    child.kill("SIGTERM");
  }
  return { url, admin, stop };
}
