// Error classes of the iot-transfer package, shaped like the official JS SDK's service
// exceptions: `name` is the error code, with `$fault`, `$metadata` and `$retryable`.

/**
 * Base class of every error the package throws, made from the core's record of the error
 * (`ErrorDetails`: kind, code, message, fault, retryable, throttling, possiblyApplied, hint,
 * validation, $metadata). `name` is the service's error code, or the class's own name for errors
 * raised before or below HTTP (`ValidationError`, `AbortError`, ...).
 */
export class IoTTransferError extends Error {
  constructor(details) {
    super(details.message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = Object.prototype.hasOwnProperty.call(new.target, "kind") ? new.target.name : details.code;
    this.code = details.code;
    this.kind = details.kind;
    this.$fault = details.fault;
    this.$retryable = details.retryable ? { throttling: Boolean(details.throttling) } : undefined;
    this.$metadata = details.$metadata ?? { attempts: 0, totalRetryDelay: 0, reconciled: false };
    this.possiblyApplied = Boolean(details.possiblyApplied);
    if (details.hint !== undefined) this.hint = details.hint;
    if (details.validation !== undefined) {
      this.field = details.validation.field;
      this.rule = details.validation.rule;
    }
  }
}

/**
 * An error response from the service; each modelled code has its subclass (service-errors.js,
 * generated from the core), and unmodelled codes are thrown as this class itself.
 */
export class IoTServiceException extends IoTTransferError {}
