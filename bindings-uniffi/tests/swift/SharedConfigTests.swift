// Configuration from where the AWS SDKs find it: `IotTransferClient.fromEnvironment()` reads the
// process environment and the shared files through the core's aws-config chain.

import Foundation
import IotTransfer
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class SharedConfigTests: XCTestCase {
    private static let awsVariables = [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IOT",
        "AWS_EC2_METADATA_DISABLED",
    ]

    /// Runs `test` with exactly `variables` of the AWS ones set (and IMDS off), then unsets them.
    private func withEnvironment(_ variables: [String: String], _ test: () throws -> Void) rethrows {
        Self.awsVariables.forEach { unsetenv($0) }
        setenv("AWS_EC2_METADATA_DISABLED", "true", 1)
        variables.forEach { setenv($0.key, $0.value, 1) }
        defer { Self.awsVariables.forEach { unsetenv($0) } }
        try test()
    }

    /// Transfers a fresh certificate of the source account: only its credentials can.
    private func transferWith(_ client: IotTransferClient) throws {
        let id = Emulator.transferableCertificate()
        let output = try client.transferCertificateBlocking(
            input: TransferCertificateInput(certificateId: id, targetAwsAccount: EMULATOR_TARGET, transferMessage: nil))
        XCTAssertTrue(output.transferredCertificateArn.hasSuffix(id))
        XCTAssertEqual(Emulator.recorded(id), ["PENDING_TRANSFER", EMULATOR_TARGET])
    }

    func testKeysAndTheIotEndpointFromTheEnvironment() throws {
        try withEnvironment([
            "AWS_ACCESS_KEY_ID": "AKIAEMULATORSOURCE", "AWS_SECRET_ACCESS_KEY": "emulator-source-secret",
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_ENDPOINT_URL_IOT": Emulator.url,
        ]) {
            try transferWith(IotTransferClient.fromEnvironment())
        }
    }

    func testANamedProfileGivesRegionKeysAndEndpoint() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("iot-transfer-config-\(getpid())")
        try ("[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIAEMULATORSOURCE\n"
            + "aws_secret_access_key = emulator-source-secret\nservices = local\n\n"
            + "[services local]\niot =\n  endpoint_url = \(Emulator.url)\n").write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        try withEnvironment(["AWS_CONFIG_FILE": config.path, "AWS_PROFILE": "dev"]) {
            try transferWith(IotTransferClient.fromEnvironment())
        }
        try withEnvironment(["AWS_CONFIG_FILE": config.path]) {
            try transferWith(IotTransferClient.fromEnvironment(config: ClientConfig(profile: "dev")))
        }
    }

    func testNoCredentialsAnywhereIsACredentialsError() throws {
        try withEnvironment(["AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_IOT": Emulator.url, "AWS_CONFIG_FILE": "/nonexistent"]) {
            let id = Emulator.transferableCertificate()
            XCTAssertThrowsError(try IotTransferClient.fromEnvironment().transferCertificateBlocking(
                input: TransferCertificateInput(certificateId: id, targetAwsAccount: EMULATOR_TARGET, transferMessage: nil))) { error in
                guard let typed = error as? IotTransferError, case .Credentials = typed else { return XCTFail("\(error)") }
            }
            XCTAssertEqual(Emulator.recorded(id), ["INACTIVE", nil])
        }
    }
}
