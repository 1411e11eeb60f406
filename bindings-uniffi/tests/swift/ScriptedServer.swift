// A scripted IoT endpoint on loopback for the Swift tests, on plain sockets: it records each
// request and answers with the next scripted reply (a response, a delayed one, or a dropped
// connection).

import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Reply {
    var status = 200
    var body = ""
    var headers: [String: String] = [:]
    var delayMs = 0
    var drop = false
}

struct Recorded {
    let method: String
    let target: String
    let headers: [String: String]
    let body: String
}

func success(_ arn: String) -> Reply { Reply(body: "{\"transferredCertificateArn\":\"\(arn)\"}") }

func serviceError(_ status: Int, _ code: String, _ message: String) -> Reply {
    Reply(status: status, body: "{\"message\":\"\(message)\"}", headers: ["x-amzn-errortype": "\(code):http://internal.amazon.com/"])
}

final class ScriptedServer: @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [Reply]
    private var recorded: [Recorded] = []
    private let listener: Int32
    let port: UInt16

    var url: String { "http://127.0.0.1:\(port)" }
    var requests: [Recorded] { lock.lock(); defer { lock.unlock() }; return recorded }

    init(_ replies: [Reply] = []) {
        self.replies = replies
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(listener, 16)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = UInt16(bigEndian: bound.sin_port)
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    func push(_ reply: Reply) {
        lock.lock(); replies.append(reply); lock.unlock()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve(_ client: Int32) {
        var buffer = [UInt8]()
        while let request = readRequest(client, &buffer) {
            lock.lock()
            recorded.append(request)
            let reply = replies.isEmpty ? Reply(status: 599, body: "{}") : replies.removeFirst()
            let number = recorded.count
            lock.unlock()
            if reply.drop { break }
            if reply.delayMs > 0 { usleep(UInt32(reply.delayMs * 1000)) }
            var headers = ["x-amzn-requestid": "req-\(number)", "content-type": "application/json"]
            for (name, value) in reply.headers { headers[name.lowercased()] = value }
            let body = Array(reply.body.utf8)
            var head = "HTTP/1.1 \(reply.status) Scripted\r\n"
            for (name, value) in headers where !value.isEmpty { head += "\(name): \(value)\r\n" }
            head += "content-length: \(body.count)\r\n\r\n"
            let bytes = Array(head.utf8) + body
            _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
        }
        close(client)
    }

    private func readRequest(_ client: Int32, _ buffer: inout [UInt8]) -> Recorded? {
        let separator: [UInt8] = [13, 10, 13, 10]
        func headEnd() -> Int? {
            guard buffer.count >= 4 else { return nil }
            return (0...(buffer.count - 4)).first { Array(buffer[$0..<$0 + 4]) == separator }
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while headEnd() == nil {
            let read = recv(client, &chunk, chunk.count, 0)
            if read <= 0 { return nil }
            buffer += chunk[0..<read]
        }
        let end = headEnd()!
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < end + 4 + length {
            let read = recv(client, &chunk, chunk.count, 0)
            if read <= 0 { return nil }
            buffer += chunk[0..<read]
        }
        let body = String(decoding: buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self)
        buffer.removeFirst(end + 4 + length)
        return Recorded(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }
}
