// Removes the tarball's integrity from a consumer project's package-lock.json. npm keys its cache
// by that integrity: kept, `npm ci` would install the cached copy of an earlier build of
// ../iot-transfer.tgz instead of the tarball now there. Everything else in the lock stays pinned.
//
// Usage: node unpin-tarball.mjs path/to/package-lock.json

import { readFile, writeFile } from "node:fs/promises";

const file = process.argv[2];
const lock = JSON.parse(await readFile(file, "utf8"));
const entry = lock.packages?.["node_modules/iot-transfer"];
if (entry?.integrity !== undefined) {
  delete entry.integrity;
  await writeFile(file, JSON.stringify(lock, null, 2) + "\n");
}
