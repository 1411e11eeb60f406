// A Kotlin app that knows iot-transfer only as the Maven artifact dev.iottransfer:iot-transfer:
// compiled and run with that jar and the jars its POM declares, nothing else (tests/kotlin-consumer/run.sh).
// Against the project's local IoT endpoint it transfers a certificate with the DSL, finds the pending
// transfer through a paginator Flow, catches the service's refusal of an ACTIVE certificate as its
// own type, and a panic in the library as an Internal error, then hands three certificates over in
// one batch through its Flow. Credentials come from the environment, as `fromEnvironment` reads them.

import dev.iottransfer.CertificateOutcome
import dev.iottransfer.CertificateStatus
import dev.iottransfer.IotTransferClient
import dev.iottransfer.IotTransferException
import dev.iottransfer.code
import dev.iottransfer.describeCertificate
import dev.iottransfer.errorMessage
import dev.iottransfer.fromEnvironment
import dev.iottransfer.handoverFlow
import dev.iottransfer.httpStatus
import dev.iottransfer.listOutgoingCertificatesPaginated
import dev.iottransfer.outgoingCertificates
import dev.iottransfer.transferCertificate
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking

const val TARGET_ACCOUNT = "444455556666"

val endpoint: String = System.getenv("IOT_EMULATOR_URL") ?: error("run through scripts/run/with-emulator.sh")

/** The body of the endpoint's admin API's answer to `POST /_emulator/<path>` with `body`. */
fun admin(path: String, body: String = ""): String {
    val request = HttpRequest.newBuilder(URI.create("$endpoint/_emulator/$path")).POST(HttpRequest.BodyPublishers.ofString(body)).build()
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body()
}

/** Seeds the endpoint's demo certificates: the IDs it answers, by role (`transferable`, `active`, ...). */
fun seedDemo(): Map<String, String> =
    Regex("\"(\\w+)\"\\s*:\\s*\"([0-9a-f]{64})\"").findAll(admin("seed-demo")).associate { it.groupValues[1] to it.groupValues[2] }

/** `count` new transferable certificates of the source account. */
fun newCertificates(count: Int): List<String> =
    Regex("[0-9a-f]{64}").findAll(admin("certificates", """{"accountId": "111122223333", "count": $count}""")).map { it.value }.toList()

fun main() = runBlocking {
    val demo = seedDemo()
    val transferable = demo["transferable"] ?: error("no transferable certificate in $demo")
    val active = demo["active"] ?: error("no active certificate in $demo")
    IotTransferClient.fromEnvironment {
        region = "us-east-1"
        endpointUrl = endpoint
    }.use { client ->
        val output = client.transferCertificate {
            certificateId = transferable
            targetAwsAccount = TARGET_ACCOUNT
            transferMessage = "from the Maven consumer"
        }
        check(output.transferredCertificateArn.endsWith(":cert/$transferable")) { output.toString() }
        check(output.metadata.httpStatus?.toInt() == 200 && output.metadata.attempts == 1u) { output.toString() }

        val pending = client.listOutgoingCertificatesPaginated { pageSize = 1 }.outgoingCertificates()
            .filter { it.certificateId == transferable }.toList()
        check(pending.map { it.transferredTo } == listOf(TARGET_ACCOUNT)) { pending.toString() }
        val described = client.describeCertificate { certificateId = transferable }.certificateDescription
        check(described.status == CertificateStatus.PendingTransfer) { described.toString() }

        val refused = try {
            client.transferCertificate { certificateId = active; targetAwsAccount = TARGET_ACCOUNT }
            error("an ACTIVE certificate was transferred")
        } catch (e: IotTransferException.CertificateState) {
            e
        }
        check(refused.code == "CertificateStateException" && refused.httpStatus?.toInt() == 406) { refused.toString() }

        // The library's panic boundary: a panic unwinds to a typed error, on whatever unwinder the
        // platform's library was linked with (Zig's, for the release jar), and the client lives on.
        val panicked = try {
            client.panicForTests()
            error("the panic was not reported")
        } catch (e: IotTransferException.Internal) {
            e
        }
        check(panicked.errorMessage.contains("panic")) { panicked.toString() }
        check(client.describeCertificate { certificateId = transferable }.metadata.httpStatus?.toInt() == 200)

        val fleet = newCertificates(3)
        val events = client.handoverFlow { certificates = fleet; targetAwsAccount = TARGET_ACCOUNT }
            .onEach { check(it.outcome is CertificateOutcome.Transferred) { it.toString() } }.toList()
        check(events.map { it.certificateId }.toSet() == fleet.toSet()) { events.toString() }
        val progress = events.last().progress
        check(progress.done == 3u && progress.remaining == 0u) { progress.toString() }
        println(
            "kotlin-consumer: transferred ${output.transferredCertificateArn}; an ACTIVE one is ${refused.code}; " +
                "a panic is ${panicked.code}; a handover of ${progress.total}: ${progress.done} transferred",
        )
    }
}
