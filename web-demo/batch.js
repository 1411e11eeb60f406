// The batch view: the certificates selected in the source's list planned together (`handover`
// with `planOnly`) or handed over together to the target account, with the handover's journal in
// localStorage (journal.js) so that a rerun skips what is done; and on the target's side, every
// transfer offered accepted together (`acceptTransfers`). Each run is shown by a BatchRun.

import { BatchRun } from "./batch-run.js";
import { forgetJournal, handoverJournal, journalKey, journalLength } from "./journal.js";

const field = (id) => document.getElementById(id);
const isAccount = (text) => /^[0-9]{12}$/.test(text);
/** The check boxes of the source's list (certificates.js renders them). */
const checkBoxes = () => document.querySelectorAll("#certificates input.select");

/** A rate field's requests per second, or undefined (the package's default) when it is empty. */
function rate(id) {
  const value = field(id).value.trim();
  return value === "" ? undefined : Number(value);
}

/**
 * Wires the batch view. `act(work)` runs `work({ source, target })` (fresh clients) with the
 * page's buttons disabled, shows an error it throws, then refreshes both lists. Returns what the
 * source's list needs: the `selection` its check boxes show and set, and `listed(certificates)`
 * to call after each listing.
 */
export function initBatch({ act }) {
  const selected = new Set();
  let listedIds = [];
  let sourceAccount;
  const handoverRun = new BatchRun(field("handover-run"), "Handover progress");
  const acceptRun = new BatchRun(field("accept-run"), "Accept progress");
  const targetAccount = () => field("target-account").value.trim();

  function showSelection(note) {
    field("batch-selected").textContent =
      note ?? (selected.size ? `${selected.size} of ${listedIds.length} certificate(s) selected.` : "No certificate selected.");
  }

  function showJournal() {
    const account = targetAccount();
    field("batch-target").textContent = account || "none given";
    const lines = isAccount(account) ? journalLength(account) : 0;
    field("journal-status").textContent = lines
      ? `Journal of handovers to ${account}: ${lines} line(s) kept in localStorage under ${journalKey(account)}.`
      : `No journal of handovers to ${isAccount(account) ? account : "this account"} yet.`;
    field("forget-journal").hidden = lines === 0;
  }

  function select(on) {
    for (const id of listedIds) on ? selected.add(id) : selected.delete(id);
    for (const box of checkBoxes()) box.checked = on;
    showSelection();
  }

  function handover(planOnly) {
    const certificates = listedIds.filter((id) => selected.has(id));
    if (!certificates.length) return showSelection("Select at least one certificate in the list of step 2 first.");
    const account = targetAccount();
    const input = {
      certificates,
      targetAwsAccount: account,
      deactivate: field("batch-deactivate").checked,
      detachPolicies: field("batch-detach-policies").checked,
      requestsPerSecond: rate("batch-rate"),
      planOnly,
      // A plan changes nothing, its journal included; an account that is not one gets the
      // package's ValidationError rather than a journal of its own.
      journal: planOnly || !isAccount(account) ? undefined : handoverJournal(account),
    };
    return act(async ({ source }) => {
      try {
        await handoverRun.run(planOnly ? "Plan" : "Handover", (options) => source.handover(input, options));
      } finally {
        showJournal();
      }
    });
  }

  function acceptAll() {
    const fromSource = field("accept-from-source").checked;
    const input = {
      fromAccount: fromSource ? sourceAccount : undefined,
      setAsActive: field("set-as-active").checked,
      requestsPerSecond: rate("accept-rate"),
    };
    if (fromSource && !sourceAccount) {
      field("offered-status").textContent = "The source account is not known until its certificates are listed.";
      return undefined;
    }
    return act(({ target }) => acceptRun.run("Accept", (options) => target.acceptTransfers(input, options)));
  }

  field("select-all").addEventListener("click", () => select(true));
  field("select-none").addEventListener("click", () => select(false));
  field("plan").addEventListener("click", () => handover(true));
  field("hand-over").addEventListener("click", () => handover(false));
  field("accept-all").addEventListener("click", acceptAll);
  field("target-account").addEventListener("input", showJournal);
  field("forget-journal").addEventListener("click", () => {
    forgetJournal(targetAccount());
    showJournal();
  });
  showJournal();

  return {
    selection: {
      has: (id) => selected.has(id),
      set(id, on) {
        on ? selected.add(id) : selected.delete(id);
        showSelection();
      },
    },
    listed(certificates) {
      listedIds = certificates.map((certificate) => certificate.id);
      for (const id of selected) if (!listedIds.includes(id)) selected.delete(id);
      sourceAccount = certificates.find((certificate) => certificate.account)?.account ?? sourceAccount;
      field("source-account").textContent = sourceAccount ? `(${sourceAccount})` : "(not known until its certificates are listed)";
      showSelection();
      showJournal();
    },
  };
}
