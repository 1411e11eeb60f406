// The Node transport: node:http / node:https with keep-alive agents, several times cheaper per
// call than Node's fetch. The core calls it with { method, url, headers, body: Uint8Array } and
// expects { status, headers, body: Uint8Array }.

import http from "node:http";
import https from "node:https";

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** Sends one request and reads the whole response. */
export function nodeHttpTransport({ method, url, headers, body }) {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method, headers: { ...headers, "content-length": body.byteLength }, agent: agents[target.protocol] },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: new Uint8Array(Buffer.concat(chunks)) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
