import type { LocalizedText } from "./types";

/**
 * What went wrong, in the few kinds every caller understands. `@zones/api` maps each to one tRPC code and one
 * HTTP status, so the same refusal answers the same everywhere.
 */
export const ERROR_CODES = [
  "invalid",
  "unauthenticated",
  "forbidden",
  "not-found",
  "conflict",
  "unavailable",
  "too-large",
  "busy",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values a message names. A LocalizedText is the domain's own wording, shown in the caller's language. */
export type MessageParams = Record<string, string | number | LocalizedText>;

/** A sentence of the server's message files (`@zones/api` messages), with the values it names. */
export interface MessageRef {
  key: string;
  params?: MessageParams;
}

/**
 * The message key whose sentence is the text itself: for texts phrased where they arise (the shared zod
 * schemas, the workflow's refusals, the upload reader's problems), which are data rather than server texts.
 */
export const PHRASED_KEY = "phrased";

/** A text phrased elsewhere, as a message. */
export function phrased(text: string | LocalizedText): MessageRef {
  return { key: PHRASED_KEY, params: { text } };
}

/** One field at fault, so that a form can show its message beside it. */
export interface ErrorFieldIssue {
  path: string[];
  message: MessageRef;
}

function describe(code: ErrorCode, message: MessageRef): string {
  const text = message.params?.text;
  if (message.key === PHRASED_KEY && text !== undefined)
    return typeof text === "object" ? text.en : String(text);
  return `${code}: ${message.key}${message.params ? ` ${JSON.stringify(message.params)}` : ""}`;
}

/**
 * The one error the application throws on purpose: a refusal the caller can act on, never a fault. It says
 * what happened as a key and values (it is a MessageRef itself), translated into the caller's language at
 * the edge; `message` is for logs and tests.
 */
export class ZonesError extends Error implements MessageRef {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params: MessageParams;
  readonly issues: readonly ErrorFieldIssue[];

  constructor(
    code: ErrorCode,
    message: MessageRef,
    options: { issues?: readonly ErrorFieldIssue[]; cause?: unknown } = {},
  ) {
    super(describe(code, message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ZonesError";
    this.code = code;
    this.key = message.key;
    this.params = message.params ?? {};
    this.issues = options.issues ?? [];
  }
}
