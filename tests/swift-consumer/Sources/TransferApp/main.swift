// A command-line app on the package: settings from the environment (the SDKs' default chain:
// AWS_REGION, AWS_ENDPOINT_URL_IOT, the key pair), then the calls an operator script makes.
// Usage: TransferApp CERTIFICATE_ID [HANDOVER_ID...] — lists the account's certificates, then
// describes one, printing what it finds or the typed error; then hands the other certificates
// over to account 444455556666 in one batch, printing each outcome and the final progress; exits 1
// on any other failure.
import Foundation
import IotTransfer

@main
struct TransferApp {
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        guard let certificateId = arguments.first else {
            print("usage: TransferApp CERTIFICATE_ID")
            exit(2)
        }
        do {
            let client = try IotTransferClient.fromEnvironment()
            var count = 0
            for try await page in client.listCertificatesPaginated() {
                count += page.certificates.count
            }
            print("certificates: \(count)")
            let described = try await client.describeCertificate(input: DescribeCertificateInput(certificateId: certificateId))
            print("status: \(described.certificateDescription.status.map { "\($0)" } ?? "unknown")")
            let handover = HandoverInput(certificates: Array(arguments.dropFirst()), targetAwsAccount: "444455556666")
            if !handover.certificates.isEmpty {
                var last: BatchProgress?
                for try await event in client.handoverEvents(input: handover) {
                    print("handed over: \(event.certificateId) \(event.outcome)")
                    last = event.progress
                }
                print("handover: \(last?.done ?? 0) transferred, \(last?.remaining ?? 0) remaining")
            }
        } catch let error as IotTransferError {
            print("error: \(error)")
        } catch {
            print("failed: \(error)")
            exit(1)
        }
    }
}
