// IoTTransferClient: the JavaScript face of the Rust core. Arguments are passed through and
// results converted; validation, signing, retries and error mapping happen in the core.

import { isErrorDescription, toError } from "./describe.js";
import { batchEvents } from "./batch.js";
import { BATCHES, OPERATIONS } from "./operations.js";
import { guarded } from "./panic.js";
import { getBatchesLoader, getDefaultCredentials, getDefaultTransport, getEnvironment, loadNative } from "./runtime.js";

const redacted = "** redacted **";
/** The client's method that calls an operation by name, for the methods installed below. */
const callOperation = Symbol("iot-transfer.callOperation");
/** The client's method that signs an operation's request by name, for the methods installed below. */
const signOperation = Symbol("iot-transfer.signOperation");
/** The client's method that resolves to the wasm client its batches run on, for the batch methods installed below. */
const batchesClient = Symbol("iot-transfer.batchesClient");

/**
 * A wasm client of the module `load` resolves to, configured by `config` (with the registered
 * default transport, environment and credentials): a promise whose failure, a configuration
 * error, is reported by the first call that awaits it.
 */
function newNative(load, config) {
  const native = Promise.resolve()
    .then(load)
    .then((module) => {
      try {
        const transport = config?.transport ?? getDefaultTransport();
        const isObject = typeof config === "object" && config !== null;
        const withTransport = transport && isObject ? { ...config, transport } : config;
        return new module.NativeClient(withTransport, getEnvironment(), getDefaultCredentials());
      } catch (thrown) {
        throw isErrorDescription(thrown) ? toError(thrown) : thrown;
      }
    });
  // The failure is reported by the first call; avoid an unhandled rejection meanwhile.
  native.catch(() => {});
  return native;
}

/**
 * A client for the AWS IoT certificate-transfer API. Also exported as `IoTClient` and `IoT`, the
 * JS SDK's names (the same class), so a script written for `@aws-sdk/client-iot` runs with only
 * its import changed.
 */
export class IoTTransferClient {
  #native;
  /** The wasm client of the batches' module, made on the first batch (browsers). */
  #batchesNative;
  /** Makes #batchesNative, when the batches are another module than the operations' (browsers). */
  #makeBatchesNative;

