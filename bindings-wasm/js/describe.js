// Turning the core's error descriptions into instances of the package's error classes.

import * as errors from "./errors.js";
import * as serviceErrors from "./service-errors.js";

const { IoTServiceException, IoTTransferError } = errors;

/** The classes of service error codes, by code. */
const serviceClasses = new Map(Object.entries(serviceErrors));
/** The classes of errors raised before or below HTTP, by name. */
const localClasses = new Map(
  Object.entries(errors).filter(([, value]) => value !== IoTTransferError && value !== IoTServiceException),
);

/** Turns an error description from the core into an instance of its class. */
export function toError(details) {
  const ErrorClass = details.serviceError
    ? (serviceClasses.get(details.name) ?? IoTServiceException)
    : (localClasses.get(details.name) ?? IoTTransferError);
  return new ErrorClass(details);
}

/** Whether a rejection is a description from the core (and not, say, a JavaScript exception). */
export function isErrorDescription(value) {
  return value !== null && typeof value === "object" && !(value instanceof Error) && typeof value.kind === "string";
}
