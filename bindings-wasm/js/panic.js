// After a panic the WebAssembly module has aborted: its memory is no longer trustworthy. Every
// call in flight rejects with an InternalError carrying the panic's message, and every later call
// rejects with the same error, saying the package must be loaded again.

import { InternalError } from "./local-errors.js";

const pending = new Set();
let panicMessage;
const afterPanic = [];

/** Called by the module's panic hook, before it aborts. */
export function reportPanic(message) {
  panicMessage = String(message).replace(/\s*\n\s*/g, " ");
  for (const reject of pending) reject(panicError(true));
  pending.clear();
  for (const handler of afterPanic) handler();
}

/** Registers what an entry point must do when the module panics (Node: absorb the abort). */
export function onPanic(handler) {
  afterPanic.push(handler);
}

/** The error of a call made (or, `inFlight`, pending) when the module panicked. */
export function panicError(inFlight = false) {
  return new InternalError({
    code: InternalError.code,
    kind: InternalError.kind,
    fault: "client",
    // A call in flight may have sent its transfer; a later one sent nothing.
    possiblyApplied: inFlight,
    message:
      `the iot-transfer WebAssembly module panicked and cannot be used any more (${panicMessage}); ` +
      "load the package again (reload the page or restart the process) and check the transfer with DescribeCertificate",
  });
}

/** Runs `call` (a function returning a promise into the module), unless the module has panicked. */
export function guarded(call) {
  if (panicMessage !== undefined) return Promise.reject(panicError());
  return new Promise((resolve, reject) => {
    pending.add(reject);
    const settle = (settler) => (value) => {
      pending.delete(reject);
      settler(value);
    };
    Promise.resolve()
      .then(call)
      .then(settle(resolve), settle(reject));
  });
}
