// The Swift face of every batch, written once: an AsyncSequence of its events over uniffi's Batch
// object, stopped when the task is cancelled, and finished in the background when the loop leaves
// early, so that no call already sent is left unknown.

/// The events of a batch, one per certificate as it finishes:
/// `for try await event in client.handoverEvents(input: ...)`. Each loop (each iterator) starts a
/// new batch, and nothing is sent before its first event is asked for. A problem that stops the
/// whole batch (its input, its journal) is thrown to the loop and ends it.
///
/// Cancelling the task that runs the loop stops the batch: no new certificate is started, and the
/// loop goes on receiving the events of the certificates already in flight as they finish, then
/// ends without throwing. So every change the batch made is reported to the loop and recorded in
/// its journal. To tell a stopped batch from a finished one, check `Task.isCancelled` or the last
/// event's `progress.remaining`.
///
/// Leaving the loop early (`break`, `return`, a thrown error) stops the batch too. The
/// certificates in flight then finish in a background task, which records their outcomes in the
/// journal and drops their events; a process that exits at once cuts them short, and a rerun with
/// the same journal settles them from their state.
public struct BatchEvents: AsyncSequence {
    public typealias Element = BatchEvent

    private let start: () -> Batch

    /// The events of the batch `start` makes, called once per loop (it sends nothing).
    public init(_ start: @escaping () -> Batch) {
        self.start = start
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(run: BatchRun(start()))
    }

    /// Asks the batch for one event at a time.
    public struct Iterator: AsyncIteratorProtocol {
        let run: BatchRun

        public mutating func next() async throws -> BatchEvent? {
            try await run.next()
        }
    }
}

/// One loop's batch: started by its first `next()`, stopped when the task is cancelled, and
/// finished in the background when the loop is left before the batch ends.
final class BatchRun {
    private let batch: Batch
    private var started = false
    private var finished = false

    init(_ batch: Batch) {
        self.batch = batch
    }

    func next() async throws -> BatchEvent? {
        guard !finished else { return nil }
        started = true
        do {
            // uniffi's calls do not observe cancellation: `nextEvent` goes on with what is in flight.
            let event = try await withTaskCancellationHandler {
                try await batch.nextEvent()
            } onCancel: { [batch] in
                batch.stop()
            }
            finished = event == nil
            return event
        } catch {
            finished = true
            throw error
        }
    }

    deinit {
        guard started, !finished else { return }
        // Dropping the batch would abandon its calls in flight: stop it, and let them finish.
        let batch = self.batch
        batch.stop()
        Task.detached {
            while (try? await batch.nextEvent()) != nil {}
        }
    }
}
