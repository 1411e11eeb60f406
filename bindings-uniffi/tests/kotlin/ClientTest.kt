// The Kotlin bindings against a scripted loopback endpoint: success (suspend and blocking), every
// error kind caught as its own type with its fields, retries, timeouts, validation, a host
// credentials provider, the shared vectors, and no secret in toString. Run with: java ... ClientTestKt

import com.google.gson.Gson
import dev.iottransfer.*
import java.io.File
import java.time.Instant
import kotlinx.coroutines.runBlocking

const val ID = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e"
const val ARN = "arn:aws:iot:us-east-1:111122223333:cert/$ID"
const val SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
const val TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN"
val INPUT = TransferCertificateInput(ID, "444455556666", null)

fun config(url: String?, maxAttempts: Long = 3L, attemptTimeoutMs: Long? = null) = ClientConfig(
    region = "us-east-1", endpointUrl = url, useFips = false, useDualStack = false, maxAttempts = maxAttempts,
    retryBaseDelayMs = 1L, useRetryQuota = true, connectTimeoutMs = 3100L, attemptTimeoutMs = attemptTimeoutMs,
    callTimeoutMs = null, appName = null,
)

fun clientFor(server: ScriptedServer, maxAttempts: Long = 3L, attemptTimeoutMs: Long? = null) =
    IotTransferClient(config(server.url, maxAttempts, attemptTimeoutMs), AwsCredentials("AKIDEXAMPLE", SECRET, TOKEN, null))

inline fun <reified T : Throwable> assertThrows(block: () -> Unit): T {
    try {
        block()
    } catch (e: Throwable) {
        if (e is T) return e
        throw AssertionError("expected ${T::class.simpleName}, got $e", e)
    }
    throw AssertionError("expected ${T::class.simpleName}, nothing was thrown")
}

