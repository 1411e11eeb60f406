// The Kotlin face in the shape of the AWS SDK for Kotlin, against a scripted loopback endpoint:
// input builders (`Input { ... }`, `copy { ... }`) give uniffi's records, unset or negative members
// are named by the core's validation, the config builder sets every ClientConfig setting, the
// client's builder-lambda methods (suspend and blocking) call the operations, and the paginator
// Flows are cold and lazy.

import dev.iottransfer.*
import kotlin.time.Duration
import kotlin.time.Duration.Companion.days
import kotlin.time.Duration.Companion.milliseconds
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking

fun dslClient(server: ScriptedServer) = IotTransferClient {
    region = "us-east-1"
    endpointUrl = server.url
    maxAttempts = 1
    credentials = AwsCredentials("AKIDEXAMPLE", SECRET, null, null)
}

fun inputBuildersGiveTheRecords() {
    val built = TransferCertificateInput { certificateId = ID; targetAwsAccount = "444455556666"; transferMessage = "hi" }
    check(built == TransferCertificateInput(ID, "444455556666", "hi")) { built.toString() }
    check(built.copy { transferMessage = null } == TransferCertificateInput(ID, "444455556666", null))
    check(ListCertificatesInput { pageSize = 5; ascendingOrder = true } == ListCertificatesInput(5, null, true))
    check(ListCertificatesInput { } == ListCertificatesInput(null, null, null))
    check(PrepareAndTransferInput { certificateId = ID; targetAwsAccount = "1"; detachPolicies = true } == PrepareAndTransferInput(ID, "1", null, false, true))
    check(UpdateCertificateInput { certificateId = ID; newStatus = CertificateStatus.Inactive } == UpdateCertificateInput(ID, CertificateStatus.Inactive))
    // Lists, and unsigned counts with their declared defaults (`maxConcurrency = 4`, `certificates = []`).
    val handover = HandoverInput { certificates = listOf(ID); targetAwsAccount = "1"; maxFailures = 3 }
    check(handover == HandoverInput(listOf(ID), "1", maxFailures = 3u) && handover.maxConcurrency == 4u) { handover.toString() }
    check(handover.copy { maxConcurrency = 8 }.maxConcurrency == 8u)
    check(IncomingTransfersInput { } == IncomingTransfersInput() && IncomingTransfersInput().certificates.isEmpty())
    check(HandoverInput { }.certificates.isEmpty()) { "an unset list is sent empty, for the core to name" }
}

fun unsetAndNegativeMembersAreNamedByTheCore() = ScriptedServer().use { server ->
    dslClient(server).use { client ->
        val cases = listOf<Pair<String, () -> Unit>>(
            "certificateId" to { client.transferCertificateBlocking { targetAwsAccount = "444455556666" } },
            "targetAwsAccount" to { runBlocking { client.transferCertificate { certificateId = ID } } },
            "newStatus" to { client.updateCertificateBlocking { certificateId = ID } },
            "pageSize" to { client.listCertificatesBlocking { pageSize = -1 } },
        )
        for ((field, call) in cases) {
            val error = assertThrows<IotTransferException.Validation> { call() }
            check(error.field == field) { "$field: $error" }
        }
        // A count is carried signed: the core names the value given, not a saturated 0.
        val negative = assertThrows<IotTransferException.Validation> { client.listCertificatesBlocking { pageSize = -1 } }
        check(negative.errorMessage == "pageSize must be between 1 and 250 (got -1)") { negative.errorMessage }
    }
    check(server.requests.isEmpty()) { server.requests.toString() }
}

fun theConfigBuilderSetsEverySetting() {
    // Every ClientConfig setting has a builder property: the same name, or without `Ms` as a Duration.
    val builderFields = IotTransferClientSettings::class.java.declaredFields.map { it.name }.toSet()
    val settings = ClientConfig::class.java.declaredFields.filter { !java.lang.reflect.Modifier.isStatic(it.modifiers) }.map { it.name }
    check(settings.size >= 13) { settings.toString() }
    val missing = settings.filter { it !in builderFields && it.removeSuffix("Ms") !in builderFields }
    check(missing.isEmpty()) { "the config builder lacks $missing" }
    val built = IotTransferClientConfigBuilder().apply {
        region = "eu-west-1"; maxAttempts = 5; retryMode = RetryMode.ADAPTIVE; attemptTimeout = 150.milliseconds
        retryBaseDelay = 20.milliseconds; useRetryQuota = false; appName = "app"
    }.settings()
    check(built == ClientConfig(region = "eu-west-1", maxAttempts = 5L, retryMode = RetryMode.ADAPTIVE, attemptTimeoutMs = 150L,
        retryBaseDelayMs = 20L, useRetryQuota = false, appName = "app")) { built.toString() }
    check(IotTransferClientConfigBuilder().settings() == ClientConfig()) { "the builder's defaults are the record's" }
    assertThrows<IllegalArgumentException> {
        IotTransferClient { credentials = AwsCredentials("A", "B", null, null); credentialsProvider = Refreshing() }
    }
}

