// A loopback stub answering every PATCH with a TransferCertificate success, as fast as Node can:
// the peer for `make bench`, so that client costs are compared, not server work.

import http from "node:http";

const body = JSON.stringify({ transferredCertificateArn: "arn:aws:iot:us-east-1:111122223333:cert/" + "a".repeat(64) });
const server = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json", "x-amzn-requestid": "bench", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
