// Book files for tests: real EPUBs and PDFs built in memory (the seed's own builders), and broken
// ones — a zip that is not an EPUB, an EPUB without container.xml, a truncated PDF, a PNG — each
// made the way a careless or hostile upload would be.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { strToU8, zipSync } from "fflate";
import { buildEpub, buildPdf, coverPng, epubEntries, zipEpub, type EpubSpec } from "../../prisma/seed/books.ts";
import type { Services } from "../../server/context.ts";
import { createHttpApp } from "../../server/http/app.ts";
import { createLogger } from "../../server/logger.ts";
import { pngBytes } from "./media.ts";
import { TEST_SESSION_TTL_MS } from "./services.ts";

export { buildEpub, buildPdf, coverPng, epubEntries, zipEpub };

/** A small Chinese EPUB 3 with a nav document, two authors, an ISBN and a PNG cover. */
export function sampleEpubSpec(overrides: Partial<EpubSpec> = {}): EpubSpec {
  return {
    title: "焊接安全手册",
    authors: ["张师傅", "李工"],
    language: "zh-CN",
    publisher: "中国劳动社会保障出版社",
    isbn: "978-7-5167-2301-2",
    description: "焊接作业的安全要点 & 操作步骤。",
    cover: coverPng([176, 74, 28], 30, 40),
    chapters: [
      { title: "第一章 安全总则", paragraphs: ["焊接作业前，先检查焊机接地。", "穿戴好防护用品。"] },
      { title: "第二章 引弧与运条", paragraphs: ["引弧有划擦法和直击法两种。"] },
      { title: "第三章 焊后检查", paragraphs: ["焊完要清渣并自检。"] },
    ],
    ...overrides,
  };
}

export const sampleEpub = (overrides: Partial<EpubSpec> = {}) => Buffer.from(buildEpub(sampleEpubSpec(overrides)));

/** A three-section English PDF (plus its title page: four pages). */
export async function samplePdf(): Promise<Buffer> {
  return Buffer.from(
    await buildPdf({
      title: "Workshop Safety",
      author: "Li Wei, Sarah Brown",
      pages: [
        { heading: "One", paragraphs: ["Wear your hard hat."] },
        { heading: "Two", paragraphs: ["Test before you touch."] },
        { heading: "Three", paragraphs: ["Report every injury."] },
      ],
    }),
  );
}

/** A valid zip (an office document, say) with no EPUB mimetype. */
export const plainZip = () => Buffer.from(zipSync({ "readme.txt": strToU8("不是电子书"), "data/a.csv": strToU8("a,b\n1,2\n") }));

/** Everything an EPUB has except META-INF/container.xml. */
export function epubWithoutContainer(): Buffer {
  const entries = epubEntries(sampleEpubSpec());
  delete entries["META-INF/container.xml"];
  return Buffer.from(zipEpub(entries));
}

/** An EPUB with an entry whose name climbs out of the archive. */
export function epubWithTraversalEntry(): Buffer {
  const entries = epubEntries(sampleEpubSpec());
  entries["../../evil.txt"] = strToU8("x");
  return Buffer.from(zipEpub(entries));
}

/** An EPUB whose directory declares more entries than any book has (a zip-bomb shape). */
export function epubWithTooManyEntries(count: number): Buffer {
  const entries = epubEntries(sampleEpubSpec());
  for (let i = 0; i < count; i++) entries[`OEBPS/x/${i}.txt`] = new Uint8Array();
  return Buffer.from(zipEpub(entries));
}

/** The first `fraction` of a real PDF: no %%EOF, as an interrupted copy would be. */
export async function truncatedPdf(fraction = 0.6): Promise<Buffer> {
  const full = await samplePdf();
  return full.subarray(0, Math.floor(full.length * fraction));
}

/** A PDF header followed by garbage and an %%EOF: passes the byte checks, fails parsing. */
export function garbagePdf(): Buffer {
  const body = Buffer.alloc(4096);
  for (let i = 0; i < body.length; i++) body[i] = (i * 7919 + 13) & 0xff;
  return Buffer.concat([Buffer.from("%PDF-1.7\n"), body, Buffer.from("\n%%EOF\n")]);
}

/** A PNG by its bytes, whatever its name says. */
export const pngFile = () => pngBytes(2048);

/**
 * The real Express app (as tests/support/media.ts starts it) with a book size limit of the test's
 * choosing. No React Router build: only routes that answer before it are called.
 */
export async function startBookApp(services: Services, bookMaxBytes: number): Promise<{ url: string; close(): Promise<void> }> {
  const app = createHttpApp({
    config: {
      isProduction: false,
      publicOrigin: undefined,
      trustProxy: false,
      maxBodyBytes: 64 * 1024,
      sessionTtlMs: TEST_SESSION_TTL_MS,
      books: { maxBytes: bookMaxBytes },
    },
    services,
    logger: createLogger("silent"),
    build: () => Promise.reject(new Error("no React Router build in book file tests")),
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A sample EPUB whose central directory claims `size` uncompressed bytes for its last entry: the
 * shape of a zip bomb, without the gigabytes.
 */
export function epubDeclaringSize(size: number): Buffer {
  const bytes = sampleEpub();
  let last = -1;
  for (let offset = bytes.indexOf(CENTRAL_HEADER); offset !== -1; offset = bytes.indexOf(CENTRAL_HEADER, offset + 4)) last = offset;
  if (last === -1) throw new Error("no central directory header");
  bytes.writeUInt32LE(size, last + 24);
  return bytes;
}
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