fun builderLambdaMethodsCallTheOperations() = ScriptedServer(listOf(success(ARN), success(ARN))).use { server ->
    val client = runBlocking {
        IotTransferClient.fromEnvironment {
            region = "us-east-1"; endpointUrl = server.url; credentials = AwsCredentials("AKIDEXAMPLE", SECRET, null, null)
        }
    }
    client.use {
        val output = runBlocking { it.transferCertificate { certificateId = ID; targetAwsAccount = "444455556666"; transferMessage = "hi" } }
        check(output.transferredCertificateArn == ARN && output.metadata.attempts == 1u) { output.toString() }
        it.transferCertificateBlocking { certificateId = ID; targetAwsAccount = "444455556666" }
    }
    check(server.requests.map { it.body } == listOf("{\"transferMessage\":\"hi\"}", "{}")) { server.requests.toString() }
    check(server.requests.all { it.path == "/transfer-certificate/$ID?targetAwsAccount=444455556666" })
}

fun page(ids: List<String>, next: String?) =
    Reply(body = "{\"certificates\":[${ids.joinToString(",") { "{\"certificateId\":\"$it\"}" }}]${next?.let { ",\"nextMarker\":\"$it\"" } ?: ""}}")

fun paginatedFlowsAreColdAndLazy() = ScriptedServer(List(2) { listOf(page(listOf("a"), "m1"), page(listOf("b"), null)) }.flatten()).use { server ->
    dslClient(server).use { client ->
        val flow = client.listCertificatesPaginated { pageSize = 1 }
        check(server.requests.isEmpty()) { "a flow sends nothing until collected" }
        repeat(2) {
            check(runBlocking { flow.certificates().map { it.certificateId }.toList() } == listOf("a", "b"))
        }
        check(server.requests.map { it.path } == List(2) { listOf("/certificates?pageSize=1", "/certificates?pageSize=1&marker=m1") }.flatten()) {
            server.requests.map { it.path }.toString()
        }
        server.push(page(listOf("c"), "m2"))
        val first = runBlocking { client.listCertificatesPaginated().take(1).toList() }
        check(first.single().certificates.map { it.certificateId } == listOf("c") && server.requests.size == 5) { "one page, one request" }
    }
}

fun settingsOutOfRangeAreRefusedByTheCoreByName() {
    val duration = "must be a duration from 0 to 24 days"
    val cases = listOf<Triple<String, String, IotTransferClientConfigBuilder.() -> Unit>>(
        Triple("attemptTimeout", duration, { attemptTimeout = (-5).milliseconds }),
        Triple("connectTimeout", duration, { connectTimeout = (-1).milliseconds }),
        Triple("callTimeout", duration, { callTimeout = Duration.INFINITE }),
        Triple("retryBaseDelay", duration, { retryBaseDelay = 25.days }),
        Triple("maxAttempts", "must be a whole number from 1 to 4294967295", { maxAttempts = -2 }),
        Triple("maxAttempts", "must be a whole number from 1 to 4294967295", { maxAttempts = 0 }),
    )
    for ((setting, rule, block) in cases) {
        val error = assertThrows<IotTransferException.Configuration> { IotTransferClientConfigBuilder().apply(block).settings() }
        check(error.errorMessage == "$setting $rule") { "$setting: ${error.errorMessage}" }
    }
    check(IotTransferClientConfigBuilder().apply { attemptTimeout = 1500.milliseconds }.settings().attemptTimeoutMs == 1500L)
}

fun dslTests(): Map<String, () -> Unit> = linkedMapOf(
    "input builders give the records" to ::inputBuildersGiveTheRecords,
    "unset and negative members are named by the core" to ::unsetAndNegativeMembersAreNamedByTheCore,
    "the config builder sets every setting" to ::theConfigBuilderSetsEverySetting,
    "settings out of range are refused by the core by name" to ::settingsOutOfRangeAreRefusedByTheCoreByName,
    "builder-lambda methods call the operations" to ::builderLambdaMethodsCallTheOperations,
    "paginated flows are cold and lazy" to ::paginatedFlowsAreColdAndLazy,
)
