// The client's construction in the shape of the AWS SDK for Kotlin, written once over uniffi's
// constructors: `IotTransferClient.fromEnvironment { region = "us-east-1" }` (suspend) and
// `IotTransferClient { ... }` (blocking), with a config builder whose lambda sets what should not
// come from the environment.

package dev.iottransfer

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * The client's settings ([IotTransferClientSettings], generated from the core's declaration) and
 * its credentials: [credentials] (static), or [credentialsProvider] (refreshable), or neither for
 * the SDKs' default chain (environment, profiles, SSO, web identity, container and instance
 * metadata).
 */
class IotTransferClientConfigBuilder : IotTransferClientSettings() {
    /** Static credentials, instead of the default chain. */
    var credentials: AwsCredentials? = null

    /** Refreshable credentials the app supplies (STS, Cognito, a session), instead of the default chain. */
    var credentialsProvider: CredentialsProvider? = null

    /**
     * The client these settings describe; blocks while the shared configuration loads. A setting
     * out of its range throws [IotTransferException.Configuration] naming it.
     */
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
