// Compares what a soak driver reported with the endpoint's state, certificate by certificate.
//
// A transfer happened when the certificate is PENDING_TRANSFER to the target account. Then:
//   done, happened                         correct (and `reconciled` counted when the client says so)
//   done, did not happen (or a wrong ARN)  misreport: done but did not happen
//   failed, not possiblyApplied, happened  misreport: failed but happened
//   failed, possiblyApplied                unknown: allowed, counted by what really happened
//   failed, not possiblyApplied, no        correct
//   hung (or longer than the call timeout and the margin), panicked (or an Internal error, what
//   a panic becomes in the bindings): counted apart;
//   an outcome of another name, a certificate that is not the client's or is reported twice, one
//   the client did not report: counted as malformed.

/** Whether the state shows the certificate offered to `targetAccount`. */
export function happened(record, targetAccount) {
  return (
    record?.status === "PENDING_TRANSFER" &&
    record.transfer?.targetAccount === targetAccount &&
    record.transfer?.outcome === "PENDING"
  );
}

/** The figures of one client's run: `report` from its driver, `certificates` from the state. */
export function classify({ report, certificates, targetAccount, hangLimitMs }) {
  const byId = new Map(certificates.map((record) => [record.certificateId, record]));
  const reported = new Set();
  const figures = {
    calls: report.results.length,
    done: 0,
    reconciled: 0,
    failed: 0,
    failedBy: {},
    misreports: { doneButNotHappened: 0, failedButHappened: 0 },
    unknown: { happened: 0, notHappened: 0 },
    hangs: 0,
    // Counted from the results (a driver also reports its own count, which these include).
    panics: 0,
    malformed: 0,
    examples: [],
    durationMs: percentiles(report.results.map((result) => result.durationMs ?? 0)),
  };
  const example = (why, result) => figures.examples.length < 5 && figures.examples.push({ why, ...result });
  for (const result of report.results) {
    if (!byId.has(result.certificateId) || reported.has(result.certificateId)) {
      figures.malformed += 1;
      example("not a certificate of this client's, or reported twice", result);
    }
    reported.add(result.certificateId);
    const didHappen = happened(byId.get(result.certificateId), targetAccount);
    if (result.outcome === "hung" || (result.durationMs ?? 0) > hangLimitMs) {
      figures.hangs += 1;
      example("hang", result);
    }
    if (result.outcome === "done") {
      figures.done += 1;
      if (result.reconciled) figures.reconciled += 1;
      const arnNamesIt = typeof result.arn === "string" && result.arn.endsWith(`:cert/${result.certificateId}`);
      if (!didHappen || !arnNamesIt) {
        figures.misreports.doneButNotHappened += 1;
        example("done but did not happen", result);
      }
    } else if (result.outcome === "failed" && result.kind === "Internal") {
      figures.panics += 1;
      example("panic (an Internal error)", result);
    } else if (result.outcome === "failed") {
      figures.failed += 1;
      const key = `${result.kind}/${result.code}${result.possiblyApplied ? " (possiblyApplied)" : ""}`;
      figures.failedBy[key] = (figures.failedBy[key] ?? 0) + 1;
      if (result.possiblyApplied) {
        figures.unknown[didHappen ? "happened" : "notHappened"] += 1;
      } else if (didHappen) {
        figures.misreports.failedButHappened += 1;
        example("failed but happened", result);
      }
    } else if (result.outcome === "panicked") {
      figures.panics += 1;
      example("panic", result);
    } else if (result.outcome !== "hung") {
      figures.malformed += 1;
      example("an outcome of no known kind", result);
    }
  }
  figures.malformed += [...byId.keys()].filter((id) => !reported.has(id)).length;
  figures.misreports.total = figures.misreports.doneButNotHappened + figures.misreports.failedButHappened;
  return figures;
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]) : 0);
  return { p50: at(0.5), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0) };
}
