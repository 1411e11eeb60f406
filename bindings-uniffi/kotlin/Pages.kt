// The Kotlin face of every paginator, written once: a cold Flow of its pages, one request per
// page as the collector asks for it.

package dev.iottransfer

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.emitAll
import kotlinx.coroutines.flow.flow

/**
 * Every page a paginator's `nextPage` hands out, as a [Flow]: `pages(client.listCertificatesPaginator(input)::nextPage)`.
 * A failed call is thrown to the collector and ends the flow.
 */
fun <Page : Any> pages(nextPage: suspend () -> Page?): Flow<Page> = flow {
    while (true) {
        emit(nextPage() ?: break)
    }
}

/**
 * The pages of a paginator that [open] makes afresh for each collection, so the flow is cold as
 * the AWS SDK for Kotlin's paginators are; the paginator is closed when the collection ends, however
 * it ends. The generated `...Paginated` functions are this over uniffi's paginators.
 */
internal fun <Paginator : AutoCloseable, Page : Any> paginated(
    open: () -> Paginator,
    nextPage: suspend (Paginator) -> Page?,
): Flow<Page> = flow {
    open().use { paginator -> emitAll(pages { nextPage(paginator) }) }
}
