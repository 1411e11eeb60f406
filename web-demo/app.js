// The demo page: reads the form, calls the iot-transfer package, and shows the result or the
// typed error with what to do next. Credentials live only in the form fields and this module.

import { IoTTransferClient } from "./pkg/browser.js";
import { loadCertificates, renderCertificates } from "./certificates.js";
import { renderError, renderSuccess } from "./result.js";

const form = document.getElementById("transfer-form");
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
    field("target-account").value = demo.targetAwsAccount ?? "";
  } catch {
    // No demo server: the user types the connection.
  }
}

function connection() {
  return {
    endpoint: field("endpoint").value.trim() || undefined,
    region: field("region").value.trim(),
    accessKeyId: field("access-key-id").value.trim(),
  };
}

async function refresh() {
  const { endpoint, accessKeyId } = connection();
  const listing = await loadCertificates(endpoint, accessKeyId);
  renderCertificates(listing, field("certificates"), field("certificates-status"), (id) => {
    field("certificate-id").value = id;
  });
}

async function transfer(event) {
  event.preventDefault();
  const button = field("transfer");
  button.disabled = true;
  const { endpoint, region } = connection();
  // A fresh client per transfer, so edited credentials apply; the secret goes no further.
  const client = new IoTTransferClient({
    region,
    endpoint,
    credentials: {
      accessKeyId: field("access-key-id").value.trim(),
      secretAccessKey: field("secret-access-key").value,
      sessionToken: field("session-token").value || undefined,
    },
    maxAttempts: 3,
    retryBaseDelay: 200,
    timeouts: { attempt: 10_000, call: 30_000 },
    appName: "app/web-demo",
  });
  const input = {
    certificateId: field("certificate-id").value.trim(),
    targetAwsAccount: field("target-account").value.trim(),
    transferMessage: field("message").value || undefined,
  };
  try {
    const output = await client.transferCertificate(input);
    renderSuccess(output, input);
  } catch (error) {
    renderError(error);
  } finally {
    button.disabled = false;
    await client.destroy();
    await refresh();
  }
}

field("message").addEventListener("input", () => {
  messageCount.textContent = `${[...field("message").value].length} / 128`;
});
field("refresh").addEventListener("click", refresh);
form.addEventListener("submit", transfer);

await prefill();
await refresh();
