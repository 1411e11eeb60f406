// A status as the service spells it, both ways and when printed, from the generated `wireName`,
// `init(wireName:)` and `description`.

import IotTransfer
import XCTest

final class StatusTests: XCTestCase {
    func testAStatusHasItsWireNameBothWaysAndPrintsIt() {
        XCTAssertEqual(CertificateStatus.pendingTransfer.wireName, "PENDING_TRANSFER")
        XCTAssertEqual(CertificateStatus(wireName: "INACTIVE"), .inactive)
        XCTAssertEqual(CertificateStatus(wireName: "QUARANTINED"), .unknown("QUARANTINED"))
        XCTAssertEqual("\(CertificateStatus.active)", "ACTIVE")
        XCTAssertEqual("\(CertificateStatus.unknown("QUARANTINED"))", "QUARANTINED")
    }
}
