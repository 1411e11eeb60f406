// Prints the soak figures: one row per client, then what failed and how, per client.

const columns = [
  ["client", (c) => c.client],
  ["calls", (c) => c.calls],
  ["done", (c) => c.done],
  ["reconciled", (c) => c.reconciled],
  ["failed", (c) => c.failed],
  ["unknown(happened/not)", (c) => `${c.unknown.happened}/${c.unknown.notHappened}`],
  ["MISREPORT done/failed", (c) => `${c.misreports.doneButNotHappened}/${c.misreports.failedButHappened}`],
  ["hangs", (c) => c.hangs],
  ["panics", (c) => c.panics],
  ["malformed", (c) => c.malformed],
  ["crashed", (c) => (c.crashed ? "yes" : "no")],
  ["RSS MB start/mid/end", (c) => [c.rssKb.start, c.rssKb.middle, c.rssKb.end].map(mb).join("/")],
  ["ms p50/p99/max", (c) => `${c.durationMs.p50}/${c.durationMs.p99}/${c.durationMs.max}`],
  ["wall s", (c) => (c.wallMs / 1000).toFixed(1)],
];

function mb(kb) {
  return (kb / 1024).toFixed(1);
}

/** The table as text. */
export function formatTable(clients) {
  const rows = [columns.map(([name]) => name), ...clients.map((c) => columns.map(([, value]) => String(value(c))))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => cell.padStart(widths[i])).join("  ");
  const out = [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)];
  for (const c of clients) {
    out.push("", `${c.client}: faults injected ${JSON.stringify(c.faultsInjected)}, server calls ${JSON.stringify(c.serverCalls)}`);
    for (const [key, count] of Object.entries(c.failedBy).sort((a, b) => b[1] - a[1])) {
      out.push(`  failed ${String(count).padStart(5)}  ${key}`);
    }
    for (const example of c.examples) {
      out.push(`  e.g. ${example.why}: ${JSON.stringify(example)}`);
    }
    if (c.crashed) out.push(`  driver crashed: ${c.crashed}`);
  }
  return out.join("\n");
}
