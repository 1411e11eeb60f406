// The shared bad-input table (tests/vectors/bad-input.json) in Swift: each row a Swift caller can
// write is a Validation error naming the member and its rule, and nothing is sent.

import Foundation
import IotTransfer
import XCTest

/// A table string: itself, or `{"repeat", "times"}`.
func tableText(_ value: Any) -> String {
    if let text = value as? String { return text }
    let spec = value as! [String: Any]
    return String(repeating: spec["repeat"] as! String, count: spec["times"] as! Int)
}

final class BadInputTests: XCTestCase {
    func testTheBadInputTable() throws {
        let vectors = ProcessInfo.processInfo.environment["IOT_TRANSFER_VECTORS"]!
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(vectors)/bad-input.json"))
        let table = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let rows = (table["inputs"] as! [[String: Any]]).filter { row in
            (row["only"] as? [String]).map { $0.contains("swift") } ?? true
        }
        XCTAssertGreaterThanOrEqual(rows.count, 7)
        let server = ScriptedServer()
        defer { server.stop() }
        let transfer = client(server)
        for row in rows {
            let name = row["name"] as! String
            let members = row["input"] as! [String: Any]
            let input = TransferCertificateInput(
                certificateId: members["certificateId"].map(tableText) ?? ID,
                targetAwsAccount: members["targetAwsAccount"].map(tableText) ?? "444455556666",
                transferMessage: members["transferMessage"].map(tableText))
            let error = transferError { _ = try transfer.transferCertificateBlocking(input: input) }!
            guard case .Validation = error, let validation = error.validation else {
                XCTFail("\(name): \(error)")
                continue
            }
            let (field, rule, message) = (validation.field, validation.rule, error.message)
            XCTAssertEqual(field, row["field"] as! String, name)
            XCTAssertTrue(rule.hasPrefix(row["rule"] as! String), "\(name): \(rule)")
            XCTAssertLessThan(message.count, 300, "\(name): the message repeats the value")
        }
        XCTAssertTrue(server.requests.isEmpty)
    }
}
