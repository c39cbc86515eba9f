// Demo e-books and periodicals (prisma/seed/book-catalog.ts): real EPUB 3 files (fflate; mimetype
// stored first, container.xml, OPF, nav, XHTML chapters of Chinese text, a generated PNG cover) and
// real PDFs (pdf-lib, English text: its standard fonts cannot draw Chinese and no CJK-capable font
// loader is installed), one file per row, then every row in one transaction with its search
// outbox rows. Runs once: a database that has any Book is left alone.
import { createHash, randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { strToU8, zipSync, type Zippable } from "fflate";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { DB, PrismaClient } from "../../server/db/client.ts";
import { parseEpub, normalizeIsbn } from "../../server/books/epub.ts";
import { createBookStorage, removeBookFiles } from "../../server/books/files.ts";
import { parsePdf } from "../../server/books/pdf.ts";
import type { ExtractedMetadata } from "../../server/books/types.ts";
import { enqueueSearchUpdates } from "../../server/search/outbox.ts";
import { BOOKS, CONTENT, PDF_CONTENT, PERIODICALS, type ChapterText, type ContentKey } from "./book-catalog.ts";

export { BOOKS as DEMO_BOOKS, DEMO_EPUB_ID, DEMO_PDF_ID, PERIODICALS as DEMO_PERIODICALS } from "./book-catalog.ts";

export interface SeedBooksOptions {
  /** Files go to <dataDir>/books and <dataDir>/covers. */
  dataDir: string;
  /** Publication dates are spread over the year before this. */
  now?: Date;
  warn?: (message: string) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A cuid-shaped id, known before the insert (issues need their periodical's id). */
const newId = () => `c${[...randomBytes(24)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("")}`;

// ── covers: a small PNG in the subject's colour ──────────────────────────────────────────────

const COVER_COLOURS: Record<ContentKey, [number, number, number]> = {
  welding: [176, 74, 28],
  electrical: [28, 92, 160],
  machining: [70, 84, 98],
  construction: [196, 140, 20],
  lifting: [200, 96, 24],
  cooking: [150, 40, 40],
  auto: [30, 110, 90],
  safety: [40, 120, 60],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 300×400 cover: the subject's colour, a light band for a title area, a dark foot. */
export function coverPng([r, g, b]: [number, number, number], width = 300, height = 400): Buffer {
  // Each scanline: filter byte 0, then one colour repeated; rows are copied, not drawn pixel by pixel.
  const line = (colour: number[]) => {
    const row = Buffer.alloc(width * 3 + 1);
    row.fill(Buffer.from(colour.map(Math.round)), 1);
    return row;
  };
  const [plain, band, foot] = [line([r, g, b]), line([245, 240, 230]), line([r * 0.6, g * 0.6, b * 0.6])];
  const raw = Buffer.concat(
    Array.from({ length: height }, (_, y) => (y > height * 0.3 && y < height * 0.5 ? band : y > height * 0.88 ? foot : plain)),
  );
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", new Uint8Array()),
  ]);
}

// ── EPUB ────────────────────────────────────────────────────────────────────────────────────

export interface EpubSpec {
  title: string;
  authors: string[];
  language: string;
  publisher?: string;
  /** As printed, e.g. 9787516723011; written as urn:isbn:… */
  isbn?: string;
  description?: string;
  chapters: ChapterText[];
  cover?: Uint8Array;
  /** EPUB 2 layout: an NCX table of contents and <meta name="cover">, no nav document. */
  legacy?: boolean;
  modified?: Date;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const chapterFile = (index: number) => `text/ch${String(index + 1).padStart(2, "0")}.xhtml`;

function chapterXhtml(chapter: ChapterText, language: string): string {
  const paragraphs = chapter.paragraphs.map((paragraph) => `    <p>${escapeXml(paragraph)}</p>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${language}" lang="${language}">
  <head><meta charset="UTF-8"/><title>${escapeXml(chapter.title)}</title><link rel="stylesheet" href="../style.css"/></head>
  <body>
  <section epub:type="chapter">
    <h1>${escapeXml(chapter.title)}</h1>
${paragraphs}
  </section>
  </body>
</html>
`;
}

/**
 * The files of an EPUB (path → content), mimetype first. Tests change or drop entries to make
 * broken books; zipEpub packs them.
 */
export function epubEntries(spec: EpubSpec): Record<string, Uint8Array> {
  const uid = `urn:uuid:${createHash("sha256").update(`${spec.title}\u0000${spec.authors.join(",")}`).digest("hex").slice(0, 32).replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-")}`;
  const modified = (spec.modified ?? new Date("2026-11-01T00:00:00Z")).toISOString().replace(/\.\d{3}Z$/, "Z");
  const lang = escapeXml(spec.language);
  const chapters = spec.chapters.map((chapter, index) => ({ id: `ch${index + 1}`, href: chapterFile(index), chapter }));
  const coverItem = spec.cover
    ? `    <item id="cover-image" href="images/cover.png" media-type="image/png"${spec.legacy ? "" : ' properties="cover-image"'}/>\n`
    : "";
  const tocItem = spec.legacy
    ? '    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>\n'
    : '    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>\n';
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${spec.legacy ? "2.0" : "3.0"}" unique-identifier="uid" xml:lang="${lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:identifier id="uid">${uid}</dc:identifier>
${spec.isbn ? `    <dc:identifier id="isbn">urn:isbn:${escapeXml(spec.isbn)}</dc:identifier>\n` : ""}    <dc:title>${escapeXml(spec.title)}</dc:title>
${spec.authors.map((author) => `    <dc:creator>${escapeXml(author)}</dc:creator>`).join("\n")}
    <dc:language>${lang}</dc:language>
${spec.publisher ? `    <dc:publisher>${escapeXml(spec.publisher)}</dc:publisher>\n` : ""}${spec.description ? `    <dc:description>${escapeXml(`<p>${escapeXml(spec.description)}</p>`)}</dc:description>\n` : ""}    <meta property="dcterms:modified">${modified}</meta>
${spec.cover ? '    <meta name="cover" content="cover-image"/>\n' : ""}  </metadata>
  <manifest>
${tocItem}    <item id="css" href="style.css" media-type="text/css"/>
${coverItem}${chapters.map(({ id, href }) => `    <item id="${id}" href="${href}" media-type="application/xhtml+xml"/>`).join("\n")}
  </manifest>
  <spine${spec.legacy ? ' toc="ncx"' : ""}>
${chapters.map(({ id }) => `    <itemref idref="${id}"/>`).join("\n")}
  </spine>
</package>
`;
  const nav = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
  <head><meta charset="UTF-8"/><title>${escapeXml(spec.title)}</title></head>
  <body>
    <nav epub:type="toc" id="toc">
      <h1>目录</h1>
      <ol>
${chapters.map(({ href, chapter }) => `        <li><a href="${href}">${escapeXml(chapter.title)}</a></li>`).join("\n")}
      </ol>
    </nav>
  </body>
</html>
`;
  const ncx = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="${uid}"/></head>
  <docTitle><text>${escapeXml(spec.title)}</text></docTitle>
  <navMap>
${chapters.map(({ href, chapter }, index) => `    <navPoint id="np${index + 1}" playOrder="${index + 1}"><navLabel><text>${escapeXml(chapter.title)}</text></navLabel><content src="${href}"/></navPoint>`).join("\n")}
  </navMap>
</ncx>
`;
  const css = "body { line-height: 1.8; } h1 { font-size: 1.4em; margin: 1em 0; } p { text-indent: 2em; margin: 0 0 0.8em; }\n";
  const entries: Record<string, Uint8Array> = {
    mimetype: strToU8("application/epub+zip"),
    "META-INF/container.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`),
    "OEBPS/content.opf": strToU8(opf),
    [spec.legacy ? "OEBPS/toc.ncx" : "OEBPS/nav.xhtml"]: strToU8(spec.legacy ? ncx : nav),
    "OEBPS/style.css": strToU8(css),
  };
  if (spec.cover) entries["OEBPS/images/cover.png"] = spec.cover;
  for (const { href, chapter } of chapters) entries[`OEBPS/${href}`] = strToU8(chapterXhtml(chapter, spec.language));
  return entries;
}

/** Packs entries as an EPUB: `mimetype` first and stored (not compressed), the rest deflated. */
export function zipEpub(entries: Record<string, Uint8Array>, mtime = new Date("2026-11-01T00:00:00Z")): Uint8Array {
  const files: Zippable = {};
  if (entries.mimetype) files.mimetype = [entries.mimetype, { level: 0, mtime }];
  for (const [name, data] of Object.entries(entries)) if (name !== "mimetype") files[name] = [data, { level: 6, mtime }];
  return zipSync(files);
}

export const buildEpub = (spec: EpubSpec) => zipEpub(epubEntries(spec), spec.modified);

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────

export interface PdfSpec {
  title: string;
  author?: string;
  subject?: string;
  /** The title page's lines below the title. */
  subtitle?: string;
  pages: Array<{ heading: string; paragraphs: string[] }>;
  colour?: [number, number, number];
}

/** Greedy word wrap to a width in points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** An A5 PDF: a title page, then one page per section (English: the standard fonts are WinAnsi only). */
export async function buildPdf(spec: PdfSpec): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const fixed = new Date("2026-11-01T00:00:00Z");
  document.setTitle(spec.title);
  if (spec.author) document.setAuthor(spec.author);
  if (spec.subject) document.setSubject(spec.subject);
  document.setLanguage("en");
  document.setCreator("Jiangxin demo seed");
  document.setProducer("pdf-lib");
  document.setCreationDate(fixed);
  document.setModificationDate(fixed);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const [width, height] = [420, 595];
  const margin = 40;
  const [r, g, b] = (spec.colour ?? [40, 120, 60]).map((value) => value / 255) as [number, number, number];

  const cover = document.addPage([width, height]);
  cover.drawRectangle({ x: 0, y: 0, width, height, color: rgb(r, g, b) });
  cover.drawRectangle({ x: 0, y: height * 0.5, width, height: height * 0.2, color: rgb(0.96, 0.94, 0.9) });
  wrap(spec.title, bold, 20, width - 2 * margin).forEach((line, index) => {
    cover.drawText(line, { x: margin, y: height * 0.65 - index * 26, size: 20, font: bold, color: rgb(0.1, 0.1, 0.1) });
  });
  if (spec.subtitle) cover.drawText(spec.subtitle, { x: margin, y: height * 0.52, size: 11, font: regular, color: rgb(0.2, 0.2, 0.2) });
  if (spec.author) cover.drawText(spec.author, { x: margin, y: 60, size: 12, font: regular, color: rgb(1, 1, 1) });

  spec.pages.forEach(({ heading, paragraphs }, index) => {
    const page = document.addPage([width, height]);
    let y = height - margin - 10;
    for (const line of wrap(heading, bold, 15, width - 2 * margin)) {
      page.drawText(line, { x: margin, y, size: 15, font: bold });
      y -= 22;
    }
    y -= 6;
    for (const paragraph of paragraphs) {
      for (const line of wrap(paragraph, regular, 11, width - 2 * margin)) {
        page.drawText(line, { x: margin, y, size: 11, font: regular, lineHeight: 16 });
        y -= 16;
      }
      y -= 8;
    }
    page.drawText(String(index + 2), { x: width / 2 - 4, y: 24, size: 9, font: regular, color: rgb(0.4, 0.4, 0.4) });
  });
  return document.save({ useObjectStreams: false });
}

// ── the catalogue ───────────────────────────────────────────────────────────────────────────

/** 12 digits → a valid ISBN-13 (the 13th digit is the check digit). */
export function isbnFrom12(twelve: string): string {
  const sum = [...twelve].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

interface PlannedFile {
  bytes: Uint8Array;
  format: "EPUB" | "PDF";
  cover: Buffer | null;
}

interface PlannedRow {
  id: string;
  kind: "BOOK" | "PERIODICAL" | "ISSUE";
  periodicalId: string | null;
  issueNumber: number | null;
  issueYear: number | null;
  title: string;
  authors: string[];
  publisher: string;
  isbn: string | null;
  description: string;
  language: string;
  tradeId: number | null;
  readCount: number;
  publishedAt: Date;
  file: PlannedFile | null;
  /** A PERIODICAL's own cover (issues carry theirs inside the file). */
  cover: Buffer | null;
}

/** An issue's chapters: its editor's note, then a rotating pick of the subject's chapters. */
function issueChapters(title: string, label: string, content: ContentKey, rotation: number): ChapterText[] {
  const pool = CONTENT[content];
  const picked = [0, 1, 2].map((offset) => pool[(rotation + offset) % pool.length]!);
  const note: ChapterText = {
    title: "本期导读",
    paragraphs: [
      `欢迎阅读《${title}》${label}。本期围绕“${picked[0]!.title.replace(/^第.章\s*/, "")}”展开，同时刊登${picked.slice(1).map((chapter) => `“${chapter.title.replace(/^第.章\s*/, "")}”`).join("和")}两篇实用文章。`,
      "本刊的文章大多来自一线班组和技术人员的经验总结。欢迎读者把自己在工作中遇到的问题和解决办法写下来投稿，与同行分享。",
    ],
  };
  return [note, ...picked];
}

async function planRows(tradeIds: Map<string, number>, now: Date): Promise<PlannedRow[]> {
  const rows: PlannedRow[] = [];
  // One cover image per subject, drawn once (each row still gets its own copy on disk).
  const covers = new Map<ContentKey, Buffer>();
  const coverOf = (content: ContentKey) => covers.get(content) ?? covers.set(content, coverPng(COVER_COLOURS[content])).get(content)!;
  const tradeId = (code: string) => {
    const id = tradeIds.get(code);
    if (id === undefined) throw new Error(`demo book: unknown trade ${code}`);
    return id;
  };

  for (const [index, seed] of BOOKS.entries()) {
    const colour = COVER_COLOURS[seed.content];
    const cover = coverOf(seed.content);
    const isbn = seed.isbn12 ? isbnFrom12(seed.isbn12) : null;
    const bytes =
      seed.format === "EPUB"
        ? buildEpub({ title: seed.title, authors: seed.authors, language: seed.language, publisher: seed.publisher, isbn: isbn ?? undefined, description: seed.description, chapters: CONTENT[seed.content], cover })
        : await buildPdf({ title: seed.title, author: seed.authors.join(", "), subject: seed.description, subtitle: seed.publisher, pages: PDF_CONTENT[seed.content], colour });
    rows.push({
      id: seed.id ?? newId(),
      kind: "BOOK",
      periodicalId: null,
      issueNumber: null,
      issueYear: null,
      title: seed.title,
      authors: seed.authors,
      publisher: seed.publisher,
      isbn,
      description: seed.description,
      language: seed.language,
      tradeId: tradeId(seed.trade),
      readCount: seed.readCount,
      // Spread over the day too, so that "newest" has no ties.
      publishedAt: new Date(now.getTime() - seed.daysAgo * DAY_MS - (index % 7) * 3_600_000),
      file: { bytes, format: seed.format, cover: seed.format === "PDF" ? cover : null },
      cover: null,
    });
  }

  for (const [index, seed] of PERIODICALS.entries()) {
    const colour = COVER_COLOURS[seed.content];
    const periodicalId = newId();
    const issues: PlannedRow[] = [];
    for (const [position, [year, number]] of seed.issues.entries()) {
      const label = seed.language === "en" ? `${year} No. ${number}` : `${year}年第${number}期`;
      const bytes =
        seed.format === "EPUB"
          ? buildEpub({ title: `${seed.title} ${label}`, authors: [seed.publisher], language: seed.language, publisher: seed.publisher, chapters: issueChapters(seed.title, label, seed.content, position), cover: coverOf(seed.content) })
          : await buildPdf({ title: `${seed.title} ${label}`, author: seed.publisher, subtitle: label, pages: PDF_CONTENT[seed.content].slice(position % 2), colour });
      issues.push({
        id: newId(),
        kind: "ISSUE",
        periodicalId,
        issueNumber: number,
        issueYear: year,
        title: label,
        authors: [],
        publisher: seed.publisher,
        isbn: null,
        description: seed.language === "en" ? `${seed.title}, ${label}.` : `《${seed.title}》${label}。`,
        language: seed.language,
        tradeId: tradeId(seed.trade),
        readCount: Math.round(seed.readCount / (position + 2)),
        // Roughly monthly, newest first, the newest a few days ago.
        publishedAt: new Date(now.getTime() - (3 + index + position * 30) * DAY_MS),
        file: { bytes, format: seed.format, cover: seed.format === "PDF" ? coverOf(seed.content) : null },
        cover: null,
      });
    }
    rows.push({
      id: periodicalId,
      kind: "PERIODICAL",
      periodicalId: null,
      issueNumber: null,
      issueYear: null,
      title: seed.title,
      authors: [],
      publisher: seed.publisher,
      isbn: null,
      description: seed.description,
      language: seed.language,
      tradeId: tradeId(seed.trade),
      readCount: seed.readCount,
      publishedAt: issues[0]!.publishedAt,
      file: null,
      cover: coverOf(seed.content),
    });
    rows.push(...issues);
  }
  return rows;
}

/**
 * Seeds the demo library into a database without books. Returns how many rows it created (0 when
 * books exist already, or when the files could not be written: it warns and leaves nothing).
 */
export async function seedDemoBooks(prisma: PrismaClient, options: SeedBooksOptions): Promise<number> {
  if ((await prisma.book.count()) > 0) return 0;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const now = options.now ?? new Date();
  const storage = createBookStorage(options.dataDir);
  const written = { fileNames: [] as string[], coverFileNames: [] as string[] };
  try {
    const tradeIds = new Map((await prisma.trade.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
    const rows = await planRows(tradeIds, now);

    const data: DB.Prisma.BookCreateManyInput[] = [];
    for (const row of rows) {
      let metadata: ExtractedMetadata | null = null;
      let fileName: string | null = null;
      let coverImage: string | null = null;
      if (row.file) {
        // Read back as an upload would be: the seeded files pass the same checks.
        metadata = row.file.format === "EPUB" ? parseEpub(row.file.bytes) : await parsePdf(row.file.bytes);
        fileName = await storage.writeBook(row.file.bytes, row.file.format);
        written.fileNames.push(fileName);
      }
      const coverBytes = metadata?.cover?.bytes ?? row.file?.cover ?? row.cover;
      if (coverBytes) {
        coverImage = await storage.writeCover(coverBytes);
        if (coverImage) written.coverFileNames.push(coverImage);
      }
      const { file, cover: _cover, ...fields } = row;
      data.push({
        ...fields,
        isbn: row.isbn && normalizeIsbn(row.isbn),
        status: "PUBLISHED" as const,
        format: file?.format ?? null,
        fileName,
        fileSize: file?.bytes.length ?? null,
        coverImage,
        pageCount: metadata?.pageCount ?? null,
        chapterCount: metadata?.chapterCount ?? null,
        toc: metadata ? (metadata.toc as unknown as DB.Prisma.InputJsonValue) : undefined,
        createdAt: new Date(row.publishedAt.getTime() - 2 * DAY_MS),
      });
    }

    const created = await prisma.$transaction(async (tx) => {
      // Checked again inside the transaction: two processes seeding one database create one library.
      if ((await tx.book.count()) > 0) return 0;
      // Periodicals before their issues (the foreign key).
      await tx.book.createMany({ data: data.filter((row) => row.kind !== "ISSUE") });
      await tx.book.createMany({ data: data.filter((row) => row.kind === "ISSUE") });
      await enqueueSearchUpdates(tx, data.map((row) => `book-${row.id!}`));
      return data.length;
    });
    if (created === 0) await removeBookFiles(options.dataDir, written);
    return created;
  } catch (error) {
    warn(`Demo books could not be seeded (${(error as Error).message}); the library starts empty.`);
    await removeBookFiles(options.dataDir, written).catch(() => {});
    return 0;
  }
}
