// One batch event in words: what became of a certificate (transferred, accepted, ready, blocked
// and by what, failed and where it was left, skipped and why), for the batch's result list.

import { describeBlocker } from "./certificates.js";

const planned = {
  Deactivate: () => "set it INACTIVE",
  DetachPolicy: (action) => `detach ${action.policyName}`,
  Transfer: () => "transfer it",
  Accept: () => "accept it",
  Reject: () => "reject it",
};

const taken = {
  Deactivate: () => "set INACTIVE",
  DetachPolicy: (action) => `detached ${action.policyName}`,
  Transfer: () => "transferred",
  Accept: () => "accepted",
  Reject: () => "rejected",
};

const name = (names, action) => names[action.type]?.(action) ?? action.type;

/** The steps taken before the last one, as "first set INACTIVE, detached p", or "". */
function before(steps) {
  const done = steps.slice(0, -1).filter((step) => step.outcome.type === "Done");
  return done.length ? `; first ${done.map((step) => name(taken, step.action)).join(", ")}` : "";
}

const settled = (outcome) => (outcome.reconciled ? " (settled from its state)" : "");

/** The sentence saying what became of the certificate of `event`. */
export function describeOutcome(event) {
  const { outcome, steps } = event;
  switch (outcome.type) {
    case "Transferred":
      return `PENDING_TRANSFER to the target account${before(steps)}${settled(outcome)}`;
    case "Accepted":
      return `now owned by this account${settled(outcome)}`;
    case "Rejected":
      return `back with its source account${settled(outcome)}`;
    case "Ready":
      return `would ${outcome.steps.map((action) => name(planned, action)).join(", then ")}`;
    case "Blocked":
      return outcome.blockers.map(describeBlocker).join("; ");
    case "Failed": {
      const hint = outcome.error.hint && `what to do next: ${outcome.error.hint}`;
      return [`${outcome.error.code}: ${outcome.error.message}`, outcome.leftState, hint].filter(Boolean).join(" — ");
    }
    case "Skipped":
      return outcome.reason;
    default:
      return outcome.type;
  }
}
