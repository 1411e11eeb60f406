// The handover's journal kept in this browser's localStorage, as the store object the package's
// batches take (`{ readLines, appendLine }`), one key per target account. The key holds only the
// journal's JSON lines, which the package writes: certificate IDs, the call about to be sent, each
// outcome (an ARN, or an error's code and message). Never a credential.

const PREFIX = "iot-transfer-demo/journal/handover/";

/** The localStorage key of the journal of handovers to `targetAccount`. */
export const journalKey = (targetAccount) => `${PREFIX}${targetAccount}`;

function read(key) {
  const text = localStorage.getItem(key);
  return text ? text.split("\n") : [];
}

/** The journal store of handovers to `targetAccount`: what `handover({ journal })` takes. */
export function handoverJournal(targetAccount) {
  const key = journalKey(targetAccount);
  return {
    // Async, so that a storage error (such as a full quota) is a rejection the batch reports.
    async readLines() {
      return read(key);
    },
    async appendLine(line) {
      const text = localStorage.getItem(key);
      localStorage.setItem(key, text ? `${text}\n${line}` : line);
    },
  };
}

/** How many lines the journal of handovers to `targetAccount` holds (0 when there is none). */
export const journalLength = (targetAccount) => read(journalKey(targetAccount)).length;

/** Forgets the journal of handovers to `targetAccount`: a rerun then checks every certificate again. */
export const forgetJournal = (targetAccount) => localStorage.removeItem(journalKey(targetAccount));
