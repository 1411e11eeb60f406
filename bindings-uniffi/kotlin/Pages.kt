// The Kotlin face of every paginator, written once: a cold Flow of its pages, one request per
// page as the collector asks for it.

package dev.iottransfer

import kotlinx.coroutines.flow.Flow
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
