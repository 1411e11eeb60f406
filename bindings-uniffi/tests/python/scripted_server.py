"""A scripted IoT endpoint on loopback for the Python tests: it records each request and answers
with the next scripted reply (a response, a delayed response, a dropped connection, or a request
left hanging until the client closes its connection, which is counted)."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def success(arn):
    return {"status": 200, "body": json.dumps({"transferredCertificateArn": arn})}


def service_error(status, code, message):
    return {"status": status, "headers": {"x-amzn-ErrorType": f"{code}:http://internal.amazon.com/"},
            "body": json.dumps({"message": message})}


class ScriptedServer:
    """Answers requests with scripted replies, in order, on 127.0.0.1."""

    def __init__(self, replies=()):
        self.replies = list(replies)
        self.requests = []
        self.hung_connections_closed = 0
        self._hung_sockets = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                self.do_PATCH()

            def do_PUT(self):
                self.do_PATCH()

            def do_POST(self):
                self.do_PATCH()

            def do_PATCH(self):
                length = int(self.headers.get("content-length", 0))
                body = self.rfile.read(length).decode("utf-8")
                with server._lock:
                    server.requests.append({"method": self.command, "path": self.path,
                                            "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body,
                                            "hung_connections_closed_before": server._closed_hung_sockets()})
                    reply = server.replies.pop(0) if server.replies else {"status": 599, "body": "{}"}
                if reply.get("hang"):
                    with server._lock:
                        server._hung_sockets.append(self.connection)
                    while self.connection.recv(1024):
                        pass
                    with server._lock:
                        server.hung_connections_closed += 1
                    self.close_connection = True
                    return
                if reply.get("drop"):
                    self.close_connection = True
                    self.connection.close()
                    return
                if reply.get("delay"):
                    server._release.wait(reply["delay"])
                payload = reply.get("body", "").encode("utf-8")
                self.send_response(reply["status"])
                headers = {"content-type": "application/json", "x-amzn-RequestId": f"req-{len(server.requests)}"}
                headers.update(reply.get("headers", {}))
                for name, value in headers.items():
                    if value != "":
                        self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        # A short poll: `shutdown()` waits for the loop's next poll (half a second by default).
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def _closed_hung_sockets(self):
        """How many hung connections the client has closed, as the kernel knows it when a request
        arrives (its FIN is queued before the next connection's request), not as the thread
        waiting on the connection has noticed yet, which under load can come later."""
        closed = 0
        for connection in self._hung_sockets:
            try:
                closed += connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
            except BlockingIOError:
                pass
            except OSError:
                closed += 1
        return closed

    def push(self, *replies):
        with self._lock:
            self.replies.extend(replies)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
