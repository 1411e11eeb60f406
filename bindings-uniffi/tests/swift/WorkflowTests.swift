// The whole certificate-transfer workflow from Swift against the project's local IoT endpoint,
// with a client for each account: preflight, prepare, the target's view through a paginator's
// AsyncSequence, accept, reject, cancel, and a lost cancel reported as done.

import Foundation
import IotTransfer
import XCTest

func targetClient() -> IotTransferClient {
    try! IotTransferClient(
        config: ClientConfig(region: "us-east-1", endpointUrl: Emulator.url, useFips: false, useDualStack: false, maxAttempts: 3,
                             retryBaseDelayMs: 5, useRetryQuota: true, connectTimeoutMs: 3100, attemptTimeoutMs: nil,
                             callTimeoutMs: nil, appName: nil),
        credentials: AwsCredentials(accessKeyId: "AKIAEMULATORTARGET", secretAccessKey: "emulator-target-secret", sessionToken: nil))
}

final class WorkflowTests: XCTestCase {
    override func tearDown() {
        Emulator.clearFaults()
    }

    func testPreflightNamesTheBlockersAndPrepareClearsOnlyWhatItMay() async throws {
        let demo = Emulator.admin("POST", "seed-demo")
        let active = demo["active"] as! String
        let source = emulatorClient()
        let check = try await source.checkTransfer(input: CheckTransferInput(certificateId: active, targetAwsAccount: EMULATOR_TARGET))
        XCTAssertEqual(check.blockers, [.active])
        let withPolicy = try source.checkTransferBlocking(input: CheckTransferInput(certificateId: demo["withPolicy"] as! String, targetAwsAccount: EMULATOR_TARGET))
        XCTAssertEqual(withPolicy.blockers, [.policiesAttached(policyNames: ["emulator-demo-device-policy"])])
        let refused = try source.prepareAndTransferBlocking(input: PrepareAndTransferInput(certificateId: active, targetAwsAccount: EMULATOR_TARGET))
        XCTAssertNil(refused.transfer)
        XCTAssertEqual(refused.remainingBlockers, [.active])
        XCTAssertEqual(Emulator.recorded(active), ["ACTIVE", nil])
        let report = try await source.prepareAndTransfer(input: PrepareAndTransferInput(certificateId: active, targetAwsAccount: EMULATOR_TARGET, deactivate: true))
        XCTAssertEqual(report.steps.map { $0.action }, [.deactivate, .transfer])
        XCTAssertEqual(Emulator.recorded(active), ["PENDING_TRANSFER", EMULATOR_TARGET])
    }

    func testTheTargetSeesAcceptsAndOwnsIt() async throws {
        let id = Emulator.transferableCertificate()
        let (source, target) = (emulatorClient(), targetClient())
        _ = try source.transferCertificateBlocking(input: transferInput(id))
        let paginator = target.listCertificatesPaginator(input: ListCertificatesInput(pageSize: 1, marker: nil, ascendingOrder: nil))
        var offered: [Certificate] = []
        for try await page in Pages(paginator.nextPage) {
            offered += page.certificates.filter { $0.certificateId == id }
        }
        XCTAssertEqual(offered.map { $0.status }, [.pendingTransfer])
        let accepted = try await target.acceptCertificateTransfer(input: AcceptCertificateTransferInput(certificateId: id, setAsActive: true), cancellation: nil)
        XCTAssertEqual(accepted.metadata.httpStatus, 200)
        XCTAssertFalse(accepted.metadata.reconciled)
        let described = try target.describeCertificateBlocking(input: DescribeCertificateInput(certificateId: id), cancellation: nil)
        XCTAssertEqual(described.certificateDescription.ownedBy, EMULATOR_TARGET)
        XCTAssertEqual(described.certificateDescription.status, .active)
        let again = fields(transferError {
            _ = try target.acceptCertificateTransferBlocking(input: AcceptCertificateTransferInput(certificateId: id, setAsActive: nil), cancellation: nil)
        }!)
        XCTAssertEqual(again.kind, "TransferAlreadyCompleted")
        XCTAssertTrue(again.hint!.contains("already ended before this call"), again.hint!)
        XCTAssertFalse(again.possiblyApplied)
    }

    func testRejectCancelAndALostCancel() async throws {
        let id = Emulator.transferableCertificate()
        let (source, target) = (emulatorClient(), targetClient())
        _ = try source.transferCertificateBlocking(input: transferInput(id))
        _ = try target.rejectCertificateTransferBlocking(input: RejectCertificateTransferInput(certificateId: id, rejectReason: "not ours"), cancellation: nil)
        let described = try source.describeCertificateBlocking(input: DescribeCertificateInput(certificateId: id), cancellation: nil)
        XCTAssertEqual(described.certificateDescription.transferData?.rejectReason, "not ours")
        _ = try source.transferCertificateBlocking(input: transferInput(id))
        Emulator.setFaults(#"{"script":[{"operation":"CancelCertificateTransfer","fault":"dropResponse"}]}"#)
        let cancelled = try await source.cancelCertificateTransfer(input: CancelCertificateTransferInput(certificateId: id), cancellation: nil)
        XCTAssertTrue(cancelled.metadata.reconciled)
        XCTAssertEqual(cancelled.metadata.attempts, 2)
        XCTAssertEqual(Emulator.recorded(id), ["INACTIVE", nil])
    }
}
