// Every other operation's response vectors (tests/vectors/operations.json) in Swift: the same
// output or error as in Rust, and as botocore parses them.

import Foundation
import IotTransfer
import XCTest

/// A certificate status as the service spells it: `.pendingTransfer` is `PENDING_TRANSFER`.
func wireName(_ status: CertificateStatus) -> String {
    String(describing: status).reduce(into: "") { name, c in
        if c.isUppercase { name += "_" }
        name += c.uppercased()
    }
}

/// A record in the vectors' form: absent members left out.
func present(_ members: [String: Any?]) -> [String: Any] {
    members.compactMapValues { $0 }
}

final class OperationVectorTests: XCTestCase {
    func testEveryOtherOperationsResponseVectors() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["IOT_TRANSFER_VECTORS"] ?? "tests/vectors")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("operations.json"))) as! [String: Any]
        let server = ScriptedServer()
        defer { server.stop() }
        let client = try! IotTransferClient(config: config(server.url, maxAttempts: 1),
                                            credentials: AwsCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: nil))
        let id = String(repeating: "0", count: 64)
        for vector in file["responses"] as! [[String: Any]] {
            let name = vector["name"] as! String
            var headers = ["x-amzn-requestid": ""]
            for pair in vector["headers"] as! [[String]] { headers[pair[0].lowercased()] = pair[1] }
            server.push(Reply(status: vector["status"] as! Int, body: vector["body"] as! String, headers: headers))
            var outcome: [String: Any]
            do {
                var output: [String: Any] = [:]
                switch vector["operation"] as! String {
                case "AcceptCertificateTransfer":
                    _ = try client.acceptCertificateTransferBlocking(input: AcceptCertificateTransferInput(certificateId: id, setAsActive: nil))
                case "RejectCertificateTransfer":
                    _ = try client.rejectCertificateTransferBlocking(input: RejectCertificateTransferInput(certificateId: id, rejectReason: nil))
                case "CancelCertificateTransfer":
                    _ = try client.cancelCertificateTransferBlocking(input: CancelCertificateTransferInput(certificateId: id))
                case "UpdateCertificate":
                    _ = try client.updateCertificateBlocking(input: UpdateCertificateInput(certificateId: id, newStatus: .inactive))
                case "DetachPolicy":
                    _ = try client.detachPolicyBlocking(input: DetachPolicyInput(policyName: "p", target: "t"))
                case "ListCertificates":
                    let page = try client.listCertificatesBlocking(input: ListCertificatesInput(pageSize: nil, marker: nil, ascendingOrder: nil))
                    output = present([
                        "certificates": page.certificates.map { c in
                            present([
                                "certificateArn": c.certificateArn, "certificateId": c.certificateId,
                                "status": c.status.map(wireName), "certificateMode": c.certificateMode,
                                "creationDate": c.creationDate?.timeIntervalSince1970,
                            ])
                        },
                        "nextMarker": page.nextMarker,
                    ])
                case "ListAttachedPolicies":
                    let page = try client.listAttachedPoliciesBlocking(input: ListAttachedPoliciesInput(target: "t", recursive: nil, marker: nil, pageSize: nil))
                    output = present([
                        "policies": page.policies.map { p in present(["policyName": p.policyName, "policyArn": p.policyArn]) },
                        "nextMarker": page.nextMarker,
                    ])
                default:
                    XCTFail("no operation \(vector["operation"]!)")
                }
                outcome = ["output": output]
            } catch let error as IotTransferError {
                let got = fields(error)
                outcome = ["error": ["code": got.code, "kind": got.kind, "message": got.message]]
            }
            XCTAssertTrue(NSDictionary(dictionary: outcome).isEqual(to: vector["expected"] as! [String: Any]), "\(name): \(outcome)")
        }
    }

    /// An operation's request from its vector's model-named input, signed for `time` by its generated `sign…` method.
    func signOperation(_ client: IotTransferClient, _ operation: String, _ input: [String: Any], _ time: Date) throws -> SignedRequest {
        let text = { (name: String) in input[name] as? String }
        let flag = { (name: String) in input[name] as? Bool }
        let count = { (name: String) in (input[name] as? NSNumber)?.int32Value }
        let id = text("certificateId") ?? ""
        switch operation {
        case "AcceptCertificateTransfer":
            return try client.signAcceptCertificateTransferBlocking(input: AcceptCertificateTransferInput(certificateId: id, setAsActive: flag("setAsActive")), signingTime: time)
        case "RejectCertificateTransfer":
            return try client.signRejectCertificateTransferBlocking(input: RejectCertificateTransferInput(certificateId: id, rejectReason: text("rejectReason")), signingTime: time)
        case "CancelCertificateTransfer":
            return try client.signCancelCertificateTransferBlocking(input: CancelCertificateTransferInput(certificateId: id), signingTime: time)
        case "DescribeCertificate":
            return try client.signDescribeCertificateBlocking(input: DescribeCertificateInput(certificateId: id), signingTime: time)
        case "UpdateCertificate":
            XCTAssertEqual(text("newStatus"), "INACTIVE", "a status this test does not map")
            return try client.signUpdateCertificateBlocking(input: UpdateCertificateInput(certificateId: id, newStatus: .inactive), signingTime: time)
        case "ListCertificates":
            let list = ListCertificatesInput(pageSize: count("pageSize"), marker: text("marker"), ascendingOrder: flag("ascendingOrder"))
            return try client.signListCertificatesBlocking(input: list, signingTime: time)
        case "ListOutgoingCertificates":
            let list = ListOutgoingCertificatesInput(pageSize: count("pageSize"), marker: text("marker"), ascendingOrder: flag("ascendingOrder"))
            return try client.signListOutgoingCertificatesBlocking(input: list, signingTime: time)
        case "ListAttachedPolicies":
            let list = ListAttachedPoliciesInput(target: text("target") ?? "", recursive: flag("recursive"), marker: text("marker"), pageSize: count("pageSize"))
            return try client.signListAttachedPoliciesBlocking(input: list, signingTime: time)
        case "DetachPolicy":
            return try client.signDetachPolicyBlocking(input: DetachPolicyInput(policyName: text("policyName") ?? "", target: text("target") ?? ""), signingTime: time)
        default:
            throw NSError(domain: "no signing case for \(operation)", code: 1)
        }
    }

    func testEveryOperationsSigningVectorsByItsGeneratedSignMethod() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["IOT_TRANSFER_VECTORS"] ?? "tests/vectors")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("operations.json"))) as! [String: Any]
        let creds = file["credentials"] as! [String: String]
        var settings = config(nil)
        settings.region = file["region"] as? String
        let client = try IotTransferClient(config: settings, credentials: AwsCredentials(
            accessKeyId: creds["accessKeyId"]!, secretAccessKey: creds["secretAccessKey"]!, sessionToken: creds["sessionToken"]))
        let time = ISO8601DateFormatter().date(from: file["time"] as! String)!
        for vector in file["signing"] as! [[String: Any]] {
            let name = vector["name"] as! String
            let signed = try signOperation(client, vector["operation"] as! String, vector["input"] as! [String: Any], time)
            let expected = vector["expected"] as! [String: Any]
            XCTAssertEqual([signed.method(), signed.url(), signed.body()],
                           [expected["method"] as! String, expected["url"] as! String, expected["body"] as! String], name)
            let headers = signed.headerNames().filter { $0 != "user-agent" }.map { [$0, signed.header(name: $0) ?? ""] }
            XCTAssertEqual(headers, expected["headers"] as! [[String]], name)
        }
    }
}
