// The account's certificates, when the endpoint lists them: the local emulator's unauthenticated
// /_emulator/state. A real AWS endpoint has no such listing, and the user types the ID instead.

/** Resolves to `{ certificates: [...] }` for the account of `accessKeyId`, or `{ unavailable: reason }`. */
export async function loadCertificates(endpoint, accessKeyId) {
  if (!endpoint) return { unavailable: "AWS endpoints do not list certificates here: enter the ID." };
  try {
    const response = await fetch(new URL("/_emulator/state", endpoint), { cache: "no-store" });
    if (!response.ok) return { unavailable: "This endpoint does not list certificates: enter the ID." };
    const state = await response.json();
    const account = state.accounts.find((a) => a.accessKeyId === accessKeyId)?.accountId;
    if (!account) return { unavailable: "No account on this endpoint signs with that access key ID." };
    const policies = new Map();
    for (const policy of state.policies ?? []) {
      for (const id of policy.attachedCertificateIds ?? []) policies.set(id, (policies.get(id) ?? 0) + 1);
    }
    const certificates = state.certificates
      .filter((c) => c.ownerAccount === account)
      .map((c) => ({ id: c.certificateId, status: c.status, policies: policies.get(c.certificateId) ?? 0, transfer: c.transfer }));
    return { account, certificates };
  } catch {
    return { unavailable: "This endpoint does not list certificates: enter the ID." };
  }
}

/** Shows the list as radio buttons; choosing one fills the certificate ID. */
export function renderCertificates(listing, container, status, onChoose) {
  for (const old of container.querySelectorAll(".certificate")) old.remove();
  if (listing.unavailable) {
    status.textContent = listing.unavailable;
    return;
  }
  status.textContent = `${listing.certificates.length} certificate(s) in account ${listing.account}.`;
  for (const certificate of listing.certificates) {
    const label = document.createElement("label");
    label.className = "certificate";
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "certificate";
    radio.value = certificate.id;
    radio.addEventListener("change", () => onChoose(certificate.id));
    const id = document.createElement("code");
    id.textContent = certificate.id;
    id.title = certificate.id;
    const badge = document.createElement("span");
    badge.className = `badge ${certificate.status}`;
    badge.textContent = certificate.status;
    const facts = document.createElement("span");
    facts.className = "facts";
    facts.textContent = describe(certificate);
    label.append(radio, id, badge, facts);
    container.append(label);
  }
}

function describe(certificate) {
  const policies = certificate.policies === 1 ? "1 policy attached" : `${certificate.policies} policies attached`;
  if (certificate.status === "ACTIVE") return `${policies}; ACTIVE certificates cannot be transferred`;
  if (certificate.policies > 0) return `${policies}; detach them before transferring`;
  if (certificate.status === "PENDING_TRANSFER") return "transfer pending: the target must accept or reject it";
  return `${policies}; ready to transfer`;
}
