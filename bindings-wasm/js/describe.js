// Turning the core's error descriptions into instances of the package's error classes.

import { IoTServiceException, IoTTransferError } from "./errors.js";
import * as localErrors from "./local-errors.js";
import * as serviceErrors from "./service-errors.js";

/** The classes of service error codes, by code. */
const serviceClasses = new Map(Object.entries(serviceErrors));
/** The classes of errors raised before or below HTTP, by the core's kind. */
const localClasses = new Map(Object.values(localErrors).map((ErrorClass) => [ErrorClass.kind, ErrorClass]));

/** Turns an error description from the core (`{ serviceError, details }`) into an instance of its class. */
export function toError({ serviceError, details }) {
  const ErrorClass = serviceError
    ? (serviceClasses.get(details.code) ?? IoTServiceException)
    : (localClasses.get(details.kind) ?? IoTTransferError);
  return new ErrorClass(details);
}

/** Whether a rejection is a description from the core (and not, say, a JavaScript exception). */
export function isErrorDescription(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    !(value instanceof Error) &&
    typeof value.details === "object" &&
    typeof value.details?.kind === "string"
  );
}
