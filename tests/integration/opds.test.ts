// The OPDS catalog over real HTTP (the OPDS router on a loopback port, a real database, the book
// service and search as server/context.ts builds them): authentication by Basic or ?token=, the
// feeds as well-formed Atom with OPDS links, paging, search, escaping, and bad input.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import { createOpdsCatalog, OPDS_PAGE_SIZE } from "../../server/books/opds.ts";
import type { Services } from "../../server/context.ts";
import type { DB } from "../../server/db/client.ts";
import { opdsRouter } from "../../server/http/opds.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createTestServices } from "../support/services.ts";

const ATOM_NS = "http://www.w3.org/2005/Atom";
const ODD_TITLE = `Tom & Jerry's <焊接> "手册" ]]> \u0001end`;

let db: TestDatabase;
let services: Services;
let server: http.Server;
let baseUrl: string;
let reader: Viewer;
let token: string;
let ids: { epub: string; pdf: string; odd: string; draft: string; noFile: string; periodical: string; issue: string };

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db);
  const app = express();
  app.set("trust proxy", false);
  app.use(opdsRouter({ books: services.books, opdsCatalog: createOpdsCatalog({ prisma: db.prisma }) }, { failuresPerIp: { points: 1000, windowSeconds: 60 } }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  reader = (await signedInUser(db.prisma, services.sessions)).viewer;
  token = (await services.books.opdsToken(reader)).token;
  ids = await seedBooks();
  await services.searchSync.rebuild();
});

afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await db?.cleanup();
});

async function book(data: Partial<DB.Prisma.BookUncheckedCreateInput> & { title: string }) {
  return db.prisma.book.create({
    data: {
      kind: "BOOK",
      status: "PUBLISHED",
      format: "EPUB",
      fileName: `${Math.random().toString(16).slice(2)}.epub`,
      publishedAt: new Date("2026-01-01T00:00:00Z"),
      language: "zh-CN",
      ...data,
    },
  });
}

async function seedBooks() {
  const welder = await db.prisma.trade.findUniqueOrThrow({ where: { code: "welder" } });
  const turner = await db.prisma.trade.findUniqueOrThrow({ where: { code: "turner" } });
  const epub = await book({
    title: "氩弧焊实操指南",
    authors: ["张师傅", "李工"],
    publisher: "机械工业出版社",
    isbn: "9787111123456",
    description: "从引弧到收弧",
    tradeId: welder.id,
    coverImage: "0123456789abcdef0123456789abcdef.png",
    publishedAt: new Date("2026-05-01T00:00:00Z"),
    readCount: 5,
  });
  const pdf = await book({ title: "Forklift Safety Handbook", language: "en", format: "PDF", fileName: "f.pdf", publishedAt: new Date("2026-04-01T00:00:00Z"), readCount: 50 });
  const odd = await book({ title: ODD_TITLE, authors: ["A&B <Press>"], description: "<b>not markup</b> & more", publishedAt: new Date("2026-03-01T00:00:00Z") });
  const draft = await book({ title: "草稿书", status: "DRAFT", publishedAt: null });
  const noFile = await book({ title: "没有文件的书", format: null, fileName: null });
  const periodical = await book({ kind: "PERIODICAL", title: "焊接月刊", format: null, fileName: null, tradeId: welder.id });
  const issue = await book({ kind: "ISSUE", title: "焊接月刊", periodicalId: periodical.id, issueYear: 2026, issueNumber: 3, format: "PDF", fileName: "i.pdf" });
  // Enough books in one trade for two pages.
  await db.prisma.book.createMany({
    data: Array.from({ length: OPDS_PAGE_SIZE + 5 }, (_, i) => ({
      kind: "BOOK" as const,
      title: `车工教材 ${String(i).padStart(2, "0")}`,
      status: "PUBLISHED" as const,
      format: "EPUB" as const,
      fileName: `turner-${i}.epub`,
      tradeId: turner.id,
      publishedAt: new Date(Date.UTC(2025, 0, 1 + i)),
    })),
  });
  return { epub: epub.id, pdf: pdf.id, odd: odd.id, draft: draft.id, noFile: noFile.id, periodical: periodical.id, issue: issue.id };
}

