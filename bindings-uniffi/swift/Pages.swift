// The Swift face of every paginator, written once: an AsyncSequence of its pages, one request per
// page as the loop asks for it.

/// Every page a paginator's `nextPage` hands out: `for try await page in Pages(paginator.nextPage)`.
/// A failed call is thrown to the loop and ends the pages.
public struct Pages<Page>: AsyncSequence {
    public typealias Element = Page

    private let nextPage: () async throws -> Page?

    /// The pages `nextPage` returns until it returns `nil`.
    public init(_ nextPage: @escaping () async throws -> Page?) {
        self.nextPage = nextPage
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(nextPage: nextPage)
    }

    /// Asks for one page at a time.
    public struct Iterator: AsyncIteratorProtocol {
        let nextPage: () async throws -> Page?
        var finished = false

        public mutating func next() async throws -> Page? {
            guard !finished else { return nil }
            do {
                let page = try await nextPage()
                finished = page == nil
                return page
            } catch {
                finished = true
                throw error
            }
        }
    }
}
