// Where the client gets the wasm module from: each entry point (browser, Node) registers a loader.

let loader;

/** Registers the function that resolves to the wasm exports. */
export function setNativeLoader(load) {
  loader = load;
}

/** Resolves to the wasm exports, loading them on first use. */
export function loadNative() {
  if (!loader) throw new Error("iot-transfer: no wasm loader registered; import the package entry point");
  return loader();
}

let batchesLoader;

/**
 * Registers the function that resolves to the wasm exports the batches run on, when they are
 * another module than the operations' (browsers: loaded when the first batch starts).
 */
export function setBatchesLoader(load) {
  batchesLoader = load;
}

/** The registered batches loader, or undefined when the batches run on the operations' module (Node). */
export function getBatchesLoader() {
  return batchesLoader;
}

let defaultTransport;

/** Registers the transport clients use unless their configuration names one (Node: node:http). */
export function setDefaultTransport(transport) {
  defaultTransport = transport;
}

/** The registered default transport, if any (browsers: none, the core uses fetch). */
export function getDefaultTransport() {
  return defaultTransport;
}

let defaultCredentials;

/**
 * Registers what gives each new client its credentials function for when neither its
 * configuration nor the environment's keys give credentials (Node: the JS SDK's default chain,
 * when installed).
 */
export function setDefaultCredentials(makeProvider) {
  defaultCredentials = makeProvider;
}

/** A new client's default credentials function, if the entry point registered one (browsers: none). */
export function getDefaultCredentials() {
  return defaultCredentials?.();
}

let environment;

/** Registers where settings come from when the configuration leaves them out (Node: process.env). */
export function setEnvironment(read) {
  environment = read;
}

/** The registered environment (an object of strings), if any (browsers: none). */
export function getEnvironment() {
  return environment?.();
}

let journalFiles;

/** Registers how a batch's journal named by a file path is kept (Node: `fileJournal`). */
export function setJournalFiles(open) {
  journalFiles = open;
}

/** The registered journal files, if any (browsers: none; a journal there is a store). */
export function getJournalFiles() {
  return journalFiles;
}