  /**
   * @param {object} config `{ region, endpoint?, credentials, maxAttempts?, timeouts?, ... }`; in
   * Node, what it leaves out comes from `AWS_REGION`, `AWS_ENDPOINT_URL_IOT` (or
   * `AWS_ENDPOINT_URL`), `AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_MAX_ATTEMPTS`,
   * `AWS_RETRY_MODE` and `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, then
   * (credentials) the JS SDK's default chain when `@aws-sdk/credential-provider-node` is installed;
   * `credentials` is `{ accessKeyId, secretAccessKey, sessionToken? }` or an async function
   * returning that; `transport` is a function, or `"fetch"` for the core's fetch transport (the
   * default in browsers; Node defaults to node:http). In Node the client keeps no reference to the
   * configuration object. In a browser, where the batches are a second module loaded when the
   * first batch starts, it keeps a shallow copy of it (never printed) for that module's client.
   */
  constructor(config) {
    let operationsModule;
    this.#native = newNative(() => Promise.resolve().then(loadNative).then((module) => (operationsModule = module)), config);
    const loadBatches = getBatchesLoader();
    if (loadBatches) {
      const copy = typeof config === "object" && config !== null ? { ...config } : config;
      // The operations' client serves the batches when it runs on the batches' module already.
      this.#makeBatchesNative = () =>
        this.#native
          .then(loadBatches)
          .then((batchesModule) => (batchesModule === operationsModule ? this.#native : newNative(() => batchesModule, copy)));
    }
  }

  /**
   * Sends a command (`new AcceptCertificateTransferCommand(input)`, ...), as the JS SDK's
   * `client.send`. `options.abortSignal` cancels the call, which then rejects with an `AbortError`.
   */
  send(command, options) {
    return this[callOperation](command?.constructor?.operation, command?.input, options);
  }

  /** Calls the operation named `operation` with `input`. */
  [callOperation](operation, input, options) {
    // Plain promise chaining: each `async` layer would add turns of the microtask queue per call.
    return guarded(() => this.#native.then((native) => native.call(String(operation), input, options?.abortSignal))).catch(
      rethrow,
    );
  }

  /**
   * Every page of the list operation named `operation`, from `input`'s marker on, as an async
   * iterator; the paginate functions (`paginateListCertificates`) call it with the JS SDK's
   * paginator configuration, whose `startingToken` and `pageSize` become the input's members.
   */
  async *paginate(operation, input, config) {
    const native = await this.#native;
    const first = pageInput(input, config);
    const pages = await call(() => guarded(() => native.paginate(String(operation), first)));
    try {
      for (;;) {
        const page = await call(() => guarded(() => pages.next()));
        if (page === undefined) return;
        yield page;
      }
    } finally {
      pages.free();
    }
  }

  /** Resolves to the wasm client the batches run on: the operations' one, or (browsers) the batches' module's, made once. */
  [batchesClient]() {
    if (!this.#batchesNative) {
      this.#batchesNative = this.#makeBatchesNative?.() ?? this.#native;
      // The failure is reported by the batch that awaits it; avoid an unhandled rejection meanwhile.
      this.#batchesNative.catch(() => {});
    }
    return this.#batchesNative;
  }

  /** Signs the request of the operation named `operation` without sending it; the `sign…` methods call it. */
  async [signOperation](operation, input, options = {}) {
    const native = await this.#native;
    const signed = await call(() => guarded(() => native.sign(operation, input, options?.signingDate)));
    hideToken(signed.headers);
    Object.defineProperty(signed, "toJSON", {
      value: () => ({ ...signed, headers: signed.headers.toJSON() }),
    });
    return signed;
  }

  /** Releases the wasm memory held by this client. */
  async destroy() {
    const natives = [this.#native, this.#batchesNative].map((native) => native?.catch(() => undefined));
    for (const native of new Set(await Promise.all(natives))) native?.free();
  }

  toString() {
    return "IoTTransferClient";
  }

  /** Makes the module panic, as a bug would: for the tests of the panic boundary only. */
  static [Symbol.for("iot-transfer.panicForTests")]() {
    return guarded(() => Promise.resolve().then(loadNative).then((native) => native.panicForTests()));
  }
}

// One method per operation and workflow call of the core (`transferCertificate`,
// `checkTransfer`, ...), each calling it by name; and per operation, one that signs its request
// without sending it (`signTransferCertificate`; `options.signingDate`, a `Date` or epoch
// milliseconds, signs for a given time).
for (const { name, method, workflow } of OPERATIONS) {
  Object.defineProperty(IoTTransferClient.prototype, method, {
    value: function (input, options) {
      return this[callOperation](name, input, options);
    },
    writable: true,
    configurable: true,
  });
  if (workflow) continue;
  Object.defineProperty(IoTTransferClient.prototype, `sign${name}`, {
    value: function (input, options) {
      return this[signOperation](name, input, options);
    },
    writable: true,
    configurable: true,
  });
}

// One method per batch of the core (`handover`, `acceptTransfers`, `rejectTransfers`), each an
// async iterator of events (see batch.js).
for (const { batch, method } of BATCHES) {
  Object.defineProperty(IoTTransferClient.prototype, method, {
    value: function (input, options) {
      return batchEvents(this[batchesClient](), batch, input, options);
    },
    writable: true,
    configurable: true,
  });
}

/**
 * The first page's input from the JS SDK's paginator configuration (`{ client, pageSize,
 * startingToken }`), as the JS SDK reads it: `startingToken` wins over the input's `marker`, the
 * input's `pageSize` over the configuration's.
 */
function pageInput(input, config) {
  const startingToken = config?.startingToken;
  const pageSize = config?.pageSize;
  if (startingToken == null && pageSize == null) return input ?? {};
  return {
    ...input,
    ...(startingToken == null ? {} : { marker: startingToken }),
    ...(input?.pageSize != null || pageSize == null ? {} : { pageSize }),
  };
}

/** Rethrows a description from the core as its error class, anything else as it is. */
function rethrow(thrown) {
  throw isErrorDescription(thrown) ? toError(thrown) : thrown;
}

async function call(operation) {
  try {
    return await operation();
  } catch (thrown) {
    throw isErrorDescription(thrown) ? toError(thrown) : thrown;
  }
}

/** Keeps the session token out of JSON.stringify and Node's console output, not out of fetch. */
function hideToken(headers) {
  const printable = () => {
    const copy = { ...headers };
    if (copy["x-amz-security-token"] !== undefined) copy["x-amz-security-token"] = redacted;
    return copy;
  };
  Object.defineProperty(headers, "toJSON", { value: printable });
  Object.defineProperty(headers, Symbol.for("nodejs.util.inspect.custom"), { value: printable });
}

export {
  /** The JS SDK's name of the client (`@aws-sdk/client-iot`'s `IoTClient`): `IoTTransferClient` itself. */
  IoTTransferClient as IoTClient,
  /** The JS SDK's aggregated client (`IoT`, with a method per operation): `IoTTransferClient` itself. */
  IoTTransferClient as IoT,
};
