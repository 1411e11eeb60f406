// The client's construction in the shape of the AWS SDK for Kotlin, written once over uniffi's
// constructors: `IotTransferClient.fromEnvironment { region = "us-east-1" }` (suspend) and
// `IotTransferClient { ... }` (blocking), with a config builder whose lambda sets what should not
// come from the environment.

package dev.iottransfer

import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * The client's settings, as the AWS SDK for Kotlin's `Config.Builder`: each one left `null` comes
 * from the environment and the shared AWS files as the SDKs read them (`AWS_REGION`, the profile's
 * `region`, ...), else from the SDKs' defaults. Credentials: [credentials] (static), or
 * [credentialsProvider] (refreshable), or neither for the SDKs' default chain (environment,
 * profiles, SSO, web identity, container and instance metadata).
 */
class IotTransferClientConfigBuilder {
    private val defaults = ClientConfig()

    /** The AWS region, such as `eu-west-1`. */
    var region: String? = defaults.region

    /** The shared-config profile to read (`AWS_PROFILE`, else `default`). */
    var profile: String? = defaults.profile

    /** A custom endpoint URL (`https://...`, or `http://` on loopback). */
    var endpointUrl: String? = defaults.endpointUrl

    /** Use the FIPS endpoint. */
    var useFips: Boolean? = defaults.useFips

    /** Use the dual-stack endpoint. */
    var useDualStack: Boolean? = defaults.useDualStack

    /** Attempts per call, the first included (3 by default). */
    var maxAttempts: Int? = defaults.maxAttempts?.let(::saturatingIntOf)

    /** Standard or adaptive retries. */
    var retryMode: RetryMode? = defaults.retryMode

    /**
     * The backoff base of failures other than throttling: the delay before retry i is
     * random(0,1) * min(base * 2^(i-1), 20 s). Unset: 50 ms, and 1 s for throttling errors.
     */
    var retryBaseDelay: Duration? = defaults.retryBaseDelayMs?.toLong()?.milliseconds

    /** Whether retries draw on the client's retry quota. */
    var useRetryQuota: Boolean = defaults.useRetryQuota

    /** Establishing a connection, for the IoT calls. */
    var connectTimeout: Duration? = defaults.connectTimeoutMs?.toLong()?.milliseconds

    /** One attempt, from sending to the end of the response. */
    var attemptTimeout: Duration? = defaults.attemptTimeoutMs?.toLong()?.milliseconds

    /** The whole call, retries included. */
    var callTimeout: Duration? = defaults.callTimeoutMs?.toLong()?.milliseconds

    /** Appended to the user agent. */
    var appName: String? = defaults.appName

    /** Static credentials, instead of the default chain. */
    var credentials: AwsCredentials? = null

    /** Refreshable credentials the app supplies (STS, Cognito, a session), instead of the default chain. */
    var credentialsProvider: CredentialsProvider? = null

    /** The settings as uniffi's [ClientConfig] carries them. */
    fun settings(): ClientConfig = ClientConfig(
        region = region,
        profile = profile,
        endpointUrl = endpointUrl,
        useFips = useFips,
        useDualStack = useDualStack,
        maxAttempts = maxAttempts?.let { attempts ->
            require(attempts >= 0) { "maxAttempts must not be negative (got $attempts)" }
            attempts.toUInt()
        },
        retryMode = retryMode,
        retryBaseDelayMs = retryBaseDelay?.let { millis("retryBaseDelay", it) },
        useRetryQuota = useRetryQuota,
        connectTimeoutMs = connectTimeout?.let { millis("connectTimeout", it) },
        attemptTimeoutMs = attemptTimeout?.let { millis("attemptTimeout", it) },
        callTimeoutMs = callTimeout?.let { millis("callTimeout", it) },
        appName = appName,
    )

    /** The client these settings describe; blocks while the shared configuration loads. */
    fun build(): IotTransferClient {
        val static = credentials
        val provider = credentialsProvider
        require(static == null || provider == null) { "set credentials or credentialsProvider, not both" }
        return when {
            static != null -> IotTransferClient(settings(), static)
            provider != null -> IotTransferClient.withProvider(settings(), provider)
            else -> IotTransferClient.fromEnvironment(settings())
        }
    }
}

/**
 * A duration in whole milliseconds, as [ClientConfig] carries it. A negative one is refused,
 * naming the setting: made 0, it would be a timeout every attempt hits at once.
 */
private fun millis(setting: String, duration: Duration): ULong {
    require(!duration.isNegative()) { "$setting must not be negative (got $duration)" }
    return duration.inWholeMilliseconds.toULong()
}

/**
 * A client configured by [block], with every setting it leaves unset from the environment and the
 * shared AWS files, as the AWS SDK for Kotlin's `fromEnvironment`: loads them on [Dispatchers.IO].
 * A setting there that cannot be used throws [IotTransferException.Configuration]. Close the client
 * (`use { }`) when done with it.
 */
suspend fun IotTransferClient.Companion.fromEnvironment(block: IotTransferClientConfigBuilder.() -> Unit): IotTransferClient =
    withContext(Dispatchers.IO) { IotTransferClientConfigBuilder().apply(block).build() }

/**
 * The same as `fromEnvironment { ... }`, blocking the calling thread while the shared configuration
 * loads: `IotTransferClient { region = "us-east-1"; credentials = AwsCredentials(...) }`.
 */
operator fun IotTransferClient.Companion.invoke(block: IotTransferClientConfigBuilder.() -> Unit): IotTransferClient =
    IotTransferClientConfigBuilder().apply(block).build()
