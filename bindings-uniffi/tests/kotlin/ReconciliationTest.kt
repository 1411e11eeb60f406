// Against the project's local IoT endpoint (IOT_EMULATOR_URL, set by scripts/run/with-emulator.sh): a
// lost response, an attempt slower than its timeout and a call slower than its timeout end in the
// truth about the transfer, checked with the endpoint's own record.

import com.google.gson.Gson
import com.google.gson.JsonObject
import dev.iottransfer.*
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import kotlinx.coroutines.runBlocking

const val EMULATOR_TARGET = "444455556666"

object Emulator {
    val url: String = System.getenv("IOT_EMULATOR_URL")
        ?: error("run the tests through scripts/run/with-emulator.sh, which sets IOT_EMULATOR_URL")
    private val http = HttpClient.newHttpClient()

    fun admin(method: String, path: String, body: String? = null): JsonObject? {
        val publisher = body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody()
        val request = HttpRequest.newBuilder(URI.create("$url/_emulator/$path")).method(method, publisher).build()
        val text = http.send(request, HttpResponse.BodyHandlers.ofString()).body()
        return Gson().fromJson(text, JsonObject::class.java)
    }

    fun transferableCertificate(): String = admin("POST", "seed-demo")!!["transferable"].asString

    fun setFaults(json: String) {
        admin("POST", "faults", json)
    }

    fun clearFaults() {
        admin("DELETE", "faults")
    }

    /** (status, pending target) as the endpoint records the certificate. */
    fun recorded(id: String): Pair<String, String?> {
        val certificate = admin("GET", "state")!!["certificates"].asJsonArray.map { it.asJsonObject }
            .single { it["certificateId"].asString == id }
        val status = certificate["status"].asString
        val target = certificate["transfer"]?.takeIf { status == "PENDING_TRANSFER" }?.asJsonObject?.get("targetAccount")?.asString
        return status to target
    }
}

fun emulatorClient(attemptTimeoutMs: Long? = null, callTimeoutMs: Long? = null) = IotTransferClient(
    ClientConfig(
        region = "us-east-1", endpointUrl = Emulator.url, useFips = false, useDualStack = false, maxAttempts = 3L,
        retryBaseDelayMs = 10L, useRetryQuota = true, connectTimeoutMs = 3100L, attemptTimeoutMs = attemptTimeoutMs,
        callTimeoutMs = callTimeoutMs, appName = null,
    ),
    AwsCredentials("AKIAEMULATORSOURCE", "emulator-source-secret", null, null),
)

fun withoutFaultsAfter(test: () -> Unit) = try {
    test()
} finally {
    Emulator.clearFaults()
}

fun aDroppedResponseIsTheTransferItWas() = withoutFaultsAfter {
    val id = Emulator.transferableCertificate()
    Emulator.setFaults("""{"script":[{"operation":"TransferCertificate","fault":"dropResponse"}]}""")
    val output = runBlocking { emulatorClient().transferCertificate(TransferCertificateInput(id, EMULATOR_TARGET, null)) }
    check(output.metadata.reconciled && output.metadata.attempts == 2u) { output.toString() }
    check(output.transferredCertificateArn.endsWith("cert/$id"))
    check(Emulator.recorded(id) == ("PENDING_TRANSFER" to EMULATOR_TARGET))
}

fun anAttemptSlowerThanItsTimeoutEndsInTheTruth() = withoutFaultsAfter {
    val id = Emulator.transferableCertificate()
    Emulator.setFaults("""{"script":[{"operation":"TransferCertificate","fault":"latency","latencyMs":600}]}""")
    val output = emulatorClient(attemptTimeoutMs = 150L).transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
    check(output.metadata.attempts == 2u)
    Thread.sleep(700)
    check(Emulator.recorded(id) == ("PENDING_TRANSFER" to EMULATOR_TARGET))
}

fun aCallSlowerThanItsTimeoutSaysItMayHaveHappened() = withoutFaultsAfter {
    val id = Emulator.transferableCertificate()
    Emulator.setFaults("""{"latencyMs":800,"operations":["TransferCertificate"]}""")
    val error = assertThrows<IotTransferException.Timeout> {
        emulatorClient(callTimeoutMs = 300L).transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
    }
    check(error.possiblyApplied && error.hint!!.contains("DescribeCertificate")) { error.toString() }
}

fun aSecondTransferIsExplainedNotUndone() = withoutFaultsAfter {
    val id = Emulator.transferableCertificate()
    val client = emulatorClient()
    client.transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
    val error = assertThrows<IotTransferException.CertificateState> {
        client.transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
    }
    check(error.reconciled && !error.possiblyApplied)
    check(error.hint!!.contains("already PENDING_TRANSFER to account $EMULATOR_TARGET") && !error.hint!!.lowercase().contains("cancel"))
}

fun reconciliationTests() = linkedMapOf<String, () -> Unit>(
    "a dropped response is the transfer it was" to ::aDroppedResponseIsTheTransferItWas,
    "an attempt slower than its timeout ends in the truth" to ::anAttemptSlowerThanItsTimeoutEndsInTheTruth,
    "a call slower than its timeout says it may have happened" to ::aCallSlowerThanItsTimeoutSaysItMayHaveHappened,
    "a second transfer is explained, not undone" to ::aSecondTransferIsExplainedNotUndone,
)
