// The Kotlin face of every batch, written once: a cold Flow of its events over uniffi's Batch
// object, which an early end stops and drains so that no call already sent is left unknown.

package dev.iottransfer

import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.withContext

/**
 * The events of a batch that [start] makes afresh for each collection (so the flow is cold, and
 * nothing is sent until it is collected), one per certificate as it finishes. The batch is closed
 * when the collection ends, however it ends. The generated `...Flow` functions (`handoverFlow`,
 * `acceptTransfersFlow`, ...) are this over uniffi's batch methods.
 *
 * When the collection ends before the batch does (the collector is cancelled, takes only some
 * events, or throws), the batch is stopped and its remaining events are read and dropped in a
 * [NonCancellable] context before the exception goes on: the calls already sent finish and their
 * outcomes reach the journal, so a rerun finds none of them unknown.
 */
internal fun batchEvents(start: () -> Batch): Flow<BatchEvent> = flow {
    start().use { batch ->
        try {
            while (true) {
                emit(batch.nextEvent() ?: break)
            }
        } catch (ended: Throwable) {
            withContext(NonCancellable) { batch.finishInFlight(ended) }
            throw ended
        }
    }
}

/**
 * Stops the batch and waits for the certificates in flight to finish, dropping their events. An
 * error ending the batch meanwhile (its journal) is added to [cause] as suppressed: [cause] is
 * what the collector sees.
 */
private suspend fun Batch.finishInFlight(cause: Throwable) {
    stop()
    try {
        while (nextEvent() != null) Unit
    } catch (error: Throwable) {
        if (error !== cause) cause.addSuppressed(error)
    }
}
