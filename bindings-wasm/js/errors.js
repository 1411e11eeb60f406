// Error classes of the iot-transfer package, shaped like the official JS SDK's service
// exceptions: `name` is the error code, with `$fault`, `$metadata` and `$retryable`.

/** Base class of every error the package throws. */
export class IoTTransferError extends Error {
  constructor(details) {
    super(details.message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = details.name;
    this.code = details.code;
    this.kind = details.kind;
    this.$fault = details.$fault;
    this.$retryable = details.retryable ? { throttling: Boolean(details.throttling) } : undefined;
    this.$metadata = details.$metadata ?? { attempts: 0, totalRetryDelay: 0, reconciled: false };
    this.possiblyApplied = Boolean(details.possiblyApplied);
    if (details.hint !== undefined) this.hint = details.hint;
    if (details.field !== undefined) this.field = details.field;
    if (details.rule !== undefined) this.rule = details.rule;
  }
}

/**
 * An error response from the service; each modelled code has its subclass (service-errors.js,
 * generated from the core), and unmodelled codes are thrown as this class itself.
 */
export class IoTServiceException extends IoTTransferError {}
/** The input broke a model constraint; `field` and `rule` say which. Nothing was sent. */
export class ValidationError extends IoTTransferError {}
/** A per-attempt, whole-call or connect timeout expired. */
export class TimeoutError extends IoTTransferError {}
/** The call was cancelled through its `abortSignal`; `possiblyApplied` says whether it may have happened. */
export class AbortError extends IoTTransferError {}
/** The HTTP exchange failed below HTTP (refused, reset, unreadable). */
export class TransportError extends IoTTransferError {}
/** No credentials could be obtained. Nothing was sent. */
export class CredentialsError extends IoTTransferError {}
/** The region or endpoint configuration is invalid. Nothing was sent. */
export class EndpointError extends IoTTransferError {}
/** A success response that could not be understood. */
export class InvalidResponseError extends IoTTransferError {}
/** The client configuration is invalid. */
export class ConfigurationError extends IoTTransferError {}
/**
 * The WebAssembly module panicked (a bug in iot-transfer) and stopped: the package must be loaded
 * again. A transfer in flight at the time may have happened.
 */
export class InternalError extends IoTTransferError {}
