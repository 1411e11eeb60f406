// Gathers the parts of one `make bench` run (clients.json from run.mjs, sizes.json, environment.json,
// and handover.json from handover.py's last line, when there) into one results file.
// Usage: node bench/collect.mjs PARTS_DIR OUT.json

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [parts, out] = process.argv.slice(2);
/** A part's JSON, or null when that part was not run. */
const part = (name) => {
  const file = path.join(parts, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
};
writeFileSync(out, JSON.stringify({
  environment: part("environment"),
  calls: part("clients"),
  sizes: part("sizes"),
  handover: part("handover"),
}, null, 1) + "\n");