const basic = (password: string, user = "anyone") => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

async function get(pathAndQuery: string, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${pathAndQuery}`, { headers: { "accept-language": "zh-CN", ...headers } });
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link", "author", "category"].includes(name) });

interface AtomLink {
  "@rel": string;
  "@href": string;
  "@type": string;
}
interface AtomEntry {
  id: string;
  title: string;
  link: AtomLink[];
  author?: { name: string }[];
  category?: { "@term": string }[];
  summary?: { "#text": string };
  "dc:language"?: string;
  "dc:publisher"?: string;
}
interface AtomFeed {
  "@xmlns": string;
  "@xmlns:dc": string;
  "@xmlns:opds": string;
  id: string;
  title: string;
  link: AtomLink[];
  entry?: AtomEntry[];
}

/** A 200 Atom answer, checked well-formed, parsed. */
async function feed(pathAndQuery: string, headers: Record<string, string> = { authorization: basic(token) }): Promise<{ feed: AtomFeed; contentType: string; xml: string }> {
  const response = await get(pathAndQuery, headers);
  const xml = await response.text();
  expect(response.status, xml).toBe(200);
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = parser.parse(xml) as { feed: AtomFeed };
  expect(parsed.feed["@xmlns"]).toBe(ATOM_NS);
  return { feed: parsed.feed, contentType: response.headers.get("content-type") ?? "", xml };
}

const linkOf = (links: AtomLink[], rel: string) => links.find((link) => link["@rel"] === rel);
const entryOf = (feed: AtomFeed, bookId: string) => feed.entry?.find((entry) => entry.id === `urn:jiangxin:book:${bookId}`);

describe("authentication", () => {
  it("answers 401 with a Basic challenge and no feed without a token, with a wrong one, or with a malformed header", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: basic("wrong-token-wrong-token-1234") }, { authorization: "Basic !!!not-base64" }, { authorization: "Bearer x" }];
    for (const headers of attempts) {
      const response = await get("/opds", headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="Jiangxin OPDS"/);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      const body = await response.text();
      expect(body).not.toContain("<feed");
      expect(body).toContain("OPDS");
    }
    const wrongQuery = await get("/opds/new?token=nope-nope-nope-nope-nope");
    expect(wrongQuery.status).toBe(401);
    // The message follows the reader's language.
    expect(await (await get("/opds", { "accept-language": "en" })).text()).toMatch(/OPDS token is needed/);
  });

  it("accepts the token as the Basic password (any user name) or as ?token=, which then rides along in the links", async () => {
    const byBasic = await feed("/opds", { authorization: basic(token, "whoever") });
    expect(linkOf(byBasic.feed.link, "start")!["@href"]).toBe(`${baseUrl}/opds`);

    const byQuery = await feed(`/opds?token=${encodeURIComponent(token)}`, {});
    for (const link of [...byQuery.feed.link, ...byQuery.feed.entry!.flatMap((entry) => entry.link)]) {
      expect(new URL(link["@href"]).searchParams.get("token")).toBe(token);
    }
  });

  it("refuses the old token after a reset (401) and accepts the new one", async () => {
    const user = (await signedInUser(db.prisma, services.sessions)).viewer;
    const old = (await services.books.opdsToken(user)).token;
    expect((await get("/opds", { authorization: basic(old) })).status).toBe(200);

    const fresh = (await services.books.resetOpdsToken(user)).token;
    expect(fresh).not.toBe(old);
    expect((await get("/opds", { authorization: basic(old) })).status).toBe(401);
    expect((await get(`/opds/new?token=${encodeURIComponent(old)}`)).status).toBe(401);
    expect((await get("/opds", { authorization: basic(fresh) })).status).toBe(200);
  });

  it("answers 429 once one address has sent too many wrong tokens", async () => {
    const app = express();
    app.use(opdsRouter({ books: services.books, opdsCatalog: createOpdsCatalog({ prisma: db.prisma }) }, { failuresPerIp: { points: 2, windowSeconds: 60 } }));
    const strict = http.createServer(app);
    await new Promise<void>((resolve) => strict.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(strict.address() as AddressInfo).port}/opds`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(url, { headers: { authorization: basic(`wrong-${i}-wrong-wrong-wrong-wrong`) } })).status);
      expect(statuses).toEqual([401, 401, 429]);
      // Once blocked, even the right token waits out the window.
      expect((await fetch(url, { headers: { authorization: basic(token) } })).status).toBe(429);
    } finally {
      strict.closeAllConnections();
      await new Promise<void>((resolve) => strict.close(() => resolve()));
    }
  });
});

