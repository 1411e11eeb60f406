// Configuration from where the AWS SDKs find it: `IotTransferClient.fromEnvironment()` reads the
// process environment and the shared files through the core's aws-config chain. The JVM cannot
// change its own environment, so the tests set variables with libc's setenv (through JNA), which
// is where the native library reads them.

import com.sun.jna.Library
import com.sun.jna.Native
import dev.iottransfer.*
import java.nio.file.Files

/** libc's environment functions. */
private interface LibC : Library {
    fun setenv(name: String, value: String, overwrite: Int): Int
    fun unsetenv(name: String): Int
}

private val libc: LibC = Native.load("c", LibC::class.java)

private val awsVariables = listOf(
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
    "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IOT",
)

/** Runs `test` with exactly `variables` of the AWS ones set (and IMDS off), then unsets them. */
private fun withEnvironment(variables: Map<String, String>, test: () -> Unit) {
    val all = awsVariables + "AWS_EC2_METADATA_DISABLED"
    all.forEach { libc.unsetenv(it) }
    libc.setenv("AWS_EC2_METADATA_DISABLED", "true", 1)
    variables.forEach { (name, value) -> libc.setenv(name, value, 1) }
    try {
        test()
    } finally {
        all.forEach { libc.unsetenv(it) }
    }
}

/** Transfers a fresh certificate of the source account: only its credentials can. */
private fun transferWith(client: IotTransferClient) {
    val id = Emulator.transferableCertificate()
    val output = client.transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
    check(output.transferredCertificateArn.endsWith(id))
    check(Emulator.recorded(id) == "PENDING_TRANSFER" to EMULATOR_TARGET)
}

fun environmentKeysAndTheIotEndpoint() = withEnvironment(
    mapOf(
        "AWS_ACCESS_KEY_ID" to "AKIAEMULATORSOURCE", "AWS_SECRET_ACCESS_KEY" to "emulator-source-secret",
        "AWS_REGION" to "us-east-1", "AWS_ENDPOINT_URL" to "http://127.0.0.1:9", "AWS_ENDPOINT_URL_IOT" to Emulator.url,
    ),
) { transferWith(IotTransferClient.fromEnvironment(null)) }

fun aNamedProfileGivesEverything() {
    val config = Files.createTempFile("iot-transfer-config", "").toFile()
    config.writeText(
        "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIAEMULATORSOURCE\n" +
            "aws_secret_access_key = emulator-source-secret\nservices = local\n\n" +
            "[services local]\niot =\n  endpoint_url = ${Emulator.url}\n",
    )
    withEnvironment(mapOf("AWS_CONFIG_FILE" to config.path, "AWS_PROFILE" to "dev")) {
        transferWith(IotTransferClient.fromEnvironment(null))
    }
    withEnvironment(mapOf("AWS_CONFIG_FILE" to config.path)) {
        transferWith(IotTransferClient.fromEnvironment(ClientConfig(profile = "dev")))
    }
    config.delete()
}

fun noCredentialsIsACredentialsError() = withEnvironment(
    mapOf("AWS_REGION" to "us-east-1", "AWS_ENDPOINT_URL_IOT" to Emulator.url, "AWS_CONFIG_FILE" to "/nonexistent"),
) {
    val id = Emulator.transferableCertificate()
    try {
        IotTransferClient.fromEnvironment(null).transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
        error("expected a credentials error")
    } catch (e: IotTransferException.Credentials) {
        check(Emulator.recorded(id) == "INACTIVE" to null) { "nothing was sent" }
    }
}

fun sharedConfigTests() = linkedMapOf<String, () -> Unit>(
    "keys and the IoT endpoint from the environment" to ::environmentKeysAndTheIotEndpoint,
    "a named profile gives region, keys and endpoint" to ::aNamedProfileGivesEverything,
    "no credentials anywhere is a credentials error" to ::noCredentialsIsACredentialsError,
)
