// The Swift bindings against a scripted loopback endpoint: success (async and blocking), every
// error kind caught as its own case with its fields, retries, timeouts, validation, a host
// credentials provider, the shared vectors, and no secret in any description.

import Foundation
import IotTransfer
import XCTest

let ID = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e"
let ARN = "arn:aws:iot:us-east-1:111122223333:cert/\(ID)"
let SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
let TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN"
let INPUT = TransferCertificateInput(certificateId: ID, targetAwsAccount: "444455556666", transferMessage: nil)

/// The fields every error carries, and the name of its case.
struct Fields: Equatable {
    let kind: String
    let code: String
    let message: String
    let httpStatus: UInt16?
    let requestId: String?
    let attempts: UInt32
    let retryable: Bool
    let possiblyApplied: Bool
    let reconciled: Bool
    let hint: String?
}

/// The fields every error carries, read from the enum whatever its case (generated Errors.swift);
/// the case's name must be the kind its details name.
func fields(_ error: IotTransferError) -> Fields {
    let caseName = Mirror(reflecting: error).children.first?.label ?? String(describing: error)
    precondition(caseName == error.kind, "the case \(caseName) carries \(error.kind)")
    return Fields(kind: error.kind, code: error.code, message: error.message, httpStatus: error.httpStatus,
                  requestId: error.requestId, attempts: error.attempts, retryable: error.retryable,
                  possiblyApplied: error.possiblyApplied, reconciled: error.reconciled, hint: error.hint)
}

func config(_ url: String?, maxAttempts: Int64 = 3, attemptTimeoutMs: Int64? = nil) -> ClientConfig {
    ClientConfig(region: "us-east-1", endpointUrl: url, useFips: false, useDualStack: false, maxAttempts: maxAttempts,
                 retryBaseDelayMs: 1, useRetryQuota: true, connectTimeoutMs: 3100, attemptTimeoutMs: attemptTimeoutMs,
                 callTimeoutMs: nil, appName: nil)
}

func client(_ server: ScriptedServer, maxAttempts: Int64 = 3, attemptTimeoutMs: Int64? = nil) -> IotTransferClient {
    try! IotTransferClient(config: config(server.url, maxAttempts: maxAttempts, attemptTimeoutMs: attemptTimeoutMs),
                      credentials: AwsCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: TOKEN))
}

func transferError(_ body: () throws -> Void) -> IotTransferError? {
    do {
        try body()
    } catch let error as IotTransferError {
        return error
    } catch {
        XCTFail("unexpected error \(error)")
    }
    return nil
}

final class Refreshing: CredentialsProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let fail: Bool
    init(fail: Bool = false) { self.fail = fail }
    var calls: Int { lock.lock(); defer { lock.unlock() }; return count }

    func provideCredentials() throws -> AwsCredentials {
        lock.lock(); count += 1; let n = count; lock.unlock()
        if fail { throw CredentialsProviderError.Failed(reason: "identity pool unreachable") }
        return AwsCredentials(accessKeyId: "ASIAREFRESH\(n)", secretAccessKey: SECRET, sessionToken: TOKEN,
                              expiresAt: Date().addingTimeInterval(60))
    }
}

