// No crash crosses the boundary: a panic in the library, and a credentials provider that throws
// an error of its own, each end as a typed error; the client stays usable.

import Foundation
import IotTransfer
import XCTest

struct VaultSealed: Error {}

final class Throwing: CredentialsProvider, @unchecked Sendable {
    func provideCredentials() throws -> AwsCredentials { throw VaultSealed() }
}

final class BoundaryTests: XCTestCase {
    func testAPanicIsAnInternalErrorAndTheClientStaysUsable() async throws {
        let server = ScriptedServer([success(ARN)])
        defer { server.stop() }
        let transfer = client(server)
        do {
            try await transfer.panicForTests()
            XCTFail("expected an error")
        } catch let error as IotTransferError {
            let got = fields(error)
            XCTAssertEqual(got.kind, "Internal")
            XCTAssertTrue(got.message.contains("a panic requested by a test of the panic boundary"), got.message)
        }
        XCTAssertEqual(fields(transferError { try transfer.panicForTestsBlocking() }!).kind, "Internal")
        XCTAssertEqual(try transfer.transferCertificateBlocking(input: INPUT).transferredCertificateArn, ARN)
    }

    func testAProviderThrowingItsOwnErrorIsACredentialsError() {
        let server = ScriptedServer()
        defer { server.stop() }
        let transfer = try! IotTransferClient.withProvider(config: config(server.url), provider: Throwing())
        let got = fields(transferError { _ = try transfer.transferCertificateBlocking(input: INPUT) }!)
        XCTAssertEqual(got.kind, "Credentials")
        XCTAssertFalse(got.possiblyApplied)
        XCTAssertTrue(server.requests.isEmpty)
    }
}
