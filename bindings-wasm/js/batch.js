// A batch (`handover`, `acceptTransfers`, `rejectTransfers`) as an async iterator of events, one
// per certificate as it finishes. The core runs it; this converts the options and the journal.

import { isErrorDescription, toError } from "./describe.js";
import { guarded } from "./panic.js";
import { getJournalFiles } from "./runtime.js";

/**
 * The events of the batch `batch` over `input`, from the client's `native` (a promise).
 * `options.onProgress(progress, event)` is called with each event; `options.abortSignal`, or the
 * iterator's `stop()`, starts no new certificate and lets those in flight finish. The input's
 * `journal` is a store (`{ readLines(), appendLine(line) }`) or, in Node, a file path.
 */
export function batchEvents(native, batch, input, options) {
  let handle;
  let stopped = false;
  const stop = () => {
    stopped = true;
    handle?.stop();
  };
  const events = (async function* () {
    const { journal, ...members } = input ?? {};
    const store = journalStore(journal);
    const client = await native;
    handle = await call(() => guarded(() => client.batch(batch, members, store)));
    if (stopped) handle.stop();
    options?.abortSignal?.addEventListener("abort", stop);
    if (options?.abortSignal?.aborted) stop();
    try {
      for (;;) {
        const event = await call(() => guarded(() => handle.next()));
        if (event === undefined) return;
        options?.onProgress?.(event.progress, event);
        yield event;
      }
    } finally {
      options?.abortSignal?.removeEventListener("abort", stop);
      handle.free();
      if (typeof journal === "string") store.close?.();
    }
  })();
  return Object.assign(events, { stop });
}

/** The journal store of `journal`: a store as given, or a file path opened by the runtime's journal files. */
function journalStore(journal) {
  if (typeof journal !== "string") return journal;
  const files = getJournalFiles();
  if (!files) throw new TypeError("journal: a file path works only in Node; give a store ({ readLines, appendLine })");
  return files(journal);
}

async function call(operation) {
  try {
    return await operation();
  } catch (thrown) {
    throw isErrorDescription(thrown) ? toError(thrown) : thrown;
  }
}
