import { SaxesParser } from "saxes";

/**
 * @typedef {Record<string, string>} Attributes
 * @typedef {{
 *   open?: (name: string, attributes: Attributes) => void;
 *   close?: (name: string) => void;
 *   text?: (text: string) => void;
 * }} XmlHandlers
 * @typedef {{ read(name: string, onChunk: (chunk: Buffer) => void): Promise<boolean> }} PartReader
 */

/**
 * An element or attribute name without its namespace prefix: generators differ in the prefixes they
 * write (`<sheet>`, `<x:sheet>`), never in the local names.
 * @param {string} name
 */
export function localName(name) {
  return name.slice(name.indexOf(":") + 1);
}

/**
 * The value of the attribute with this local name, whatever its prefix.
 * @param {Attributes} attributes
 * @param {string} local
 * @returns {string | undefined}
 */
export function attribute(attributes, local) {
  const exact = attributes[local];
  if (exact !== undefined) return exact;
  for (const [name, value] of Object.entries(attributes)) {
    if (localName(name) === local) return value;
  }
  return undefined;
}

/**
 * Parses one part of the ZIP as it is inflated, chunk by chunk, with a streaming (SAX) parser: the
 * part is never whole in memory and the handlers can stop the reading by throwing. The parser expands
 * only XML's own entities; a DOCTYPE's entities are not defined, so an "entity bomb" is an error.
 * @param {PartReader} zip
 * @param {string} name
 * @param {XmlHandlers} handlers
 * @returns {Promise<boolean>} whether the part exists
 */
export async function parsePart(zip, name, handlers) {
  const parser = new SaxesParser({ position: false });
  const { open, close, text } = handlers;
  if (open)
    parser.on("opentag", (tag) => open(localName(tag.name), /** @type {Attributes} */ (tag.attributes)));
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const decoder = new TextDecoder("utf-8");
  const found = await zip.read(name, (chunk) => {
    parser.write(decoder.decode(chunk, { stream: true }));
  });
  if (found) parser.write(decoder.decode()).close();
  return found;
}
