// The two accounts' certificates, listed through the iot-transfer package itself (so the page
// works against AWS as well as the local endpoint): the source's with their states and what
// blocks their transfer (checkTransfer), and those offered to the target.

import { paginateListCertificates, paginateListOutgoingCertificates } from "./pkg/browser.js";

async function all(paginate, client, member) {
  const items = [];
  for await (const page of paginate({ client }, { pageSize: 250 })) items.push(...page[member]);
  return items;
}

/** The source's certificates: `{ id, account, status, blockers, pendingTo }` each (`account` from its ARN). */
export async function sourceCertificates(client, targetAccount) {
  const [certificates, outgoing] = await Promise.all([
    all(paginateListCertificates, client, "certificates"),
    all(paginateListOutgoingCertificates, client, "outgoingCertificates"),
  ]);
  const pendingTo = new Map(outgoing.map((o) => [o.certificateId, o.transferredTo]));
  // Offered to this account by another: listed, but not this account's to transfer.
  const owned = certificates.filter((c) => c.status !== "PENDING_TRANSFER" || pendingTo.has(c.certificateId));
  // The blockers for the target given, or for any other account while the field is not 12 digits.
  const target = /^[0-9]{12}$/.test(targetAccount) ? targetAccount : "000000000000";
  const checked = await Promise.all(owned.map((c) => client.checkTransfer({ certificateId: c.certificateId, targetAwsAccount: target })));
  return owned.map((c, index) => ({
    id: c.certificateId,
    account: c.certificateArn?.split(":")[4],
    status: c.status,
    blockers: checked[index].blockers,
    pendingTo: pendingTo.get(c.certificateId),
  }));
}

/** The certificates offered to the target: PENDING_TRANSFER, and not among its own outgoing ones. */
export async function offeredCertificates(client) {
  const [certificates, outgoing] = await Promise.all([
    all(paginateListCertificates, client, "certificates"),
    all(paginateListOutgoingCertificates, client, "outgoingCertificates"),
  ]);
  const own = new Set(outgoing.map((o) => o.certificateId));
  return certificates.filter((c) => c.status === "PENDING_TRANSFER" && !own.has(c.certificateId)).map((c) => ({ id: c.certificateId }));
}

/** One blocker in words. */
export function describeBlocker(blocker) {
  switch (blocker.type) {
    case "Active":
      return "ACTIVE: deactivate it first";
    case "PoliciesAttached":
      return `policies attached (${blocker.policyNames.join(", ")}): detach them first`;
    case "AlreadyPendingToTarget":
      return "already offered to the target account: it must accept it; nothing to do here";
    case "PendingTransfer":
      return `transfer pending to ${blocker.targetAccount}: that account must accept or reject it first`;
    case "Revoked":
      return "REVOKED: cannot be transferred";
    case "TargetIsOwner":
      return "the target account already owns it";
    case "NotOwned":
      return `offered to this account by ${blocker.owner}: accept it first`;
    default:
      return blocker.type;
  }
}

function row(certificate, badgeStatus, facts, controls) {
  const item = document.createElement("div");
  item.className = "certificate";
  item.dataset.id = certificate.id;
  const id = document.createElement("code");
  id.textContent = certificate.id;
  id.title = certificate.id;
  const badge = document.createElement("span");
  badge.className = `badge ${badgeStatus}`;
  badge.textContent = badgeStatus;
  const text = document.createElement("span");
  text.className = "facts";
  text.textContent = facts;
  item.append(...controls, id, badge, text);
  return item;
}

/**
 * The source's list: a check box to select it for a batch (`selection`: `has(id)`, `set(id, on)`),
 * a radio button to choose one, its blockers, and Cancel for a pending one.
 */
export function renderSource(container, certificates, { onChoose, onCancel, selection }) {
  container.replaceChildren(
    ...certificates.map((certificate) => {
      const select = document.createElement("input");
      select.type = "checkbox";
      select.className = "select";
      select.checked = selection.has(certificate.id);
      select.setAttribute("aria-label", `Select ${certificate.id} for a batch`);
      select.addEventListener("change", () => selection.set(certificate.id, select.checked));
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "certificate";
      radio.value = certificate.id;
      radio.setAttribute("aria-label", `Choose ${certificate.id}`);
      radio.addEventListener("change", () => onChoose(certificate.id));
      const facts = certificate.blockers.length
        ? certificate.blockers.map(describeBlocker).join("; ")
        : "ready to transfer";
      const item = row(certificate, certificate.status, facts, [select, radio]);
      if (certificate.pendingTo) {
        const cancel = document.createElement("button");
        cancel.type = "button";
        cancel.className = "secondary cancel";
        cancel.textContent = "Cancel transfer";
        cancel.addEventListener("click", () => onCancel(certificate.id));
        item.append(cancel);
      }
      return item;
    }),
  );
}

/** The target's list: Accept (optionally as ACTIVE) and Reject buttons for each offered certificate. */
export function renderOffered(container, certificates, { onAccept, onReject }) {
  container.replaceChildren(
    ...certificates.map((certificate) => {
      const accept = document.createElement("button");
      accept.type = "button";
      accept.className = "secondary accept";
      accept.textContent = "Accept";
      accept.addEventListener("click", () => onAccept(certificate.id));
      const reject = document.createElement("button");
      reject.type = "button";
      reject.className = "secondary reject";
      reject.textContent = "Reject";
      reject.addEventListener("click", () => onReject(certificate.id));
      const item = row(certificate, "PENDING_TRANSFER", "offered to this account", []);
      item.classList.add("offered");
      item.append(accept, reject);
      return item;
    }),
  );
}
