// The batches through their generated AsyncSequences against the project's local IoT endpoint: a
// handover with a journal file, its rerun skipping everything, a cancelled task that still
// receives what was in flight, a loop left early whose calls in flight finish in the background,
// and the target accepting every transfer offered to it.

import Foundation
import IotTransfer
import XCTest

let EMULATOR_SOURCE = "111122223333"

/// The batch helpers over the endpoint's admin API and a journal file.
enum Batches {
    /// `count` new INACTIVE certificates of the source account.
    static func bulk(_ count: Int) -> [String] {
        Emulator.admin("POST", "certificates", #"{"accountId":"\#(EMULATOR_SOURCE)","count":\#(count)}"#)["certificateIds"] as! [String]
    }

    /// A journal file that does not exist yet, in a new temporary folder.
    static func newJournal() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iot-transfer-batch-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("run.jsonl").path
    }

    /// The journal's entries after its header (complete lines only).
    static func entries(_ journal: String) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The certificates of the journal's entries of `event` (and of `outcome`, when given).
    static func recorded(_ journal: String, _ event: String, outcome: String? = nil) -> Set<String> {
        Set(entries(journal).filter { $0["event"] as? String == event && (outcome == nil || $0["outcome"] as? String == outcome) }
            .map { $0["certificateId"] as! String })
    }

    /// The certificates of `ids` the endpoint applied a TransferCertificate to, once per call.
    static func applied(_ ids: [String]) -> [String] {
        let calls = Emulator.admin("GET", "calls?operation=TransferCertificate")["calls"] as! [[String: Any]]
        return calls.filter { $0["outcome"] as? String == "applied" && ids.contains($0["certificateId"] as? String ?? "") }
            .map { $0["certificateId"] as! String }
    }

    static func input(_ ids: [String], _ journal: String?, maxConcurrency: UInt32 = 4) -> HandoverInput {
        HandoverInput(certificates: ids, targetAwsAccount: EMULATOR_TARGET, maxConcurrency: maxConcurrency, journal: journal)
    }
}

final class BatchTests: XCTestCase {
    /// What a batch stopped early must leave: every transfer the endpoint applied has its
    /// `Transferred` outcome in the journal, once; every call recorded as sent has an outcome; and
    /// the stop kept some certificates from being started.
    func assertNothingLeftUnknown(_ ids: [String], _ journal: String, file: StaticString = #filePath, line: UInt = #line) {
        let applied = Batches.applied(ids)
        XCTAssertEqual(applied.count, Set(applied).count, "a certificate was transferred twice", file: file, line: line)
        XCTAssertEqual(Set(applied), Batches.recorded(journal, "outcome", outcome: "Transferred"), file: file, line: line)
        let sent = Batches.recorded(journal, "sending")
        XCTAssertTrue(sent.isSubset(of: Batches.recorded(journal, "outcome")), "sent without an outcome", file: file, line: line)
        XCTAssertTrue((1..<ids.count).contains(applied.count), "\(applied.count) of \(ids.count) transferred", file: file, line: line)
    }

    func testAHandoverTransfersEveryCertificateAndItsRerunSkipsThem() async throws {
        let ids = Batches.bulk(5)
        let journal = Batches.newJournal()
        let events = emulatorClient().handoverEvents(input: Batches.input(ids, journal))
        var transferred: [BatchEvent] = []
        for try await event in events {
            transferred.append(event)
        }
        XCTAssertEqual(Set(transferred.map { $0.certificateId }), Set(ids))
        for event in transferred {
            guard case .transferred = event.outcome else { return XCTFail("\(event.outcome)") }
        }
        let last = try XCTUnwrap(transferred.last).progress
        XCTAssertEqual([last.total, last.done, last.remaining, last.failed], [5, 5, 0, 0])
        XCTAssertGreaterThan(last.requestsPerSecond, 0)
        XCTAssertEqual(Batches.recorded(journal, "outcome", outcome: "Transferred"), Set(ids))

        // Each loop is a new batch: the same sequence again is a rerun, which the journal skips.
        var skipped: [BatchEvent] = []
        for try await event in events {
            skipped.append(event)
        }
        XCTAssertEqual(skipped.count, 5)
        for event in skipped {
            guard case .skipped = event.outcome else { return XCTFail("\(event.outcome)") }
        }
        XCTAssertEqual(skipped.last?.progress.skipped, 5)
        XCTAssertEqual(skipped.last?.progress.remaining, 0)
        XCTAssertEqual(Batches.applied(ids).count, 5, "the rerun sent no transfer")
    }

    func testCancellingTheTaskStopsTheBatchAndYieldsWhatWasInFlight() async throws {
        let ids = Batches.bulk(12)
        let journal = Batches.newJournal()
        let events = emulatorClient().handoverEvents(input: Batches.input(ids, journal, maxConcurrency: 2))
        let loop = Task { () throws -> [String] in
            var seen: [String] = []
            for try await event in events {
                seen.append(event.certificateId)
                if seen.count == 1 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return seen
        }
        let seen = try await loop.value
        assertNothingLeftUnknown(ids, journal)
        // The loop received every outcome the journal records, those in flight at the cancellation included.
        XCTAssertEqual(Set(seen), Batches.recorded(journal, "outcome"))
        XCTAssertGreaterThan(seen.count, 1)
    }

    func testLeavingTheLoopEarlyFinishesWhatWasInFlightInTheBackground() async throws {
        let ids = Batches.bulk(12)
        let journal = Batches.newJournal()
        for try await event in emulatorClient().handoverEvents(input: Batches.input(ids, journal, maxConcurrency: 2)) {
            guard case .transferred = event.outcome else { return XCTFail("\(event.outcome)") }
            break
        }
        // The calls in flight finish in a background task: wait until the journal stops growing.
        var (lines, quietSince) = (-1, Date())
        while Date().timeIntervalSince(quietSince) < 1.5 {
            usleep(100_000)
            let now = Batches.entries(journal).count
            if now != lines { (lines, quietSince) = (now, Date()) }
        }
        assertNothingLeftUnknown(ids, journal)
    }

    func testTheTargetAcceptsEveryTransferOffered() async throws {
        let ids = Batches.bulk(5)
        for try await event in emulatorClient().handoverEvents(input: Batches.input(ids, nil)) {
            guard case .transferred = event.outcome else { return XCTFail("\(event.outcome)") }
        }
        var accepted: [BatchEvent] = []
        for try await event in targetClient().acceptTransfersEvents(input: IncomingTransfersInput(fromAccount: EMULATOR_SOURCE)) {
            accepted.append(event)
        }
        XCTAssertTrue(Set(accepted.map { $0.certificateId }).isSuperset(of: ids))
        XCTAssertEqual(accepted.map { $0.outcome }, accepted.map { _ in CertificateOutcome.accepted(reconciled: false) })
        XCTAssertEqual(accepted.last?.progress.remaining, 0)
        let owned = try targetClient().describeCertificateBlocking(input: DescribeCertificateInput(certificateId: ids[0]), cancellation: nil)
        XCTAssertEqual(owned.certificateDescription.ownedBy, EMULATOR_TARGET)
    }
}
