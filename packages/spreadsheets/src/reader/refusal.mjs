/** @import { ReadRefusal } from "./protocol.ts" */

/** Characters of a cell that a refusal quotes: enough to find the cell, never the whole of a huge one. */
export const EXCERPT_LENGTH = 40;

/** Thrown by the reader to stop at the first limit passed or problem found; caught by `readUpload`. */
export class Refusal extends Error {
  /** @param {ReadRefusal} refusal */
  constructor(refusal) {
    super(refusal.code);
    this.name = "Refusal";
    this.refusal = refusal;
  }
}

/**
 * @param {string} text
 * @returns {string}
 */
export function excerpt(text) {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}
