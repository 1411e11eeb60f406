// Renders a transfer's outcome: the ARN and metadata, or the typed error with what to do next.

import { IoTServiceException, ValidationError } from "./pkg/browser.js";

const panel = document.getElementById("result");
const body = document.getElementById("result-body");

function show(kind, headline, facts, next) {
  panel.hidden = false;
  panel.className = `card result ${kind}`;
  body.replaceChildren();
  const title = document.createElement("p");
  title.className = "headline";
  title.textContent = headline;
  const list = document.createElement("dl");
  for (const [name, value] of facts) {
    if (value === undefined || value === null || value === "") continue;
    const term = document.createElement("dt");
    term.textContent = name;
    const detail = document.createElement("dd");
    detail.textContent = String(value);
    list.append(term, detail);
  }
  body.append(title, list);
  if (next) {
    const advice = document.createElement("p");
    advice.className = "next";
    advice.textContent = `What to do next: ${next}`;
    body.append(advice);
  }
  panel.focus?.();
}

const metadataFacts = (metadata) => [
  ["HTTP status", metadata.httpStatusCode],
  ["Request ID", metadata.requestId],
  ["Attempts", metadata.attempts],
  ["Retry delay", metadata.totalRetryDelay ? `${metadata.totalRetryDelay} ms` : undefined],
];

/** The transfer is pending on the target account. */
export function renderSuccess(output, input) {
  show(
    "ok",
    "Transfer started: the certificate is PENDING_TRANSFER",
    [["Transferred certificate ARN", output.transferredCertificateArn], ...metadataFacts(output.$metadata)],
    `tell account ${input.targetAwsAccount} to accept it (AcceptCertificateTransfer); AWS does not notify it.`,
  );
}

/** A typed error: its class name, message, and the hint or field that says what to change. */
export function renderError(error) {
  const where = error instanceof ValidationError ? `check the ${error.field} field: it ${error.rule}.` : undefined;
  const origin = error instanceof IoTServiceException ? "returned by the service" : "raised before or while sending";
  show(
    "failed",
    `${error.name ?? "Error"}: ${error.message}`,
    [["Error", `${error.name} (${origin})`], ["Fault", error.$fault], ...metadataFacts(error.$metadata ?? {})],
    where ?? error.hint ?? (error.$retryable ? "try again in a moment." : undefined),
  );
}
