// EPUB checks and metadata: a real EPUB is a zip whose first entry is an uncompressed `mimetype`
// saying "application/epub+zip", with META-INF/container.xml naming the OPF package document.
// Only the few documents we need are inflated (fflate), and only up to the sizes the zip's
// directory declares, which are limited first: a zip bomb cannot make us allocate more.
import path from "node:path";
import { unzipSync, type UnzipFileInfo } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { BookFileError } from "./files.ts";
import type { ExtractedMetadata, TocEntry } from "./types.ts";

const EPUB_MIMETYPE = "application/epub+zip";
/** More entries than any real book has (a comic of 2,000 pages is ~2,000 images). */
export const MAX_ENTRIES = 10_000;
/** The sum of all declared uncompressed sizes: readers unpack these in the browser too. */
export const MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024;
/** Any one XML document we parse (container, OPF, nav, NCX). */
const MAX_XML_BYTES = 8 * 1024 * 1024;
const MAX_COVER_BYTES = 10 * 1024 * 1024;
const MAX_TOC_ENTRIES = 2000;
const MAX_TOC_DEPTH = 8;
const MAX_LABEL = 300;
const MAX_DESCRIPTION = 5000;

const corrupt = (detail: string) => new BookFileError("bookfile.error.corrupt", detail);

/** Absolute paths, backslashes, drive letters, NULs or `..` segments: a crafted archive. */
function isUnsafeEntryName(name: string): boolean {
  return (
    name.length === 0 ||
    name.length > 1024 ||
    name.startsWith("/") ||
    /[\\\0]/.test(name) ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((segment) => segment === "..")
  );
}

/** The first local file header must be `mimetype`, stored (not deflated), saying application/epub+zip. */
function hasEpubMimetype(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 30 || view.readUInt32LE(0) !== 0x04034b50) return false;
  const method = view.readUInt16LE(8);
  const size = view.readUInt32LE(18);
  const nameLength = view.readUInt16LE(26);
  const extraLength = view.readUInt16LE(28);
  const nameStart = 30;
  const dataStart = nameStart + nameLength + extraLength;
  if (method !== 0 || view.toString("latin1", nameStart, nameStart + nameLength) !== "mimetype") return false;
  return view.toString("latin1", dataStart, dataStart + Math.min(size, 64)).trim() === EPUB_MIMETYPE;
}

/** The zip's directory: every entry's declared size, checked before anything is inflated. */
function listEntries(bytes: Uint8Array): Map<string, UnzipFileInfo> {
  const entries = new Map<string, UnzipFileInfo>();
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(info) {
        if (entries.size >= MAX_ENTRIES) throw corrupt(`more than ${MAX_ENTRIES} entries`);
        if (isUnsafeEntryName(info.name)) throw corrupt(`unsafe entry name ${JSON.stringify(info.name.slice(0, 100))}`);
        total += info.originalSize;
        if (total > MAX_TOTAL_UNCOMPRESSED) throw corrupt("uncompressed size over the limit");
        entries.set(info.name, info);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof BookFileError) throw error;
    throw corrupt(`unreadable zip: ${(error as Error).message}`);
  }
  return entries;
}

/** Inflates one entry (or null when absent), refusing entries declared larger than `maxBytes`. */
function readEntry(bytes: Uint8Array, entries: Map<string, UnzipFileInfo>, name: string, maxBytes: number): Uint8Array | null {
  const info = entries.get(name);
  if (!info) return null;
  if (info.originalSize > maxBytes) throw corrupt(`${name} is too large`);
  try {
    const files = unzipSync(bytes, { filter: (candidate) => candidate.name === name });
    return files[name] ?? null;
  } catch (error) {
    throw corrupt(`cannot inflate ${name}: ${(error as Error).message}`);
  }
}

const ARRAY_TAGS = new Set(["rootfile", "item", "itemref", "title", "creator", "language", "publisher", "identifier", "description", "meta", "nav", "ol", "li", "navPoint"]);

/**
 * Namespace prefixes dropped (dc:title → title, epub:type → type); entity expansion is bounded
 * (fast-xml-parser's DOCTYPE limits, tightened), and nothing external is ever fetched.
 */
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name),
  processEntities: { enabled: true, maxEntityCount: 100, maxEntitySize: 10_000, maxTotalExpansions: 10_000, maxExpandedLength: 1_000_000 },
});

type XmlNode = Record<string, unknown>;

function parseXml(data: Uint8Array, name: string): XmlNode {
  try {
    return xml.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8")) as XmlNode;
  } catch (error) {
    throw corrupt(`${name} is not well-formed: ${(error as Error).message}`);
  }
}

const asNode = (value: unknown): XmlNode | null => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as XmlNode) : null);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const attr = (node: unknown, name: string): string | null => {
  const value = asNode(node)?.[`@_${name}`];
  return typeof value === "string" ? value : null;
};

