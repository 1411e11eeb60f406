// Renders an outcome: a prepared transfer's steps, an accept, reject or cancel, or the typed error
// with what to do next.

import { IoTServiceException, ValidationError } from "./pkg/browser.js";
import { describeBlocker } from "./certificates.js";

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

const stepNames = {
  Deactivate: () => "Set INACTIVE",
  DetachPolicy: (action) => `Detached ${action.policyName}`,
  Transfer: () => "Transferred",
};

/** What prepareAndTransfer did: the transfer, or what blocked it, or the step that failed. */
export function renderReport(report, input) {
  const steps = report.steps.map((step) => {
    const name = stepNames[step.action.type]?.(step.action) ?? step.action.type;
    const outcome =
      step.outcome.type === "Done"
        ? "done"
        : `${step.outcome.possiblyApplied ? "outcome unknown" : "failed"}: ${step.outcome.code}: ${step.outcome.message}`;
    return [name, outcome];
  });
  if (report.transfer) {
    show(
      "ok",
      "Transfer started: the certificate is PENDING_TRANSFER",
      [...steps, ["Transferred certificate ARN", report.transfer.transferredCertificateArn], ...metadataFacts(report.transfer.$metadata)],
      `tell account ${input.targetAwsAccount} to accept it (AcceptCertificateTransfer); AWS does not notify it.`,
    );
    return;
  }
  if (report.remainingBlockers.some((blocker) => blocker.type === "AlreadyPendingToTarget")) {
    show("ok", "Already offered to the target account: nothing was changed, and nothing needs to be", [["State", report.leftState]],
      `tell account ${input.targetAwsAccount} to accept it (AcceptCertificateTransfer).`);
    return;
  }
  const blockers = report.remainingBlockers.map((blocker) => ["Blocked by", describeBlocker(blocker)]);
  show(
    "failed",
    blockers.length ? "Not transferred: something blocks it, and nothing was changed" : "Not transferred",
    [...blockers, ...steps, ["State left", report.leftState]],
    report.error?.hint ?? (blockers.length ? "allow the page to clear it (the options above), or clear it yourself." : undefined),
  );
}

/** An accept, reject or cancel that succeeded. */
export function renderDone(headline, output, certificateId) {
  show(
    "ok",
    headline,
    [
      ["Certificate", certificateId],
      ...metadataFacts(output.$metadata),
      ["Settled from the certificate's state", output.$metadata.reconciled ? "yes" : undefined],
    ],
    undefined,
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
