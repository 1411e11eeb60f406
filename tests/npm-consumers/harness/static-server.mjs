// A static file server for a build's output folder on loopback, as any host would serve a
// console: files by path, index.html for /, and `.wasm` as application/wasm (which
// WebAssembly.instantiateStreaming requires). It records what it was asked for, for the tests.

import http from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

/** Serves `folder`; resolves to `{ url, requests: [{ path, status }], close }`. */
export async function serveFolder(folder) {
  const requests = [];
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://page").pathname);
    const file = path.join(folder, pathname === "/" ? "index.html" : pathname);
    let status = 404;
    if (file.startsWith(folder + path.sep)) {
      try {
        const body = await readFile(file);
        status = 200;
        response.writeHead(status, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body);
      } catch {}
    }
    if (status === 404) response.writeHead(404).end();
    requests.push({ path: pathname, status });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