final class ClientTests: XCTestCase {
    func testBlockingSuccessSendsTheSignedRequest() throws {
        let server = ScriptedServer([success(ARN)])
        defer { server.stop() }
        let output = try client(server).transferCertificateBlocking(
            input: TransferCertificateInput(certificateId: ID, targetAwsAccount: "444455556666", transferMessage: "hi ✓"))
        XCTAssertEqual(output.transferredCertificateArn, ARN)
        XCTAssertEqual(output.metadata.httpStatus, 200)
        XCTAssertEqual(output.metadata.requestId, "req-1")
        XCTAssertEqual(output.metadata.attempts, 1)
        let request = server.requests[0]
        XCTAssertEqual(request.method, "PATCH")
        XCTAssertEqual(request.target, "/transfer-certificate/\(ID)?targetAwsAccount=444455556666")
        XCTAssertTrue(request.headers["authorization"]!.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
        XCTAssertEqual(request.headers["x-amz-security-token"], TOKEN)
        XCTAssertEqual(request.body, "{\"transferMessage\":\"hi ✓\"}")
    }

    func testAsyncSuccess() async throws {
        let server = ScriptedServer([success(ARN)])
        defer { server.stop() }
        let output = try await client(server).transferCertificate(input: INPUT)
        XCTAssertEqual(output.transferredCertificateArn, ARN)
    }

    func testTheAsyncCallThrowsTheSameCases() async {
        let description = Reply(body: "{\"certificateDescription\":{\"status\":\"ACTIVE\"}}")
        let server = ScriptedServer([serviceError(406, "CertificateStateException", "ACTIVE"), description])
        defer { server.stop() }
        do {
            _ = try await client(server).transferCertificate(input: INPUT)
            XCTFail("expected an error")
        } catch let error as IotTransferError {
            guard case .CertificateState = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(error.hint!.hasPrefix("The certificate is ACTIVE: deactivate it"), error.hint!)
            XCTAssertTrue(error.reconciled && !error.possiblyApplied)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testRetriesThenSuccess() throws {
        let server = ScriptedServer([serviceError(503, "ServiceUnavailableException", "busy"), Reply(status: 503), success(ARN)])
        defer { server.stop() }
        XCTAssertEqual(try client(server).transferCertificateBlocking(input: INPUT).metadata.attempts, 3)
        XCTAssertEqual(server.requests.count, 3)
    }

    func testThrottlingBurst() {
        let server = ScriptedServer(Array(repeating: serviceError(400, "ThrottlingException", "Rate exceeded"), count: 3))
        defer { server.stop() }
        let got = fields(transferError { _ = try client(server).transferCertificateBlocking(input: INPUT) }!)
        XCTAssertEqual(got.kind, "Throttling")
        XCTAssertTrue(got.retryable)
        XCTAssertEqual(got.attempts, 3)
    }

    func testAttemptTimeout() {
        var slow = success(ARN)
        slow.delayMs = 1500
        let server = ScriptedServer([slow, slow])
        defer { server.stop() }
        let got = fields(transferError {
            _ = try client(server, maxAttempts: 2, attemptTimeoutMs: 100).transferCertificateBlocking(input: INPUT)
        }!)
        XCTAssertEqual(got.kind, "Timeout")
        XCTAssertEqual(got.attempts, 2)
        XCTAssertTrue(got.possiblyApplied)
    }

    func testADroppedConnectionIsRetried() throws {
        let server = ScriptedServer([Reply(drop: true), success(ARN)])
        defer { server.stop() }
        XCTAssertEqual(try client(server).transferCertificateBlocking(input: INPUT).metadata.attempts, 2)
    }

    func testValidationNamesTheFieldAndSendsNothing() {
        let server = ScriptedServer()
        defer { server.stop() }
        let cases = [
            (TransferCertificateInput(certificateId: "nope", targetAwsAccount: "444455556666", transferMessage: nil), "certificateId"),
            (TransferCertificateInput(certificateId: ID, targetAwsAccount: "4444-5555-6666", transferMessage: nil), "targetAwsAccount"),
            (TransferCertificateInput(certificateId: ID, targetAwsAccount: "444455556666", transferMessage: String(repeating: "x", count: 129)), "transferMessage"),
        ]
        for (input, expectedField) in cases {
            let error = transferError { _ = try client(server).transferCertificateBlocking(input: input) }
            guard let error, case .Validation = error, let validation = error.validation else {
                return XCTFail("expected a validation error, got \(String(describing: error))")
            }
            let (field, message) = (validation.field, error.message)
            XCTAssertEqual(field, expectedField)
            XCTAssertTrue(message.hasPrefix(expectedField))
        }
        XCTAssertEqual(server.requests.count, 0)
    }

    func testSettingsOutOfRangeAreConfigurationErrorsNamedAsTheRecordNamesThem() {
        let credentials = AwsCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: nil)
        let cases: [(ClientConfig, String)] = [
            (ClientConfig(region: "us-east-1", callTimeoutMs: -1), "callTimeoutMs must be a duration from 0 to 24 days"),
            (ClientConfig(region: "us-east-1", retryBaseDelayMs: 2_073_600_001), "retryBaseDelayMs must be a duration from 0 to 24 days"),
            (ClientConfig(region: "us-east-1", maxAttempts: 0), "maxAttempts must be a whole number from 1 to 4294967295"),
        ]
        for (config, message) in cases {
            let error = transferError { _ = try IotTransferClient(config: config, credentials: credentials) }
            guard let error, case .Configuration = error else {
                return XCTFail("expected a configuration error, got \(String(describing: error))")
            }
            XCTAssertEqual(error.message, message)
        }
    }

    func testSigningDatesSigV4CannotCarry() throws {
        let client = try! IotTransferClient(config: config(nil),
                                       credentials: AwsCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET))
        // One second before 1970, and 10000-01-01T00:00:00Z.
        for time in [Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 253_402_300_800)] {
            let error = transferError { _ = try client.signTransferCertificateBlocking(input: INPUT, signingTime: time) }
            guard let error, case .Validation = error, let validation = error.validation else {
                return XCTFail("expected a validation error, got \(String(describing: error))")
            }
            let (field, message) = (validation.field, error.message)
            XCTAssertEqual(field, "signingDate")
            XCTAssertEqual(message, "signingDate must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z")
        }
        let last = try client.signTransferCertificateBlocking(input: INPUT, signingTime: Date(timeIntervalSince1970: 253_402_300_799))
        XCTAssertEqual(last.header(name: "x-amz-date"), "99991231T235959Z")
    }

