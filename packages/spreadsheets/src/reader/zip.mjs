/** @import { Entry, ZipFile } from "yauzl" */
import yauzl from "yauzl";
import { Refusal } from "./refusal.mjs";

/** More parts than any workbook has: a central directory of thousands of entries is not a spreadsheet. */
const MAX_ENTRIES = 10_000;

/**
 * @param {Buffer} buffer
 * @returns {Promise<ZipFile>}
 */
function open(buffer) {
  return new Promise((resolve, reject) => {
    // Entries one at a time (lazyEntries), and each part checked against the size the directory
    // declares (validateEntrySizes): a part never inflates to more than its declared size.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

/**
 * @param {ZipFile} zip
 * @returns {Promise<Map<string, Entry>>}
 */
function listEntries(zip) {
  return new Promise((resolve, reject) => {
    /** @type {Map<string, Entry>} */
    const entries = new Map();
    zip.on("entry", (/** @type {Entry} */ entry) => {
      if (entries.size >= MAX_ENTRIES) {
        zip.close();
        reject(new Refusal({ code: "not-a-spreadsheet" }));
        return;
      }
      // Part names are case-insensitive in OOXML.
      entries.set(entry.fileName.toLowerCase(), entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

/**
 * A ZIP read part by part with one budget of inflated bytes for all of them. A part that declares more
 * than what is left is refused before inflating a byte of it; the bytes are counted again as they come,
 * so that a lying header cannot get past the budget either. `usage.inflatedBytes` counts what was inflated.
 * @param {Uint8Array} bytes
 * @param {number} maxInflatedBytes
 * @param {{ inflatedBytes: number }} usage
 */
export async function openZip(bytes, maxInflatedBytes, usage) {
  const zip = await open(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const entries = await listEntries(zip);
  let left = maxInflatedBytes;
  return {
    /** @param {string} name */
    has: (name) => entries.has(name.toLowerCase()),
    /**
     * Refuses at once if the parts together declare more than the budget: the sizes are checked as the
     * parts inflate, so their sum bounds what reading them would cost.
     * @param {readonly string[]} names
     */
    reserve(names) {
      const declared = names.reduce(
        (sum, name) => sum + (entries.get(name.toLowerCase())?.uncompressedSize ?? 0),
        0,
      );
      if (declared > left) throw new Refusal({ code: "inflated-too-large" });
    },
    /**
     * Inflates one part, handing each chunk to `onChunk` as it comes; nothing is kept here.
     * @param {string} name
     * @param {(chunk: Buffer) => void} onChunk
     */
    async read(name, onChunk) {
      const entry = entries.get(name.toLowerCase());
      if (!entry) return false;
      if (entry.uncompressedSize > left) throw new Refusal({ code: "inflated-too-large" });
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream) {
          left -= chunk.length;
          usage.inflatedBytes += chunk.length;
          if (left < 0) throw new Refusal({ code: "inflated-too-large" });
          onChunk(chunk);
        }
      } finally {
        stream.destroy();
      }
      return true;
    },
  };
}
