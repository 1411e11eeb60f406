// Cancelling a call: a coroutine's cancellation stops the retries and drops the attempt in
// flight, and the call's CancellationToken then says whether the transfer may have been applied;
// cancelling the token ends the call with IotTransferException.Cancelled.

import dev.iottransfer.*
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import kotlin.concurrent.thread

fun waitFor(condition: () -> Boolean) {
    val deadline = System.nanoTime() + 5_000_000_000L
    while (!condition()) {
        check(System.nanoTime() < deadline) { "timed out waiting" }
        Thread.sleep(10)
    }
}

fun cancellingTheCoroutineStopsTheRetries() = ScriptedServer(List(3) { success(ARN).copy(delayMs = 3000) }).use { server ->
    val token = CancellationToken()
    val client = clientFor(server, attemptTimeoutMs = 300L)
    runBlocking {
        val call = async(Dispatchers.Default) { client.transferCertificate(INPUT, token) }
        waitFor { server.requests.size == 1 }
        call.cancel()
        val thrown = runCatching { call.await() }.exceptionOrNull()
        check(thrown is CancellationException) { "expected a cancellation, got $thrown" }
    }
    // Without the cancellation, the attempt timeout would have sent a retry by now.
    Thread.sleep(800)
    check(server.requests.size == 1) { "retried after the cancellation: ${server.requests.size}" }
    check(token.possiblyApplied()) { "the dropped attempt had been sent" }
}

fun cancellingTheTokenEndsABlockingCallWithATypedError() = ScriptedServer(listOf(success(ARN).copy(delayMs = 3000))).use { server ->
    val token = CancellationToken()
    thread { waitFor { server.requests.isNotEmpty() }; token.cancel() }
    val error = assertThrows<IotTransferException.Cancelled> { clientFor(server).transferCertificateBlocking(INPUT, token) }
    check(error.code == "CancelledError" && error.possiblyApplied && error.attempts == 1u) { error.toString() }
}

fun cancellationTests() = linkedMapOf<String, () -> Unit>(
    "cancelling the coroutine stops the retries" to ::cancellingTheCoroutineStopsTheRetries,
    "cancelling the token ends a blocking call with a typed error" to ::cancellingTheTokenEndsABlockingCallWithATypedError,
)
