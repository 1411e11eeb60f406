// Sums the code size of a wasm module by crate, from `twiggy top --format csv` of a build that
// kept its function names (wasm-bindgen --keep-debug, before wasm-opt). Sizes are raw bytes
// before wasm-opt and compression; the read-only data segment cannot be split by crate.
// Usage: twiggy top -n 1000000 -f csv MODULE.wasm | node scripts/test/wasm-crates.mjs [rows]

import { readFileSync } from "node:fs";

const rows = Number(process.argv[2] ?? 25);
const lines = readFileSync(0, "utf8").trim().split("\n").slice(1);

/** The first CSV field (quoted with doubled quotes, or bare) and the number after it. */
function parseLine(line) {
  let name = "";
  let at = 0;
  if (line.startsWith('"')) {
    at = 1;
    while (at < line.length) {
      if (line[at] === '"' && line[at + 1] === '"') {
        name += '"';
        at += 2;
      } else if (line[at] === '"') {
        break;
      } else {
        name += line[at++];
      }
    }
    at += 2;
  } else {
    at = line.indexOf(",");
    name = line.slice(0, at);
    at += 1;
  }
  return { name, size: Number(line.slice(at).split(",")[0]) };
}

/** `serde_json::de::...`, `<http::HeaderMap as ...>`, `core::ptr::drop_in_place<reqwest::...>` -> crate. */
function crateOf(name) {
  if (!name.includes("::")) return name.startsWith("data segment") ? "(read-only data)" : "(wasm sections and glue)";
  const bare = name.replace(/^(?:core(?:\[[0-9a-f]+\])?::ptr::drop_in_place<|<|&mut |&|dyn )+/, "");
  const match = bare.match(/^([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (!match) return "(std: str, char and generic code)";
  return ["core", "alloc", "std", "compiler_builtins", "dlmalloc", "__rustc"].includes(match[1]) ? "(std) " + match[1] : match[1];
}

const totals = new Map();
let all = 0;
for (const line of lines) {
  const { name, size } = parseLine(line);
  if (!Number.isFinite(size) || name.includes("function names") || name.includes("local names")) continue;
  const crate = crateOf(name);
  totals.set(crate, (totals.get(crate) ?? 0) + size);
  all += size;
}
console.log(`${"crate".padEnd(40)} ${"bytes".padStart(8)} ${"share".padStart(6)}`);
for (const [crate, size] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
  console.log(`${crate.padEnd(40)} ${String(size).padStart(8)} ${((100 * size) / all).toFixed(1).padStart(5)}%`);
}
console.log(`${"total (names excluded)".padEnd(40)} ${String(all).padStart(8)}`);
