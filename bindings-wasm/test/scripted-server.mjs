// A scripted IoT endpoint on loopback for the package tests: records each request and answers
// with the next scripted reply, and logs when connections open and close. Answers CORS
// preflights so a browser page can call it.

import http from "node:http";

const corsHeaders = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "PATCH, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, x-amz-date, x-amz-security-token, user-agent",
  "access-control-expose-headers": "x-amzn-requestid, x-amzn-errortype, date",
};

/** A success reply carrying `arn`. */
export function success(arn) {
  return { status: 200, body: JSON.stringify({ transferredCertificateArn: arn }) };
}

/** A modelled error reply, as IoT sends it. */
export function serviceError(status, code, message) {
  return { status, headers: { "x-amzn-errortype": `${code}:http://internal.amazon.com/` }, body: JSON.stringify({ message }) };
}

/** A redirect to `location`. */
export function redirect(status, location) {
  return { status, headers: { location }, body: "" };
}

/**
 * Starts a server answering with `replies` in order; resolves to its controls. A reply is
 * `{ status, headers?, body?, delayMs?, requestId? }`, `{ drop: true }` (close the connection) or
 * `{ hang: true }` (never answer). `events` lists `{ type: "request" | "close", connection }` in
 * the order the server saw them; each recorded request has its `connection` number too.
 */
export async function startServer(replies = []) {
  const queue = [...replies];
  const requests = [];
  const events = [];
  let connections = 0;
  const server = http.createServer((request, response) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, corsHeaders).end();
      return;
    }
    events.push({ type: "request", connection: request.socket.connection });
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        connection: request.socket.connection,
      });
      const reply = queue.shift() ?? { status: 599, body: '{"message":"no scripted reply"}' };
      if (reply.drop) {
        request.socket.destroy();
        return;
      }
      if (reply.hang) return;
      const send = () => {
        const headers = {
          "content-type": "application/json",
          "x-amzn-requestid": reply.requestId ?? `req-${requests.length}`,
          ...corsHeaders,
        };
        for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
        if (headers["x-amzn-requestid"] === "") delete headers["x-amzn-requestid"];
        response.writeHead(reply.status, headers);
        response.end(reply.body ?? "");
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  server.on("connection", (socket) => {
    socket.connection = ++connections;
    socket.on("close", () => events.push({ type: "close", connection: socket.connection }));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    events,
    push: (...more) => queue.push(...more),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
