// One batch's run on the page: a <progress> bar and live counts from the batch's `onProgress`, a
// Stop button (its `stop()`: nothing new starts, what is in flight finishes), and each
// certificate's outcome as it finishes. Built from the page's #batch-run-template.

import { describeOutcome } from "./outcome.js";

/** How a count of the progress is shown; the others as they are. */
const formats = {
  requestsPerSecond: (value) => value.toFixed(1),
  timeLeft: (value) => (value === undefined ? "–" : value === 0 ? "0 s" : `about ${Math.ceil(value / 1000)} s`),
};

/** The outcomes counted in the summary, with their words. */
const tallies = [
  ["done", "done"],
  ["ready", "ready"],
  ["blocked", "blocked"],
  ["failed", "failed"],
  ["skipped", "skipped"],
];

/** The display of a batch view's runs, in `container`. */
export class BatchRun {
  /** Fills `container` from the template; `label` names the progress bar for assistive technology. */
  constructor(container, label) {
    container.replaceChildren(document.getElementById("batch-run-template").content.cloneNode(true));
    this.container = container;
    this.bar = container.querySelector("progress");
    this.bar.setAttribute("aria-label", label);
    this.status = container.querySelector(".status");
    this.stopButton = container.querySelector(".stop");
    this.results = container.querySelector(".results");
    this.counts = [...container.querySelectorAll("[data-count]")].map((element) => [element.dataset.count, element]);
    this.stopButton.addEventListener("click", () => this.stop());
  }

  /**
   * Runs the batch that `start(options)` begins (it returns the batch's events), showing its
   * progress and each outcome as it comes; `what` names the run ("Plan", "Handover"). Resolves to
   * the last progress, or undefined when the batch had no certificate; rejects as the batch does.
   */
  async run(what, start) {
    this.what = what;
    this.stopping = false;
    this.container.hidden = false;
    this.results.replaceChildren();
    this.bar.removeAttribute("value"); // indeterminate until the first certificate finishes
    this.status.textContent = `${what}: starting…`;
    this.events = start({ onProgress: (progress) => this.progress(progress) });
    this.stopButton.hidden = false;
    this.stopButton.disabled = false;
    let last;
    try {
      for await (const event of this.events) {
        last = event.progress;
        this.add(event);
      }
    } catch (error) {
      this.status.textContent = `${what} ended early: ${error.name}: ${error.message}`;
      throw error;
    } finally {
      this.stopButton.hidden = true;
      this.events = undefined;
    }
    this.finish(last);
    return last;
  }

  /** Starts nothing new; the certificates in flight finish, each with its outcome. */
  stop() {
    if (!this.events) return;
    this.stopping = true;
    this.events.stop();
    this.stopButton.disabled = true;
    this.status.textContent = `${this.what}: stopping; the certificates in flight finish, nothing new is started…`;
  }

  /** Shows `progress`: the bar, every count, and how far the run is. */
  progress(progress) {
    this.bar.max = Math.max(progress.total, 1);
    this.bar.value = progress.total - progress.remaining;
    for (const [name, element] of this.counts) element.textContent = (formats[name] ?? String)(progress[name]);
    if (!this.stopping) this.status.textContent = `${this.what}: ${progress.total - progress.remaining} of ${progress.total} finished…`;
  }

  /** Adds the outcome of one certificate to the list. */
  add(event) {
    const item = document.createElement("li");
    item.className = "outcome";
    item.dataset.id = event.certificateId;
    item.dataset.outcome = event.outcome.type;
    const id = document.createElement("code");
    id.textContent = event.certificateId;
    id.title = event.certificateId;
    const badge = document.createElement("span");
    badge.className = `badge ${event.outcome.type}`;
    badge.textContent = event.outcome.type;
    const facts = document.createElement("span");
    facts.className = "facts";
    facts.textContent = describeOutcome(event);
    item.append(id, badge, facts);
    this.results.append(item);
  }

  /** Says how the run ended, given its last progress. */
  finish(last) {
    if (!last) {
      this.bar.max = 1;
      this.bar.value = 1;
      this.status.textContent = `${this.what} finished: there was no certificate to work on.`;
      return;
    }
    const finished = last.total - last.remaining;
    const counted = tallies.filter(([name]) => last[name] > 0).map(([name, word]) => `${last[name]} ${word}`);
    this.status.textContent = last.remaining
      ? `${this.what} stopped: ${finished} of ${last.total} finished (${counted.join(", ")}), ${last.remaining} not started.`
      : `${this.what} finished: ${finished} of ${last.total} (${counted.join(", ")}).`;
  }
}
