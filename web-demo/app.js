// The demo page: a client for each account, built from the form; lists both sides through the
// package, prepares and transfers, accepts, rejects and cancels, and shows each outcome or the
// typed error with what to do next; the batch view (batch.js) runs many at once. Credentials live
// only in the form fields and this module.

import { IoTTransferClient } from "./pkg/browser.js";
import { initBatch } from "./batch.js";
import { offeredCertificates, renderOffered, renderSource, sourceCertificates } from "./certificates.js";
import { renderDone, renderError, renderReport } from "./result.js";

const field = (id) => document.getElementById(id);
const messageCount = field("message-count");

/** Prefills the form when the local demo server describes its endpoint (never on a real deployment). */
async function prefill() {
  try {
    const response = await fetch("demo-config.json", { cache: "no-store" });
    if (!response.ok) return;
    const demo = await response.json();
    field("endpoint").value = demo.endpoint ?? "";
    field("region").value = demo.region ?? "";
    field("access-key-id").value = demo.accessKeyId ?? "";
    field("secret-access-key").value = demo.secretAccessKey ?? "";
    field("target-access-key-id").value = demo.target?.accessKeyId ?? "";
    field("target-secret-access-key").value = demo.target?.secretAccessKey ?? "";
    field("target-account").value = demo.targetAwsAccount ?? "";
  } catch {
    // No demo server: the user types the connection.
  }
}

/** A client for one account, from the form; `prefix` is "" for the source, "target-" for the target. */
function client(prefix) {
  return new IoTTransferClient({
    region: field("region").value.trim(),
    endpoint: field("endpoint").value.trim() || undefined,
    credentials: {
      accessKeyId: field(`${prefix}access-key-id`).value.trim(),
      secretAccessKey: field(`${prefix}secret-access-key`).value,
      sessionToken: field(`${prefix}session-token`).value || undefined,
    },
    maxAttempts: 3,
    retryBaseDelay: 200,
    timeouts: { attempt: 10_000, call: 30_000 },
    appName: "app/web-demo",
  });
}

/** Runs `work` with a fresh client of each account (so edited credentials apply), then frees them. */
async function withClients(work) {
  const clients = { source: client(""), target: client("target-") };
  try {
    return await work(clients);
  } finally {
    await clients.source.destroy();
    await clients.target.destroy();
  }
}

async function refresh() {
  await withClients(async ({ source, target }) => {
    await Promise.all([
      sourceCertificates(source, field("target-account").value.trim()).then(
        (certificates) => {
          field("certificates-status").textContent = `${certificates.length} certificate(s) in the source account.`;
          renderSource(field("certificates"), certificates, { onChoose: choose, onCancel: cancel, selection: batch.selection });
          batch.listed(certificates);
        },
        (error) => {
          field("certificates-status").textContent = `The source account's certificates could not be listed: ${error.message}`;
          field("certificates").replaceChildren();
        },
      ),
      field("target-access-key-id").value.trim()
        ? offeredCertificates(target).then(
            (certificates) => {
              field("offered-status").textContent = `${certificates.length} certificate(s) offered to the target account.`;
              renderOffered(field("offered"), certificates, { onAccept: accept, onReject: reject });
            },
            (error) => {
              field("offered-status").textContent = `The target account's certificates could not be listed: ${error.message}`;
              field("offered").replaceChildren();
            },
          )
        : Promise.resolve(),
    ]);
  });
}

function choose(id) {
  field("certificate-id").value = id;
}

/** Runs one action with the buttons disabled (but a batch's Stop), shows its outcome, then refreshes both lists. */
async function act(action) {
  const buttons = [...document.querySelectorAll("button:not(.stop)")];
  buttons.forEach((button) => (button.disabled = true));
  try {
    await withClients(action);
  } catch (error) {
    renderError(error);
  } finally {
    await refresh();
    buttons.forEach((button) => (button.disabled = false));
  }
}

function transfer(event) {
  event.preventDefault();
  const input = {
    certificateId: field("certificate-id").value.trim(),
    targetAwsAccount: field("target-account").value.trim(),
    transferMessage: field("message").value || undefined,
  };
  const options = { deactivate: field("deactivate").checked, detachPolicies: field("detach-policies").checked };
  return act(async ({ source }) => renderReport(await source.prepareAndTransfer({ ...input, ...options }), input));
}

function accept(certificateId) {
  return act(async ({ target }) => {
    const output = await target.acceptCertificateTransfer({ certificateId, setAsActive: field("set-as-active").checked });
    renderDone("Accepted: the certificate now belongs to the target account", output, certificateId);
  });
}

function reject(certificateId) {
  return act(async ({ target }) => {
    const rejectReason = field("reject-reason").value || undefined;
    const output = await target.rejectCertificateTransfer({ certificateId, rejectReason });
    renderDone("Rejected: the certificate is back with the source account, INACTIVE", output, certificateId);
  });
}

function cancel(certificateId) {
  return act(async ({ source }) => {
    const output = await source.cancelCertificateTransfer({ certificateId });
    renderDone("Cancelled: the certificate stays with the source account, INACTIVE", output, certificateId);
  });
}

field("message").addEventListener("input", () => {
  messageCount.textContent = `${[...field("message").value].length} / 128`;
});
field("refresh").addEventListener("click", refresh);
field("target-account").addEventListener("change", refresh);
field("transfer-form").addEventListener("submit", transfer);
const batch = initBatch({ act });

await prefill();
await refresh();