describe("feeds", () => {
  it("serves the root as an OPDS navigation feed with the four sections and a search link", async () => {
    const { feed: root, contentType } = await feed("/opds");
    expect(contentType).toContain("application/atom+xml");
    expect(contentType).toContain("profile=opds-catalog");
    expect(contentType).toContain("kind=navigation");
    expect(root["@xmlns:dc"]).toBe("http://purl.org/dc/terms/");
    expect(root["@xmlns:opds"]).toBe("http://opds-spec.org/2010/catalog");
    expect(root.title).toBe("匠心书库");
    expect(root.entry!.map((entry) => entry.title)).toEqual(["最新", "热门", "按工种", "期刊"]);
    expect(root.entry!.map((entry) => new URL(entry.link[0]!["@href"]).pathname)).toEqual(["/opds/new", "/opds/popular", "/opds/trades", "/opds/periodicals"]);
    expect(root.entry![0]!.link[0]!["@rel"]).toBe("http://opds-spec.org/sort/new");
    expect(linkOf(root.link, "search")).toMatchObject({ "@href": `${baseUrl}/opds/opensearch.xml`, "@type": "application/opensearchdescription+xml" });
  });

  it("lists downloadable books newest first with OPDS acquisition and cover links, and never drafts or rows without a file", async () => {
    const { feed: newest, contentType } = await feed("/opds/new");
    expect(contentType).toContain("kind=acquisition");
    const first = newest.entry![0]!;
    expect(first.id).toBe(`urn:jiangxin:book:${ids.epub}`);
    expect(first.title).toBe("氩弧焊实操指南");
    expect(first.author!.map((author) => author.name)).toEqual(["张师傅", "李工"]);
    expect(first["dc:language"]).toBe("zh-CN");
    expect(first["dc:publisher"]).toBe("机械工业出版社");
    expect(first.category![0]!["@term"]).toBe("welder");
    expect(linkOf(first.link, "http://opds-spec.org/acquisition")).toMatchObject({
      "@href": `${baseUrl}/opds-file/${encodeURIComponent(token)}/${ids.epub}`,
      "@type": "application/epub+zip",
    });
    expect(linkOf(first.link, "http://opds-spec.org/image")).toMatchObject({ "@href": `${baseUrl}/media/covers/0123456789abcdef0123456789abcdef.png`, "@type": "image/png" });

    expect(linkOf(entryOf(newest, ids.pdf)!.link, "http://opds-spec.org/acquisition")!["@type"]).toBe("application/pdf");
    const issue = entryOf(newest, ids.issue)!;
    expect(issue.title).toContain("第 3 期");
    for (const hidden of [ids.draft, ids.noFile, ids.periodical]) expect(entryOf(newest, hidden)).toBeUndefined();
    expect(linkOf(newest.link, "search")).toBeDefined();
  });

  it("orders the popular feed by readers", async () => {
    const { feed: popular } = await feed("/opds/popular");
    expect(popular.entry!.slice(0, 2).map((entry) => entry.id)).toEqual([`urn:jiangxin:book:${ids.pdf}`, `urn:jiangxin:book:${ids.epub}`]);
  });

  it("pages a trade's books 50 at a time with next and previous links", async () => {
    const { feed: trades } = await feed("/opds/trades");
    expect(trades.entry!.map((entry) => entry.title)).toEqual(expect.arrayContaining(["焊工", "车工"]));

    const { feed: first } = await feed("/opds/trade/turner");
    expect(first.entry).toHaveLength(OPDS_PAGE_SIZE);
    expect(linkOf(first.link, "previous")).toBeUndefined();
    const next = linkOf(first.link, "next")!;
    expect(next["@type"]).toContain("kind=acquisition");
    expect(new URL(next["@href"]).searchParams.get("page")).toBe("2");

    const second = (await feed(new URL(next["@href"]).pathname + new URL(next["@href"]).search)).feed;
    expect(second.entry).toHaveLength(5);
    expect(linkOf(second.link, "next")).toBeUndefined();
    expect(linkOf(second.link, "previous")!["@href"]).toBe(`${baseUrl}/opds/trade/turner`);
    const seen = new Set([...first.entry!, ...second.entry!].map((entry) => entry.id));
    expect(seen.size).toBe(OPDS_PAGE_SIZE + 5);
  });

  it("lists periodicals and a periodical's published issues", async () => {
    const { feed: periodicals } = await feed("/opds/periodicals");
    expect(periodicals.entry!.map((entry) => entry.title)).toEqual(["焊接月刊"]);
    const { feed: issues } = await feed(`/opds/periodical/${ids.periodical}`);
    expect(issues.entry!.map((entry) => entry.id)).toEqual([`urn:jiangxin:book:${ids.issue}`]);
  });

  it("escapes titles, authors and summaries with & < > \" ' and drops characters XML forbids", async () => {
    const { feed: newest, xml } = await feed("/opds/new");
    const odd = entryOf(newest, ids.odd)!;
    expect(odd.title).toBe(ODD_TITLE.replace("\u0001", ""));
    expect(odd.author![0]!.name).toBe("A&B <Press>");
    expect(odd.summary!["#text"]).toBe("<b>not markup</b> & more");
    expect(xml).not.toContain("<b>");
  });

  it("finds books through the search engine and links the OpenSearch description", async () => {
    const { feed: found } = await feed(`/opds/search?q=${encodeURIComponent("氩弧焊")}`);
    expect(found.entry!.map((entry) => entry.id)).toContain(`urn:jiangxin:book:${ids.epub}`);
    expect(entryOf(found, ids.pdf)).toBeUndefined();

    const english = (await feed("/opds/search?q=forklift")).feed;
    expect(english.entry!.map((entry) => entry.id)).toEqual([`urn:jiangxin:book:${ids.pdf}`]);

    const response = await get("/opds/opensearch.xml", { authorization: basic(token) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/opensearchdescription+xml");
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const description = parser.parse(xml) as { OpenSearchDescription: { Url: { "@template": string; "@type": string } } };
    expect(description.OpenSearchDescription.Url["@template"]).toBe(`${baseUrl}/opds/search?q={searchTerms}`);
    expect(description.OpenSearchDescription.Url["@type"]).toContain("kind=acquisition");
  });

  it("answers bad input with a localized 4xx, never a 500", async () => {
    const auth = { authorization: basic(token), "accept-language": "en" };
    const cases: [string, number, RegExp][] = [
      ["/opds/new?page=0", 400, /positive whole number/],
      ["/opds/new?page=abc", 400, /positive whole number/],
      ["/opds/search", 400, /Enter something/],
      [`/opds/search?q=${"x".repeat(101)}`, 400, /at most 100/],
      ["/opds/trade/no-such-trade", 404, /no such catalog/],
      ["/opds/trade/BAD%20CODE", 404, /no such catalog/],
      [`/opds/periodical/${ids.epub}`, 404, /no such catalog/],
      [`/opds/periodical/${ids.draft}`, 404, /no such catalog/],
    ];
    for (const [path, status, message] of cases) {
      const response = await get(path, auth);
      expect(response.status, path).toBe(status);
      expect(await response.text()).toMatch(message);
    }
  });
});
