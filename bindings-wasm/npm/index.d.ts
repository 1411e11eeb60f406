// Types of the iot-transfer npm package.

/** Access key credentials, as the AWS JS SDK's `AwsCredentialIdentity`. */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** When temporary credentials expire; the client asks its provider again 5 minutes before. */
  expiration?: Date;
}

/** Static credentials, or an async function returning them (Cognito, STS, your backend). */
export type CredentialsInput = AwsCredentialIdentity | (() => Promise<AwsCredentialIdentity> | AwsCredentialIdentity);

/**
 * Client configuration: the settings every binding offers (`ClientSettings`, names as in the AWS
 * JS SDK; in Node, each one left out comes from its environment variable), plus what only
 * JavaScript has. The region is required, here or (Node) in `AWS_REGION`; credentials too, here
 * or (Node) in `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`), else (Node)
 * from the JS SDK's default chain (shared files, SSO, IMDS, ...) when
 * `@aws-sdk/credential-provider-node`, an optional peer dependency, is installed; or pass
 * `credentials: fromNodeProviderChain()` from `@aws-sdk/credential-providers`. A setting of the
 * wrong type, or out of its range, is a `ConfigurationError` naming it.
 */
export interface IoTTransferClientConfig extends ClientSettings {
  /** Any provider of `@aws-sdk/credential-providers` fits. */
  credentials?: CredentialsInput;
  /**
   * How requests are sent. Default: `node:http` in Node, `fetch` in browsers. `"fetch"` uses the
   * platform's `fetch` in Node too. A function sends one signed request and reads the whole
   * response; the client still signs, retries, times out and maps errors. A function must not
   * follow redirects: a 3xx response is a `TransportError`. `fetch` (browsers, `"fetch"`) follows
   * them itself; the client then refuses the answer from the other URL (see the README).
   */
  transport?: "fetch" | ((request: HttpRequest) => Promise<HttpResponse>);
}

/** What a custom transport is asked to send. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
  /**
   * Aborted when the client gives up on the attempt (attempt or call timeout): stop and close the
   * connection, so that it is gone before the retry is sent (`http.request(url, { signal })`).
   * Present only when the client has an attempt or call timeout, the only way an attempt is
   * abandoned.
   */
  signal?: AbortSignal;
  /** The longest body the client accepts: a transport may stop reading one byte past it. */
  maxResponseBytes: number;
}

/**
 * What a custom transport resolves to; header names lower case (node:http's `response.headers` as
 * is), only those the client reads are looked at. Reject with an Error whose `code` is a Node
 * error code (ECONNREFUSED, ...) when known.
 */
export interface HttpResponse {
  /** The HTTP status, 100 to 999; a 3xx is not followed. */
  status: number;
  headers?: Record<string, string | string[] | undefined>;
  body?: Uint8Array | ArrayBuffer;
}


/** As the JS SDK's `$metadata`; `totalRetryDelay` in milliseconds. */
export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts: number;
  totalRetryDelay: number;
  /**
   * True when the answer comes from a check of the certificate's state (DescribeCertificate,
   * ListOutgoingCertificates) after an attempt whose outcome was unknown: a transfer confirmed
   * pending to the target account, or an error whose `hint` says what the check found.
   */
  reconciled: boolean;
}


/** A signed request, ready to send as is. `JSON.stringify` redacts the session token. */
export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface SignOptions {
  /**
   * Sign for this time instead of now: a `Date` or milliseconds since the epoch, from
   * 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z. Anything else is a `ValidationError` whose
   * `field` is `signingDate`.
   */
  signingDate?: Date | number;
}

/** Options of one call, as the JS SDK's `client.send(command, options)` takes them. */
export interface CallOptions {
  /**
   * Cancels the call when it fires: the retries stop, the attempt in flight is aborted, and the
   * call rejects with an `AbortError` whose `possiblyApplied` says whether the transfer may have
   * happened. A signal already aborted rejects before anything is sent.
   */
  abortSignal?: AbortSignal;
}

/**
 * Where a batch keeps its journal (JSON lines): in a browser, the caller's own storage; in Node,
 * a file path works too (`fileJournal`). Each method may return a promise; a line must be kept
 * before `appendLine`'s promise resolves.
 */
export interface JournalStore {
  /** Every line kept so far, in order (none for a new journal). */
  readLines(): string[] | Promise<string[]>;
  /** Keeps `line` after the others. */
  appendLine(line: string): void | Promise<void>;
}

