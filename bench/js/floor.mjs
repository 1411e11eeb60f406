// The Node floor of `make bench`: node:http with a keep-alive agent sending the PATCH a
// TransferCertificate call sends, unsigned, and reading the JSON answer: what any client pays.

import http from "node:http";

/** A function making one unsigned TransferCertificate PATCH to `endpoint`; resolves to the parsed body. */
export function floorCall(endpoint, { certificateId, targetAwsAccount }) {
  const url = new URL(`/transfer-certificate/${certificateId}?targetAwsAccount=${targetAwsAccount}`, endpoint);
  const agent = new http.Agent({ keepAlive: true });
  const body = "{}";
  const options = { method: "PATCH", agent, headers: { "content-type": "application/json", "content-length": body.length } };
  return () => new Promise((resolve, reject) => {
    const request = http.request(url, options, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => response.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks))) : reject(new Error(`HTTP ${response.statusCode}`)));
    });
    request.on("error", reject);
    request.end(body);
  });
}