    func testAHostCredentialsProvider() async throws {
        let server = ScriptedServer([success(ARN), success(ARN)])
        defer { server.stop() }
        let provider = Refreshing()
        let client = try! IotTransferClient.withProvider(config: config(server.url), provider: provider)
        _ = try client.transferCertificateBlocking(input: INPUT)
        _ = try await client.transferCertificate(input: INPUT)
        XCTAssertEqual(provider.calls, 2)
        XCTAssertTrue(server.requests[1].headers["authorization"]!.contains("Credential=ASIAREFRESH2/"))
        let failing = try! IotTransferClient.withProvider(config: config(server.url), provider: Refreshing(fail: true))
        let got = fields(transferError { _ = try failing.transferCertificateBlocking(input: INPUT) }!)
        XCTAssertEqual(got.kind, "Credentials")
        XCTAssertTrue(got.message.contains("identity pool unreachable"), got.message)
    }

    func testNoSecretInAnyDescription() throws {
        let credentials = AwsCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: TOKEN)
        let client = try! IotTransferClient(config: config(nil), credentials: credentials)
        let signed = try client.signTransferCertificateBlocking(input: INPUT)
        let error = transferError { _ = try client.transferCertificateBlocking(input: TransferCertificateInput(certificateId: "x", targetAwsAccount: "1", transferMessage: nil)) }
        let values: [Any] = [credentials, client, signed, error!, config(nil)]
        for value in values {
            for printed in [String(describing: value), String(reflecting: value)] {
                XCTAssertFalse(printed.contains(SECRET), printed)
                XCTAssertFalse(printed.contains(TOKEN), printed)
            }
        }
        XCTAssertEqual(signed.header(name: "x-amz-security-token"), TOKEN)
    }

    func testSharedVectors() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["IOT_TRANSFER_VECTORS"] ?? "tests/vectors")
        let signing = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("signing.json"))) as! [[String: Any]]
        let formatter = ISO8601DateFormatter()
        for vector in signing {
            let name = vector["name"] as! String
            let cfg = vector["config"] as! [String: Any]
            let creds = vector["credentials"] as! [String: Any]
            let input = vector["input"] as! [String: Any]
            var clientConfig = config(cfg["endpointUrl"] as? String)
            clientConfig.region = cfg["region"] as! String
            clientConfig.useFips = cfg["useFips"] as! Bool
            clientConfig.useDualStack = cfg["useDualStack"] as! Bool
            let client = try! IotTransferClient(config: clientConfig, credentials: AwsCredentials(
                accessKeyId: creds["accessKeyId"] as! String, secretAccessKey: creds["secretAccessKey"] as! String,
                sessionToken: creds["sessionToken"] as? String))
            let signed = try signFromVector(client, "TransferCertificate", input, formatter.date(from: vector["time"] as! String)!)
            let expected = vector["expected"] as! [String: Any]
            XCTAssertEqual([signed.method(), signed.url(), signed.body()],
                           [expected["method"] as! String, expected["url"] as! String, expected["body"] as! String], name)
            let headers = signed.headerNames().filter { $0 != "user-agent" }.map { [$0, signed.header(name: $0)!] }
            XCTAssertEqual(headers, expected["headers"] as! [[String]], name)
        }
        let responses = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("responses.json"))) as! [[String: Any]]
        let server = ScriptedServer()
        defer { server.stop() }
        let client = try! IotTransferClient(config: config(server.url, maxAttempts: 1),
                                       credentials: AwsCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret"))
        for vector in responses {
            let name = vector["name"] as! String
            var headers = ["x-amzn-requestid": ""]
            for pair in (vector["headers"] as? [[String]]) ?? [] { headers[pair[0].lowercased()] = pair[1] }
            server.push(Reply(status: vector["status"] as! Int, body: vector["body"] as! String, headers: headers))
            let expected = vector["expected"] as! [String: Any]
            do {
                let output = try client.transferCertificateBlocking(
                    input: TransferCertificateInput(certificateId: String(repeating: "0", count: 64), targetAwsAccount: "123456789012", transferMessage: nil))
                XCTAssertEqual(output.transferredCertificateArn, expected["arn"] as? String, name)
            } catch let error as IotTransferError {
                let got = fields(error)
                XCTAssertEqual([got.kind, got.code, got.message], [expected["kind"] as! String, expected["code"] as! String, expected["message"] as! String], name)
                XCTAssertEqual(got.httpStatus.map { Int($0) }, expected["httpStatus"] as? Int, name)
                XCTAssertEqual(got.retryable, expected["retryable"] as! Bool, name)
            }
        }
    }
}