/** Options of a batch (`handover`, `acceptTransfers`, `rejectTransfers`). */
export interface BatchOptions {
  /** Called with each event's progress (and the event), as each certificate finishes. */
  onProgress?: (progress: BatchProgress, event: BatchEvent) => void;
  /** Stops the batch when it fires: no new certificate is started; those in flight finish. */
  abortSignal?: AbortSignal;
}

/** A running batch: `for await (const event of batch)`, one event per certificate as it finishes. */
export interface BatchEvents<E> extends AsyncGenerator<E, void, undefined> {
  /** Starts no new certificate; those in flight finish, each with its event. */
  stop(): void;
}

/** A journal kept in a file (Node only): what a batch's `journal: "path"` uses. */
export declare function fileJournal(path: string): JournalStore & { close(): void };

export declare class IoTTransferClient {
  constructor(config?: IoTTransferClientConfig);
  /**
   * Every page of the list operation named `operation`; the `paginate…` functions call it with
   * their configuration, whose `startingToken` and `pageSize` fill the input's `marker` and
   * `pageSize`.
   */
  paginate(operation: string, input?: object, config?: Omit<IoTPaginationConfiguration, "client">): AsyncIterable<unknown>;
  /** Releases the wasm memory held by this client. */
  destroy(): Promise<void>;
}

/**
 * The JS SDK's names of the client (`@aws-sdk/client-iot`'s `IoTClient`, and `IoT`, its client
 * with a method per operation): both are `IoTTransferClient`, so a script written for the JS SDK
 * runs with only its import changed.
 */
export { IoTTransferClient as IoTClient, IoTTransferClient as IoT };

/** The JS SDK's name of the client configuration: `IoTTransferClientConfig`. */
export type IoTClientConfig = IoTTransferClientConfig;

/** The first argument of the `paginate…` functions, as the JS SDK's `IoTPaginationConfiguration`. */
export interface IoTPaginationConfiguration {
  /** The client that sends each page's call. */
  client: IoTTransferClient;
  /** The page size of every call, unless the input has its own `pageSize`. */
  pageSize?: number;
  /** Where the first page starts, instead of the input's `marker`. */
  startingToken?: string;
  /**
   * Accepted as the JS SDK has it; whatever its value, a marker the service hands out twice ends
   * the pages with an `InvalidResponseError` rather than a loop.
   */
  stopOnSameToken?: boolean;
}

/**
 * `WebAssembly.Module` where the program's `lib` declares it (DOM, web workers); `never` where it
 * does not (Node with `@types/node` only), so the declarations compile there too.
 */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: never[]) => infer M } } ? M : never;

/**
 * Loads the wasm module ahead of the first call (browsers); optional. Pass a URL, a fetched
 * `Response` or a compiled module to load it from elsewhere than next to the package's code
 * (as `iot-transfer/iot_transfer_wasm_bg.wasm` gives it with esbuild's file loader). In Node the
 * module is loaded with the package and this does nothing.
 */
export declare function initialize(moduleOrPath?: string | URL | Response | WasmModule): Promise<unknown>;

/**
 * Loads the batches' module (`handover`, `acceptTransfers`, `rejectTransfers`) ahead of the first
 * batch (browsers); optional: a browser loads it when the first batch starts, and a page calling
 * only the operations never downloads it. Pass a URL, a fetched `Response` or a compiled module to
 * load it from elsewhere (`iot-transfer/iot_transfer_batches_bg.wasm`). In Node one module carries
 * everything and this does nothing.
 */
export declare function initializeBatches(moduleOrPath?: string | URL | Response | WasmModule): Promise<unknown>;



/** Base class of every error the package throws. */
export declare class IoTTransferError extends Error {
  /** The error code, such as `CertificateStateException` or `ValidationError`. */
  readonly name: string;
  readonly code: string;
  readonly kind: ErrorKind;
  readonly $fault: "client" | "server";
  /** Present when the standard retry mode retries this kind of error. */
  readonly $retryable?: { throttling: boolean };
  readonly $metadata: ResponseMetadata;
  /**
   * The transfer may have happened (or may still happen): an attempt's outcome was unknown and
   * checking the certificate's state did not settle it. `hint` says what the check found.
   */
  readonly possiblyApplied: boolean;
  /** What to do next, where known. */
  readonly hint?: string;
  /** For validation errors: the input member (or sign option) that was wrong. */
  readonly field?: InputField;
  /** For validation errors: the rule it broke. */
  readonly rule?: string;
}

export declare class IoTServiceException extends IoTTransferError {}
