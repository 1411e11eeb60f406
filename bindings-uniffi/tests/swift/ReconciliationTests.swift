// Against the project's local IoT endpoint (IOT_EMULATOR_URL, set by scripts/run/with-emulator.sh): a
// lost response, an attempt slower than its timeout and a call slower than its timeout end in the
// truth about the transfer, checked with the endpoint's own record.

import Foundation
import IotTransfer
import XCTest
#if canImport(Glibc)
import Glibc
#endif

let EMULATOR_TARGET = "444455556666"

/// The emulator's unauthenticated admin endpoint, spoken over a plain socket (HTTP/1.1, one
/// request per connection).
enum Emulator {
    static var url: String {
        guard let url = ProcessInfo.processInfo.environment["IOT_EMULATOR_URL"] else {
            fatalError("run the tests through scripts/run/with-emulator.sh, which sets IOT_EMULATOR_URL")
        }
        return url
    }

    static func admin(_ method: String, _ path: String, _ body: String = "") -> [String: Any] {
        let port = UInt16(url.split(separator: ":").last!)!
        let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(connection) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(connected == 0, "cannot reach the emulator at \(url)")
        let request = Array("\(method) /_emulator/\(path) HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\ncontent-length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
        _ = request.withUnsafeBytes { send(connection, $0.baseAddress, request.count, Int32(MSG_NOSIGNAL)) }
        var response = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let read = recv(connection, &chunk, chunk.count, 0)
            if read <= 0 { break }
            response += chunk[0..<read]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let start = text.range(of: "\r\n\r\n")?.upperBound else { return [:] }
        let json = try? JSONSerialization.jsonObject(with: Data(text[start...].utf8))
        return json as? [String: Any] ?? [:]
    }

    static func transferableCertificate() -> String { admin("POST", "seed-demo")["transferable"] as! String }
    static func setFaults(_ json: String) { _ = admin("POST", "faults", json) }
    static func clearFaults() { _ = admin("DELETE", "faults") }

    /// (status, pending target) as the endpoint records the certificate.
    static func recorded(_ id: String) -> [String?] {
        let certificates = admin("GET", "state")["certificates"] as! [[String: Any]]
        let certificate = certificates.first { $0["certificateId"] as? String == id }!
        let status = certificate["status"] as? String
        let transfer = certificate["transfer"] as? [String: Any]
        return [status, status == "PENDING_TRANSFER" ? transfer?["targetAccount"] as? String : nil]
    }
}

func emulatorClient(attemptTimeoutMs: Int64? = nil, callTimeoutMs: Int64? = nil) -> IotTransferClient {
    try! IotTransferClient(
        config: ClientConfig(region: "us-east-1", endpointUrl: Emulator.url, useFips: false, useDualStack: false, maxAttempts: 3,
                             retryBaseDelayMs: 10, useRetryQuota: true, connectTimeoutMs: 3100, attemptTimeoutMs: attemptTimeoutMs,
                             callTimeoutMs: callTimeoutMs, appName: nil),
        credentials: AwsCredentials(accessKeyId: "AKIAEMULATORSOURCE", secretAccessKey: "emulator-source-secret", sessionToken: nil))
}

func transferInput(_ id: String) -> TransferCertificateInput {
    TransferCertificateInput(certificateId: id, targetAwsAccount: EMULATOR_TARGET, transferMessage: nil)
}

final class ReconciliationTests: XCTestCase {
    override func tearDown() {
        Emulator.clearFaults()
    }

    func testADroppedResponseIsTheTransferItWas() async throws {
        let id = Emulator.transferableCertificate()
        Emulator.setFaults(#"{"script":[{"operation":"TransferCertificate","fault":"dropResponse"}]}"#)
        let output = try await emulatorClient().transferCertificate(input: transferInput(id))
        XCTAssertTrue(output.metadata.reconciled)
        XCTAssertEqual(output.metadata.attempts, 2)
        XCTAssertTrue(output.transferredCertificateArn.hasSuffix("cert/\(id)"))
        XCTAssertEqual(Emulator.recorded(id), ["PENDING_TRANSFER", EMULATOR_TARGET])
    }

    func testAnAttemptSlowerThanItsTimeoutEndsInTheTruth() throws {
        let id = Emulator.transferableCertificate()
        Emulator.setFaults(#"{"script":[{"operation":"TransferCertificate","fault":"latency","latencyMs":600}]}"#)
        let output = try emulatorClient(attemptTimeoutMs: 150).transferCertificateBlocking(input: transferInput(id))
        XCTAssertEqual(output.metadata.attempts, 2)
        usleep(700_000)
        XCTAssertEqual(Emulator.recorded(id), ["PENDING_TRANSFER", EMULATOR_TARGET])
    }

    func testACallSlowerThanItsTimeoutSaysItMayHaveHappened() {
        let id = Emulator.transferableCertificate()
        Emulator.setFaults(#"{"latencyMs":800,"operations":["TransferCertificate"]}"#)
        let got = fields(transferError { _ = try emulatorClient(callTimeoutMs: 300).transferCertificateBlocking(input: transferInput(id)) }!)
        XCTAssertEqual(got.kind, "Timeout")
        XCTAssertTrue(got.possiblyApplied)
        XCTAssertTrue(got.hint!.contains("DescribeCertificate"))
    }

    func testASecondTransferIsExplainedNotUndone() throws {
        let id = Emulator.transferableCertificate()
        let client = emulatorClient()
        _ = try client.transferCertificateBlocking(input: transferInput(id))
        let got = fields(transferError { _ = try client.transferCertificateBlocking(input: transferInput(id)) }!)
        XCTAssertEqual(got.kind, "CertificateState")
        XCTAssertTrue(got.reconciled && !got.possiblyApplied)
        XCTAssertTrue(got.hint!.contains("already PENDING_TRANSFER to account \(EMULATOR_TARGET)"), got.hint!)
        XCTAssertFalse(got.hint!.lowercased().contains("cancel"))
    }
}