fun blockingSuccessSendsTheSignedRequest() = ScriptedServer(listOf(success(ARN))).use { server ->
    val output = clientFor(server).transferCertificateBlocking(TransferCertificateInput(ID, "444455556666", "hi ✓"))
    check(output.transferredCertificateArn == ARN)
    check(output.metadata.httpStatus == 200.toUShort() && output.metadata.requestId == "req-1" && output.metadata.attempts == 1u)
    val request = server.requests.single()
    check(request.method == "PATCH") { request.method }
    check(request.path == "/transfer-certificate/$ID?targetAwsAccount=444455556666") { request.path }
    check(request.headers["authorization"]!!.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
    check(request.headers["x-amz-security-token"] == TOKEN)
    check(request.body == "{\"transferMessage\":\"hi ✓\"}") { request.body }
}

fun suspendSuccess() = ScriptedServer(listOf(success(ARN))).use { server ->
    val output = runBlocking { clientFor(server).transferCertificate(INPUT) }
    check(output.transferredCertificateArn == ARN)
}

/** The fields every error has on the base, whatever its kind (generated Errors.kt). */
fun fieldsOf(e: IotTransferException): List<Any?> = listOf(e.code, e.errorMessage, e.httpStatus, e.requestId, e.attempts)

/** The error's kind: its class, which must be the kind its details name. */
fun kindOf(e: IotTransferException): String = e::class.simpleName!!.also { check(it == e.kind) { "$it carries ${e.kind}" } }

fun suspendCallThrowsTheSameTypes() = ScriptedServer(
    listOf(serviceError(406, "CertificateStateException", "ACTIVE"), Reply(body = "{\"certificateDescription\":{\"status\":\"ACTIVE\"}}")),
).use { server ->
    val error = assertThrows<IotTransferException.CertificateState> { runBlocking { clientFor(server).transferCertificate(INPUT) } }
    check(error.hint!!.startsWith("The certificate is ACTIVE: deactivate it")) { error.hint!! }
    check(error.reconciled && !error.possiblyApplied)
}

fun retriesThenSuccess() = ScriptedServer(listOf(serviceError(503, "ServiceUnavailableException", "busy"), Reply(503), success(ARN))).use { server ->
    check(clientFor(server).transferCertificateBlocking(INPUT).metadata.attempts == 3u)
    check(server.requests.size == 3)
}

fun throttlingBurst() = ScriptedServer(List(3) { serviceError(400, "ThrottlingException", "Rate exceeded") }).use { server ->
    val error = assertThrows<IotTransferException.Throttling> { clientFor(server).transferCertificateBlocking(INPUT) }
    check(error.retryable && error.attempts == 3u)
}

fun attemptTimeout() = ScriptedServer(List(2) { success(ARN).copy(delayMs = 1500) }).use { server ->
    val error = assertThrows<IotTransferException.Timeout> {
        clientFor(server, maxAttempts = 2L, attemptTimeoutMs = 100L).transferCertificateBlocking(INPUT)
    }
    check(error.attempts == 2u && error.possiblyApplied)
}

fun droppedConnectionIsRetried() = ScriptedServer(listOf(Reply(drop = true), success(ARN))).use { server ->
    check(clientFor(server).transferCertificateBlocking(INPUT).metadata.attempts == 2u)
}

fun validationNamesTheField() = ScriptedServer().use { server ->
    val cases = listOf(
        TransferCertificateInput("nope", "444455556666", null) to "certificateId",
        TransferCertificateInput(ID, "4444-5555-6666", null) to "targetAwsAccount",
        TransferCertificateInput(ID, "444455556666", "x".repeat(129)) to "transferMessage",
    )
    for ((input, field) in cases) {
        val error = assertThrows<IotTransferException.Validation> { clientFor(server).transferCertificateBlocking(input) }
        check(error.field == field && error.errorMessage.startsWith(field)) { error.toString() }
    }
    check(server.requests.isEmpty())
}

fun signingDatesSigV4CannotCarry() {
    val client = IotTransferClient(config(null), AwsCredentials("AKIDEXAMPLE", SECRET, null, null))
    for (time in listOf(Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"))) {
        val error = assertThrows<IotTransferException.Validation> { client.signTransferCertificateBlocking(INPUT, time) }
        check(error.field == "signingDate") { error.toString() }
        check(error.errorMessage == "signingDate must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z") { error.errorMessage }
    }
    val last = client.signTransferCertificateBlocking(INPUT, Instant.parse("9999-12-31T23:59:59Z"))
    check(last.header("x-amz-date") == "99991231T235959Z") { last.toString() }
}

class Refreshing(private val fail: Boolean = false) : CredentialsProvider {
    var calls = 0
    override fun provideCredentials(): AwsCredentials {
        calls++
        if (fail) throw CredentialsProviderException.Failed("identity pool unreachable")
        return AwsCredentials("ASIAREFRESH$calls", SECRET, TOKEN, Instant.now().plusSeconds(60))
    }
}

fun hostCredentialsProvider() = ScriptedServer(listOf(success(ARN), success(ARN))).use { server ->
    val provider = Refreshing()
    val client = IotTransferClient.withProvider(config(server.url), provider)
    client.transferCertificateBlocking(INPUT)
    runBlocking { client.transferCertificate(INPUT) }
    check(provider.calls == 2)
    check(server.requests[1].headers["authorization"]!!.contains("Credential=ASIAREFRESH2/"))
    val failing = IotTransferClient.withProvider(config(server.url), Refreshing(fail = true))
    val error = assertThrows<IotTransferException.Credentials> { failing.transferCertificateBlocking(INPUT) }
    check(error.errorMessage.contains("identity pool unreachable")) { error.errorMessage }
}

fun noSecretInToString() {
    val credentials = AwsCredentials("AKIDEXAMPLE", SECRET, TOKEN, null)
    val client = IotTransferClient(config(null), credentials)
    val signed = client.signTransferCertificateBlocking(INPUT, null)
    val error = assertThrows<IotTransferException> { client.transferCertificateBlocking(TransferCertificateInput("x", "1", null)) }
    for (value in listOf<Any>(credentials, client, signed, error, config(null))) {
        val printed = value.toString() + " " + (value as? Throwable)?.message
        check(!printed.contains(SECRET) && !printed.contains(TOKEN)) { printed }
    }
    check(signed.header("x-amz-security-token") == TOKEN)
}

@Suppress("UNCHECKED_CAST")
fun operationSigningVectors(vectorsDir: File) {
    val file = Gson().fromJson(File(vectorsDir, "operations.json").readText(), Any::class.java) as Map<String, Any?>
    val creds = file["credentials"] as Map<String, Any?>
    val client = IotTransferClient(
        config(null).copy(region = file["region"] as String),
        AwsCredentials(creds["accessKeyId"] as String, creds["secretAccessKey"] as String, creds["sessionToken"] as String?, null),
    )
    val signing = file["signing"] as List<Map<String, Any?>>
    val covered = signing.map { it["operation"] as String }.toSortedSet()
    check(covered == (DECLARED_OPERATIONS - "TransferCertificate").toSortedSet()) { "operations with signing vectors: $covered" }
    for (vector in signing) {
        val signed = signFromVector(client, vector["operation"] as String, vector["input"] as Map<String, Any?>, Instant.parse(file["time"] as String))
        val expected = vector["expected"] as Map<String, Any?>
        check(listOf(signed.method(), signed.url(), signed.body()) == listOf(expected["method"], expected["url"], expected["body"])) { vector["name"]!! }
        val headers = signed.headerNames().filter { it != "user-agent" }.map { listOf(it, signed.header(it)) }
        check(headers == expected["headers"]) { "${vector["name"]}: $headers" }
    }
}

@Suppress("UNCHECKED_CAST")
fun sharedVectors(vectorsDir: File) {
    val signing = Gson().fromJson(File(vectorsDir, "signing.json").readText(), Any::class.java) as List<Map<String, Any?>>
    for (vector in signing) {
        val cfg = vector["config"] as Map<String, Any?>
        val creds = vector["credentials"] as Map<String, Any?>
        val input = vector["input"] as Map<String, Any?>
        val client = IotTransferClient(
            config(cfg["endpointUrl"] as String?).copy(region = cfg["region"] as String, useFips = cfg["useFips"] as Boolean, useDualStack = cfg["useDualStack"] as Boolean),
            AwsCredentials(creds["accessKeyId"] as String, creds["secretAccessKey"] as String, creds["sessionToken"] as String?, null),
        )
        val signed = signFromVector(client, "TransferCertificate", input, Instant.parse(vector["time"] as String))
        val expected = vector["expected"] as Map<String, Any?>
        check(listOf(signed.method(), signed.url(), signed.body()) == listOf(expected["method"], expected["url"], expected["body"])) { vector["name"]!! }
        val headers = signed.headerNames().filter { it != "user-agent" }.map { listOf(it, signed.header(it)) }
        check(headers == expected["headers"]) { "${vector["name"]}: $headers" }
    }
    val responses = Gson().fromJson(File(vectorsDir, "responses.json").readText(), Any::class.java) as List<Map<String, Any?>>
    ScriptedServer().use { server ->
        val client = IotTransferClient(config(server.url, maxAttempts = 1L), AwsCredentials("AKIDEXAMPLE", "secret", null, null))
        for (vector in responses) {
            val headers = (vector["headers"] as List<List<String>>? ?: emptyList()).associate { it[0] to it[1] }
            server.push(Reply((vector["status"] as Double).toInt(), vector["body"] as String, mapOf("x-amzn-RequestId" to "") + headers))
            val expected = vector["expected"] as Map<String, Any?>
            try {
                val output = callFromVector(client, "TransferCertificate", mapOf("certificateId" to "0".repeat(64), "targetAwsAccount" to "123456789012"))
                check(output["transferredCertificateArn"] == expected["arn"]) { vector["name"]!! }
            } catch (e: IotTransferException) {
                val fields = fieldsOf(e)
                check(kindOf(e) == expected["kind"]) { "${vector["name"]}: ${kindOf(e)}" }
                check(fields[0] == expected["code"] && fields[1] == expected["message"]) { "${vector["name"]}: $fields" }
                check(fields[2]?.toString() == (expected["httpStatus"] as Double?)?.toInt()?.toString()) { "${vector["name"]}: $fields" }
            }
        }
    }
}

fun main(args: Array<String>) {
    val vectorsDir = File(args.firstOrNull() ?: error("usage: ClientTestKt <tests/vectors dir>"))
    val tests = linkedMapOf<String, () -> Unit>(
        "blocking success sends the signed request" to ::blockingSuccessSendsTheSignedRequest,
        "suspend success" to ::suspendSuccess,
        "the suspend call throws the same types" to ::suspendCallThrowsTheSameTypes,
        "retries then success" to ::retriesThenSuccess,
        "a throttling burst" to ::throttlingBurst,
        "attempt timeout" to ::attemptTimeout,
        "a dropped connection is retried" to ::droppedConnectionIsRetried,
        "validation names the field" to ::validationNamesTheField,
        "signing dates SigV4 cannot carry" to ::signingDatesSigV4CannotCarry,
        "a host credentials provider" to ::hostCredentialsProvider,
        "no secret in toString" to ::noSecretInToString,
        "shared vectors" to { sharedVectors(vectorsDir) },
        "every other operation's response vectors" to { operationVectors(vectorsDir) },
        "every operation's signing vectors, by its generated sign method" to { operationSigningVectors(vectorsDir) },
    ) + reconciliationTests() + cancellationTests() + boundaryTests() + badInputTests(vectorsDir) + sharedConfigTests() +
        workflowTests() + dslTests() + statusTests() + batchTests()
    var failed = 0
    for ((name, test) in tests) {
        try {
            test()
            println("ok - $name")
        } catch (e: Throwable) {
            failed++
            println("FAILED - $name: $e")
            e.printStackTrace()
        }
    }
    println("${tests.size - failed} passed, $failed failed")
    kotlin.system.exitProcess(if (failed == 0) 0 else 1)
}

/** Every other operation's response vectors (operations.json): the same output or error as in Rust. */
fun operationVectors(vectorsDir: File) {
    val file = Gson().fromJson(File(vectorsDir, "operations.json").readText(), Map::class.java) as Map<String, Any?>
    ScriptedServer().use { server ->
        val client = IotTransferClient(config(server.url, maxAttempts = 1L), AwsCredentials("AKIDEXAMPLE", "secret", null, null))
        for (vector in file["responses"] as List<Map<String, Any?>>) {
            val headers = (vector["headers"] as List<List<String>>).associate { it[0] to it[1] }
            server.push(Reply((vector["status"] as Double).toInt(), vector["body"] as String, mapOf("x-amzn-RequestId" to "") + headers))
            val outcome = try {
                mapOf("output" to callFromVector(client, vector["operation"] as String, vector["input"] as Map<String, Any?>))
            } catch (e: IotTransferException) {
                val fields = fieldsOf(e)
                mapOf("error" to mapOf("code" to fields[0], "kind" to kindOf(e), "message" to fields[1]))
            }
            check(outcome == vector["expected"]) { "${vector["name"]}: $outcome" }
        }
    }
}
