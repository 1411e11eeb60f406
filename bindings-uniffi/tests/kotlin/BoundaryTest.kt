// No crash crosses the boundary: a panic in the library, and a credentials provider that throws
// something unexpected, each end as a typed exception; the client stays usable.

import dev.iottransfer.*
import kotlinx.coroutines.runBlocking

fun aPanicIsAnInternalError() = ScriptedServer(listOf(success(ARN))).use { server ->
    val client = clientFor(server)
    val error = assertThrows<IotTransferException.Internal> { runBlocking { client.panicForTests() } }
    check(error.errorMessage.contains("a panic requested by a test of the panic boundary") && error.possiblyApplied) { error.toString() }
    assertThrows<IotTransferException.Internal> { client.panicForTestsBlocking() }
    check(client.transferCertificateBlocking(INPUT).transferredCertificateArn == ARN)
}

class Throwing : CredentialsProvider {
    override fun provideCredentials(): AwsCredentials = throw IllegalStateException("the vault is sealed")
}

fun aProviderThrowingAnythingIsACredentialsError() = ScriptedServer().use { server ->
    val client = IotTransferClient.withProvider(config(server.url), Throwing())
    val error = assertThrows<IotTransferException.Credentials> { client.transferCertificateBlocking(INPUT) }
    check(!error.possiblyApplied && server.requests.isEmpty()) { error.toString() }
}

fun boundaryTests() = linkedMapOf<String, () -> Unit>(
    "a panic is an Internal error" to ::aPanicIsAnInternalError,
    "a provider throwing anything is a Credentials error" to ::aProviderThrowingAnythingIsACredentialsError,
)
