// The batches through their generated Flows against the project's local IoT endpoint: a handover
// with a journal file, its rerun skipping everything, collections ended early (cancelled, `take`)
// that leave no transfer unknown, and the target accepting every transfer offered to it.

import com.google.gson.Gson
import com.google.gson.JsonObject
import dev.iottransfer.*
import java.io.File
import java.nio.file.Files
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

const val EMULATOR_SOURCE = "111122223333"

/** `count` new INACTIVE certificates of the source account, created by the endpoint's admin API. */
fun bulkCertificates(count: Int): List<String> =
    Emulator.admin("POST", "certificates", """{"accountId":"$EMULATOR_SOURCE","count":$count}""")!!
        .getAsJsonArray("certificateIds").map { it.asString }

/** A journal file that does not exist yet, in a new temporary folder. */
fun newJournal(): String = File(Files.createTempDirectory("iot-transfer-batch-").toFile(), "run.jsonl").path

/** The journal's entries after its header. */
fun journalEntries(path: String): List<JsonObject> =
    File(path).readLines().drop(1).filter { it.isNotBlank() }.map { Gson().fromJson(it, JsonObject::class.java) }

/** The certificates whose `Transferred` outcome the journal records. */
fun journaledTransfers(path: String): Set<String> = journalEntries(path)
    .filter { it["event"].asString == "outcome" && it["outcome"].asString == "Transferred" }
    .map { it["certificateId"].asString }.toSet()

/** The certificates of `ids` the endpoint applied a TransferCertificate to, once per call. */
fun appliedTransfers(ids: List<String>): List<String> =
    Emulator.admin("GET", "calls?operation=TransferCertificate")!!.getAsJsonArray("calls").map { it.asJsonObject }
        .filter { it["outcome"].asString == "applied" && it["certificateId"]?.asString in ids }
        .map { it["certificateId"].asString }

/**
 * What a batch ended early must leave: every transfer the endpoint applied has its `Transferred`
 * outcome in the journal, once, every call recorded as sent has an outcome, and the stop kept some
 * certificates from being started.
 */
fun checkNothingLeftUnknown(ids: List<String>, journal: String) {
    val applied = appliedTransfers(ids)
    check(applied.size == applied.toSet().size) { "a certificate was transferred twice: $applied" }
    check(applied.toSet() == journaledTransfers(journal)) { "applied $applied, journaled ${journaledTransfers(journal)}" }
    val entries = journalEntries(journal)
    val sent = entries.filter { it["event"].asString == "sending" }.map { it["certificateId"].asString }.toSet()
    val settled = entries.filter { it["event"].asString == "outcome" }.map { it["certificateId"].asString }.toSet()
    check(settled.containsAll(sent)) { "sent without an outcome: ${sent - settled}" }
    check(applied.size in 1 until ids.size) { "${applied.size} of ${ids.size} transferred: the batch was not stopped" }
}

fun handoverInput(ids: List<String>, journal: String) = HandoverInput {
    certificates = ids
    targetAwsAccount = EMULATOR_TARGET
    this.journal = journal
}

fun aHandoverFlowTransfersEveryCertificateAndItsRerunSkipsThem() {
    val ids = bulkCertificates(5)
    val input = handoverInput(ids, newJournal())
    val flow = emulatorClient().handoverFlow(input)
    val events = runBlocking { flow.toList() }
    check(events.map { it.certificateId }.toSet() == ids.toSet()) { events.toString() }
    check(events.all { it.outcome is CertificateOutcome.Transferred }) { events.map { it.outcome }.toString() }
    val last = events.last().progress
    check(last.total == 5u && last.done == 5u && last.remaining == 0u && last.failed == 0u) { last.toString() }
    check(last.requestsPerSecond > 0.0 && last.requests >= 5u) { last.toString() }
    check(journaledTransfers(input.journal!!) == ids.toSet())

    // The flow is cold: collecting it again is a rerun, which the journal skips.
    val again = runBlocking { flow.toList() }
    check(again.size == 5 && again.all { it.outcome is CertificateOutcome.Skipped }) { again.map { it.outcome }.toString() }
    check(again.last().progress.let { it.skipped == 5u && it.remaining == 0u }) { again.last().progress.toString() }
    check(appliedTransfers(ids).size == 5) { "the rerun sent a transfer" }
}

fun aCancelledCollectionFinishesWhatWasInFlight() {
    val ids = bulkCertificates(12)
    val journal = newJournal()
    val client = emulatorClient()
    val collected = mutableListOf<BatchEvent>()
    runBlocking {
        val first = CompletableDeferred<Unit>()
        val collector = launch(Dispatchers.Default) {
            client.handoverFlow(handoverInput(ids, journal).copy { maxConcurrency = 2 }).collect {
                collected += it
                first.complete(Unit)
            }
        }
        first.await()
        // Returns once the collector has ended, which waits for the calls in flight.
        collector.cancelAndJoin()
    }
    check(collected.isNotEmpty())
    checkNothingLeftUnknown(ids, journal)
}

fun aCollectionTakingSomeEventsFinishesWhatWasInFlight() {
    val ids = bulkCertificates(12)
    val journal = newJournal()
    val taken = runBlocking { emulatorClient().handoverFlow(handoverInput(ids, journal)).take(2).toList() }
    check(taken.size == 2 && taken.all { it.outcome is CertificateOutcome.Transferred }) { taken.toString() }
    checkNothingLeftUnknown(ids, journal)
}

fun theTargetAcceptsEveryTransferOffered() {
    val ids = bulkCertificates(5)
    val handed = runBlocking { emulatorClient().handoverFlow { certificates = ids; targetAwsAccount = EMULATOR_TARGET }.toList() }
    check(handed.all { it.outcome is CertificateOutcome.Transferred }) { handed.toString() }
    val accepted = runBlocking { targetClient().acceptTransfersFlow { fromAccount = EMULATOR_SOURCE }.toList() }
    check(accepted.map { it.certificateId }.containsAll(ids)) { accepted.toString() }
    check(accepted.all { it.outcome == CertificateOutcome.Accepted(false) }) { accepted.map { it.outcome }.toString() }
    check(accepted.last().progress.remaining == 0u) { accepted.last().progress.toString() }
    val owned = targetClient().describeCertificateBlocking(DescribeCertificateInput(ids[0])).certificateDescription
    check(owned.ownedBy == EMULATOR_TARGET) { owned.toString() }
}

fun batchTests(): Map<String, () -> Unit> = linkedMapOf(
    "a handover Flow transfers every certificate, and its rerun skips them" to ::aHandoverFlowTransfersEveryCertificateAndItsRerunSkipsThem,
    "a cancelled collection finishes what was in flight" to ::aCancelledCollectionFinishesWhatWasInFlight,
    "a collection taking some events finishes what was in flight" to ::aCollectionTakingSomeEventsFinishesWhatWasInFlight,
    "the target accepts every transfer offered" to ::theTargetAcceptsEveryTransferOffered,
)
