// Vite's dev server (`vite`, as `npm run dev` runs it) for a consumer project, on a free loopback
// port; its dependency pre-bundling is where a package's `new URL(..., import.meta.url)` breaks
// when it breaks, so it is tested beside the production build.

import { spawn } from "node:child_process";
import path from "node:path";

/** Starts the project's Vite dev server; resolves to `{ url, stop }` once it prints its URL. */
export function startViteDevServer(project) {
  const vite = path.join(project, "node_modules", ".bin", "vite");
  const child = spawn(vite, ["--host", "127.0.0.1", "--port", "0", "--strictPort", "--clearScreen", "false"], {
    cwd: project,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`vite printed no URL in 20 s:\n${output}`));
    }, 20_000);
    const read = (chunk) => {
      output += chunk;
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    };
    child.stdout.setEncoding("utf8").on("data", read);
    child.stderr.setEncoding("utf8").on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`vite exited with ${code}:\n${output}`));
    });
  });
}
