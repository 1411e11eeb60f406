// Cancelling a call: a Swift task's cancellation (through each operation's cancellingWithTask: form)
// and a CancellationToken both stop the retries and the attempt in flight, and the error says
// whether the transfer may have been applied.

import Foundation
import IotTransfer
import XCTest

func waitFor(_ condition: () -> Bool) {
    let deadline = Date().addingTimeInterval(5)
    while !condition() {
        precondition(Date() < deadline, "timed out waiting")
        usleep(10_000)
    }
}

final class CancellationTests: XCTestCase {
    func testCancellingTheTaskEndsTheCallWithACancelledError() async throws {
        var slow = success(ARN)
        slow.delayMs = 3000
        let server = ScriptedServer([slow, slow, slow])
        defer { server.stop() }
        let transfer = client(server, attemptTimeoutMs: 300)
        let task = Task { try await transfer.transferCertificate(cancellingWithTask: INPUT) }
        waitFor { server.requests.count == 1 }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected a cancellation")
        } catch let error as IotTransferError {
            let got = fields(error)
            XCTAssertEqual(got.kind, "Cancelled")
            XCTAssertTrue(got.possiblyApplied)
            XCTAssertEqual(got.attempts, 1)
        }
        usleep(800_000)
        XCTAssertEqual(server.requests.count, 1, "no retry after the cancellation")
    }

    func testEveryOperationIsCancelledWithItsTask() async throws {
        var slow = Reply(body: "{\"certificateDescription\":{\"status\":\"ACTIVE\"}}")
        slow.delayMs = 3000
        let server = ScriptedServer([slow])
        defer { server.stop() }
        let describe = client(server)
        let task = Task { try await describe.describeCertificate(cancellingWithTask: DescribeCertificateInput(certificateId: ID)) }
        waitFor { server.requests.count == 1 }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected a cancellation")
        } catch let error as IotTransferError {
            XCTAssertEqual(error.kind, "Cancelled")
            XCTAssertFalse(error.possiblyApplied, "a describe changes nothing")
        }
    }

    func testCancellingTheTokenEndsABlockingCall() throws {
        var slow = success(ARN)
        slow.delayMs = 3000
        let server = ScriptedServer([slow])
        defer { server.stop() }
        let token = CancellationToken()
        Thread.detachNewThread {
            waitFor { server.requests.count == 1 }
            token.cancel()
        }
        let got = fields(transferError { _ = try client(server).transferCertificateBlocking(input: INPUT, cancellation: token) }!)
        XCTAssertEqual(got.kind, "Cancelled")
        XCTAssertTrue(got.possiblyApplied && token.possiblyApplied())
    }
}
