// IoTTransferClient: the JavaScript face of the Rust core. Arguments are passed through and
// results converted; validation, signing, retries and error mapping happen in the core.

import { isErrorDescription, toError } from "./describe.js";
import { guarded } from "./panic.js";
import { getDefaultTransport, getEnvironment, loadNative } from "./runtime.js";

const redacted = "** redacted **";

/** A client for the AWS IoT certificate-transfer API. */
export class IoTTransferClient {
  #native;

  /**
   * @param {object} config `{ region, endpoint?, credentials, maxAttempts?, timeouts?, ... }`; in
   * Node, what it leaves out comes from `AWS_REGION`, `AWS_ENDPOINT_URL_IOT` (or
   * `AWS_ENDPOINT_URL`), `AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_MAX_ATTEMPTS`,
   * `AWS_RETRY_MODE` and `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`;
   * `credentials` is `{ accessKeyId, secretAccessKey, sessionToken? }` or an async function
   * returning that; `transport` is a function, or `"fetch"` for the core's fetch transport (the
   * default in browsers; Node defaults to node:http). The client keeps no reference to the
   * configuration object.
   */
  constructor(config) {
    this.#native = Promise.resolve()
      .then(loadNative)
      .then((native) => {
        try {
          const transport = config?.transport ?? getDefaultTransport();
          const isObject = typeof config === "object" && config !== null;
          const withTransport = transport && isObject ? { ...config, transport } : config;
          return new native.NativeClient(withTransport, getEnvironment());
        } catch (thrown) {
          throw isErrorDescription(thrown) ? toError(thrown) : thrown;
        }
      });
    // The failure is reported by the first call; avoid an unhandled rejection meanwhile.
    this.#native.catch(() => {});
  }

  /**
   * Transfers a certificate to another account. `options.abortSignal` cancels the call, which
   * then rejects with an `AbortError`.
   * @returns {Promise<{transferredCertificateArn: string, $metadata: object}>}
   */
  transferCertificate(input, options) {
    // Plain promise chaining: each `async` layer would add turns of the microtask queue per call.
    return guarded(() => this.#native.then((native) => native.transferCertificate(input, options?.abortSignal))).catch(
      rethrow,
    );
  }

  /**
   * Validates and signs the request without sending it; `options.signingDate` (a `Date` or epoch
   * milliseconds) signs for a given time.
   * @returns {Promise<{method: string, url: string, headers: Record<string,string>, body: string}>}
   */
  async signTransferCertificate(input, options = {}) {
    const native = await this.#native;
    const signed = await call(() => guarded(() => native.signTransferCertificate(input, options?.signingDate)));
    hideToken(signed.headers);
    Object.defineProperty(signed, "toJSON", {
      value: () => ({ ...signed, headers: signed.headers.toJSON() }),
    });
    return signed;
  }

  /** Releases the wasm memory held by this client. */
  async destroy() {
    const native = await this.#native.catch(() => undefined);
    native?.free();
  }

  toString() {
    return "IoTTransferClient";
  }

  /** Makes the module panic, as a bug would: for the tests of the panic boundary only. */
  static [Symbol.for("iot-transfer.panicForTests")]() {
    return guarded(() => Promise.resolve().then(loadNative).then((native) => native.panicForTests()));
  }
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
