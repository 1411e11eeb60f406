// The Node transport: node:http / node:https with keep-alive agents, several times cheaper per
// call than Node's fetch. The core calls it with { method, url, headers, body: Uint8Array,
// signal, maxResponseBytes } and expects { status, headers, body: Uint8Array }. It follows no
// redirect (a 3xx goes back to the core, which refuses it), and an aborted signal destroys the
// request and its socket, so an attempt the core gave up on is closed before its retry is sent.

import http from "node:http";
import https from "node:https";

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** The request a signal cancels, kept on the signal itself (one signal per request). */
const cancels = Symbol("iot-transfer request");

/**
 * The abort listener, shared by every request. It does what `http.request(url, { signal })`
 * does (destroys the request with an AbortError), without the end-of-stream tracking Node adds
 * for that option, which costs about 20 µs per call.
 */
function abortRequest() {
  this[cancels].destroy(Object.assign(new Error("the attempt was abandoned", { cause: this.reason }), { name: "AbortError", code: "ABORT_ERR" }));
}

/** Where requests to an origin go (`https://host:port`), parsed once per origin. */
const origins = new Map();

/** The request options of `url` without parsing all of it: the origin is cached, the path is the rest. */
function target(url) {
  const pathStart = url.indexOf("/", url.indexOf("//") + 2);
  const origin = pathStart === -1 ? url : url.slice(0, pathStart);
  let parsed = origins.get(origin);
  if (parsed === undefined) {
    const { protocol, hostname, port } = new URL(origin);
    const secure = protocol === "https:";
    parsed = { client: secure ? https : http, hostname: hostname.replace(/^\[|\]$/g, ""), port: port || (secure ? 443 : 80), agent: agents[protocol] };
    if (origins.size > 64) origins.clear();
    origins.set(origin, parsed);
  }
  return { parsed, path: pathStart === -1 ? "/" : url.slice(pathStart) };
}

/** Sends one request and reads the whole response, or as much of it as is allowed plus a byte. */
export function nodeHttpTransport({ method, url, headers, body, signal, maxResponseBytes = Infinity }) {
  const { parsed, path } = target(url);
  // The headers object is this request's own: add the length in place.
  headers["content-length"] = body.byteLength;
  return new Promise((resolve, reject) => {
    const request = parsed.client.request(
      { method, hostname: parsed.hostname, port: parsed.port, path, headers, agent: parsed.agent },
      (response) => {
        const chunks = [];
        let length = 0;
        const finish = () =>
          resolve({ status: response.statusCode, headers: response.headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
        response.on("data", (chunk) => {
          chunks.push(chunk);
          length += chunk.length;
          // Longer than the core accepts: stop reading; the core refuses what was read.
          if (length > maxResponseBytes) {
            finish();
            request.destroy();
          }
        });
        response.on("end", finish);
        response.on("error", reject);
        // Closed before the end (a reset, an abort) without an error event: not a response.
        response.on("close", () => {
          if (!response.complete) reject(Object.assign(new Error("the connection closed before the response ended"), { code: "ECONNRESET" }));
        });
      },
    );
    request.on("error", reject);
    if (signal) {
      signal[cancels] = request;
      if (signal.aborted) return abortRequest.call(signal);
      signal.addEventListener("abort", abortRequest, { once: true });
    }
    request.end(body);
  });
}
