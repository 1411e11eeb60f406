// Measures the official JS SDK's browser bundle for what this library covers (sdk-bundle-entry.mjs:
// the client, ten commands, three paginators): esbuild, minified, ESM, for browsers; prints one
// JSON line with its raw, gzip (-9) and brotli (quality 11) sizes in bytes.

import { build } from "esbuild";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const result = await build({
  entryPoints: [path.join(here, "sdk-bundle-entry.mjs")],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  write: false,
  logLevel: "error",
});
const bytes = result.outputFiles[0].contents;
const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
console.log(JSON.stringify({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli.length }));
