// Every other operation's vectors (tests/vectors/operations.json) in Swift, through the tests'
// side of the vectors written from the core's declarations (VectorCalls.swift, codegen
// `iot-transfer-generate swift-tests`): the same requests, outputs and errors as in Rust, and as
// botocore signs and parses them.

import Foundation
import IotTransfer
import XCTest

final class OperationVectorTests: XCTestCase {
    func vectors() throws -> [String: Any] {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["IOT_TRANSFER_VECTORS"] ?? "tests/vectors")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("operations.json"))) as! [String: Any]
    }

    func testEveryOtherOperationsResponseVectors() throws {
        let file = try vectors()
        let server = ScriptedServer()
        defer { server.stop() }
        let client = try! IotTransferClient(config: config(server.url, maxAttempts: 1),
                                            credentials: AwsCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: nil))
        for vector in file["responses"] as! [[String: Any]] {
            let name = vector["name"] as! String
            var headers = ["x-amzn-requestid": ""]
            for pair in vector["headers"] as! [[String]] { headers[pair[0].lowercased()] = pair[1] }
            server.push(Reply(status: vector["status"] as! Int, body: vector["body"] as! String, headers: headers))
            var outcome: [String: Any]
            do {
                outcome = ["output": try callFromVector(client, vector["operation"] as! String, vector["input"] as! [String: Any])]
            } catch let error as IotTransferError {
                let got = fields(error)
                outcome = ["error": ["code": got.code, "kind": got.kind, "message": got.message]]
            }
            XCTAssertTrue(NSDictionary(dictionary: outcome).isEqual(to: vector["expected"] as! [String: Any]), "\(name): \(outcome)")
        }
    }

    func testEveryOperationsSigningVectorsByItsGeneratedSignMethod() throws {
        let file = try vectors()
        let creds = file["credentials"] as! [String: String]
        var settings = config(nil)
        settings.region = file["region"] as? String
        let client = try IotTransferClient(config: settings, credentials: AwsCredentials(
            accessKeyId: creds["accessKeyId"]!, secretAccessKey: creds["secretAccessKey"]!, sessionToken: creds["sessionToken"]))
        let time = ISO8601DateFormatter().date(from: file["time"] as! String)!
        let signing = file["signing"] as! [[String: Any]]
        XCTAssertEqual(Set(signing.map { $0["operation"] as! String }), Set(declaredOperations.filter { $0 != "TransferCertificate" }),
                       "every operation but TransferCertificate (signing.json) has signing vectors here")
        for vector in signing {
            let name = vector["name"] as! String
            let signed = try signFromVector(client, vector["operation"] as! String, vector["input"] as! [String: Any], time)
            let expected = vector["expected"] as! [String: Any]
            XCTAssertEqual([signed.method(), signed.url(), signed.body()],
                           [expected["method"] as! String, expected["url"] as! String, expected["body"] as! String], name)
            let headers = signed.headerNames().filter { $0 != "user-agent" }.map { [$0, signed.header(name: $0) ?? ""] }
            XCTAssertEqual(headers, expected["headers"] as! [[String]], name)
        }
    }
}