/** All text inside a node, children included, whitespace collapsed. */
function textOf(node: unknown): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(" ");
  const object = asNode(node);
  if (!object) return "";
  return Object.entries(object)
    .filter(([key]) => !key.startsWith("@_"))
    .map(([, value]) => textOf(value))
    .join(" ");
}
const clean = (text: string, max: number) => text.replace(/\s+/g, " ").trim().slice(0, max);

/** An href in a document at `from` → the entry path in the archive (fragment kept); null if it leaves the archive. */
function resolveHref(from: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null; // http:, mailto:, data: …
  const [rawPath = "", fragment] = href.split("#", 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const joined = decoded === "" ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), decoded));
  if (joined.startsWith("../") || joined === ".." || joined.startsWith("/")) return null;
  return fragment === undefined ? joined : `${joined}#${fragment}`;
}

/** ISBN-10 or ISBN-13 with a correct check digit, as digits only; null for anything else (UUIDs, URLs). */
export function normalizeIsbn(value: string): string | null {
  const digits = value.replace(/^urn:isbn:/i, "").replace(/^isbn[:\s]*/i, "").replace(/[\s-]/g, "").toUpperCase();
  if (/^97[89]\d{10}$/.test(digits)) {
    const sum = [...digits.slice(0, 12)].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
    return (10 - (sum % 10)) % 10 === Number(digits[12]) ? digits : null;
  }
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((total, digit, index) => total + (digit === "X" ? 10 : Number(digit)) * (10 - index), 0);
    return sum % 11 === 0 ? digits : null;
  }
  return null;
}

/** zh, zh-Hans, zh-CN → "zh-CN"; en, en-US → "en" (the catalogue's languages); others as given. */
function normalizeLanguage(value: string): string | null {
  const tag = value.trim();
  if (!tag) return null;
  if (/^zh\b/i.test(tag)) return "zh-CN";
  if (/^en\b/i.test(tag)) return "en";
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null;
}

/** Descriptions often carry escaped HTML: tags become spaces, entities their characters. */
function stripHtml(text: string): string {
  return text
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties: string[];
}

/** The table of contents from an EPUB 3 navigation document: its `toc` nav's nested lists. */
function navToc(doc: XmlNode, docPath: string): TocEntry[] {
  const navs: XmlNode[] = [];
  const collect = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(collect);
    const object = asNode(node);
    if (!object) return;
    for (const [key, value] of Object.entries(object)) {
      if (key === "nav") asList(value).forEach((nav) => asNode(nav) && navs.push(nav as XmlNode));
      else if (!key.startsWith("@_")) collect(value);
    }
  };
  collect(doc);
  const nav = navs.find((candidate) => (attr(candidate, "type") ?? "").split(/\s+/).includes("toc")) ?? navs[0];
  const entries: TocEntry[] = [];
  const walk = (list: unknown, level: number) => {
    if (level > MAX_TOC_DEPTH) return;
    for (const li of asList(asNode(list)?.li)) {
      if (entries.length >= MAX_TOC_ENTRIES) return;
      const item = asNode(li);
      if (!item) continue;
      const link = asNode(asList(item.a)[0]) ?? item.a;
      const labelNode = link ?? item.span;
      const href = attr(link, "href");
      const target = href ? resolveHref(docPath, href) : null;
      const label = clean(textOf(labelNode), MAX_LABEL);
      if (label && target) entries.push({ label, href: target, level });
      for (const child of asList(item.ol)) walk(child, level + 1);
    }
  };
  if (nav) for (const list of asList(nav.ol)) walk(list, 1);
  return entries;
}

/** The table of contents from an EPUB 2 NCX: nested navPoints. */
function ncxToc(doc: XmlNode, docPath: string): TocEntry[] {
  const entries: TocEntry[] = [];
  const walk = (points: unknown, level: number) => {
    if (level > MAX_TOC_DEPTH) return;
    for (const point of asList(points)) {
      if (entries.length >= MAX_TOC_ENTRIES) return;
      const node = asNode(point);
      if (!node) continue;
      const src = attr(node.content, "src");
      const target = src ? resolveHref(docPath, src) : null;
      const label = clean(textOf(asNode(node.navLabel)?.text ?? node.navLabel), MAX_LABEL);
      if (label && target) entries.push({ label, href: target, level });
      walk(node.navPoint, level + 1);
    }
  };
  walk(asNode(asNode(doc.ncx)?.navMap)?.navPoint, 1);
  return entries;
}

/** The package document's path, from META-INF/container.xml. */
function packagePath(bytes: Uint8Array, entries: Map<string, UnzipFileInfo>): string {
  const container = readEntry(bytes, entries, "META-INF/container.xml", MAX_XML_BYTES);
  if (!container) throw corrupt("no META-INF/container.xml");
  const rootfiles = asList(asNode(asNode(parseXml(container, "container.xml").container)?.rootfiles)?.rootfile);
  const rootfile = rootfiles.find((file) => attr(file, "media-type") === "application/oebps-package+xml") ?? rootfiles[0];
  const fullPath = attr(rootfile, "full-path");
  if (!fullPath || isUnsafeEntryName(fullPath)) throw corrupt("container.xml names no package document");
  return fullPath;
}

