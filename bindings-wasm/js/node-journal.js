// A batch's journal in a file, for Node: read whole when the batch starts, then opened for
// appending only (never truncated), each line written with one synchronous write before the
// batch goes on, so a process killed at any moment keeps every line it recorded.

import { closeSync, openSync, readFileSync, writeSync } from "node:fs";

/** The journal kept in the file at `path` (JSON lines), created on the first line written. */
export function fileJournal(path) {
  let fd;
  return {
    readLines() {
      let text;
      try {
        text = readFileSync(path, "utf8");
      } catch (error) {
        if (error.code === "ENOENT") return [];
        throw error;
      }
      if (text !== "" && !text.endsWith("\n")) {
        throw new Error(`${path}: its last line is incomplete (the machine stopped while writing it?); remove that part line`);
      }
      return text.split("\n").slice(0, -1);
    },
    appendLine(line) {
      fd ??= openSync(path, "a");
      writeSync(fd, `${line}\n`);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