/**
 * Checks an EPUB and reads what prefills the admin's form. Throws BookFileError: notEpub when it
 * is not an EPUB at all, corrupt when it claims to be one but cannot be read.
 */
export function parseEpub(bytes: Uint8Array): ExtractedMetadata {
  if (!hasEpubMimetype(bytes)) throw new BookFileError("bookfile.error.notEpub", "no stored mimetype entry first");
  const entries = listEntries(bytes);
  const opfPath = packagePath(bytes, entries);
  const opfBytes = readEntry(bytes, entries, opfPath, MAX_XML_BYTES);
  if (!opfBytes) throw corrupt(`package document ${opfPath} is missing`);
  const pkg = asNode(parseXml(opfBytes, opfPath).package);
  if (!pkg) throw corrupt("the package document has no <package>");
  const metadata = asNode(pkg.metadata) ?? {};

  const manifest: ManifestItem[] = asList(asNode(pkg.manifest)?.item).flatMap((item) => {
    const id = attr(item, "id");
    const href = attr(item, "href");
    const resolved = href ? resolveHref(opfPath, href) : null;
    if (!id || !resolved) return [];
    return [{ id, href: resolved.split("#")[0]!, mediaType: attr(item, "media-type") ?? "", properties: (attr(item, "properties") ?? "").split(/\s+/).filter(Boolean) }];
  });
  const byId = new Map(manifest.map((item) => [item.id, item]));
  const spine = asNode(pkg.spine);
  const spineItems = asList(spine?.itemref).filter((ref) => byId.has(attr(ref, "idref") ?? ""));
  if (spineItems.length === 0) throw corrupt("the spine is empty");

  const texts = (key: string) => asList(metadata[key]).map((value) => clean(textOf(value), 500)).filter(Boolean);
  const description = texts("description")[0];

  return {
    format: "EPUB",
    title: texts("title")[0] ?? null,
    authors: [...new Set(texts("creator"))].slice(0, 20),
    language: texts("language").map(normalizeLanguage).find((language) => language !== null) ?? null,
    publisher: texts("publisher")[0] ?? null,
    isbn: texts("identifier").map(normalizeIsbn).find((isbn) => isbn !== null) ?? null,
    description: description ? clean(stripHtml(asList(metadata.description).map(textOf).join(" ")), MAX_DESCRIPTION) || null : null,
    pageCount: null,
    chapterCount: spineItems.length,
    toc: readToc(bytes, entries, manifest, byId.get(attr(spine, "toc") ?? "")),
    cover: readCover(bytes, entries, manifest, byId, asList(metadata.meta)),
  };
}

function readToc(bytes: Uint8Array, entries: Map<string, UnzipFileInfo>, manifest: ManifestItem[], spineNcx: ManifestItem | undefined): TocEntry[] {
  const nav = manifest.find((item) => item.properties.includes("nav"));
  if (nav) {
    const data = readEntry(bytes, entries, nav.href, MAX_XML_BYTES);
    const toc = data ? navToc(parseXml(data, nav.href), nav.href) : [];
    if (toc.length > 0) return toc;
  }
  const ncx = spineNcx ?? manifest.find((item) => item.mediaType === "application/x-dtbncx+xml");
  if (!ncx) return [];
  const data = readEntry(bytes, entries, ncx.href, MAX_XML_BYTES);
  return data ? ncxToc(parseXml(data, ncx.href), ncx.href) : [];
}

/** EPUB 3 marks the cover with properties="cover-image"; EPUB 2 names it in <meta name="cover" content="id">. */
function readCover(
  bytes: Uint8Array,
  entries: Map<string, UnzipFileInfo>,
  manifest: ManifestItem[],
  byId: Map<string, ManifestItem>,
  metas: unknown[],
): ExtractedMetadata["cover"] {
  const epub2Id = metas.map((meta) => (attr(meta, "name") === "cover" ? attr(meta, "content") : null)).find((id) => id !== null);
  const item = manifest.find((candidate) => candidate.properties.includes("cover-image")) ?? (epub2Id ? byId.get(epub2Id) : undefined);
  if (!item || !item.mediaType.startsWith("image/")) return null;
  const info = entries.get(item.href);
  // A cover too large is skipped, not fatal: the admin can upload another.
  if (!info || info.originalSize > MAX_COVER_BYTES) return null;
  const data = readEntry(bytes, entries, item.href, MAX_COVER_BYTES);
  return data && data.length > 0 ? { bytes: data, mediaType: item.mediaType } : null;
}
