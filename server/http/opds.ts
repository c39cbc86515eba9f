// The OPDS catalog for e-reader apps: /opds and its feeds, /opds/search, /opds/opensearch.xml.
// E-reader apps send no cookies: they authenticate with HTTP Basic (any user name, the OPDS token
// as password) or with ?token= in the URL, which then rides along in every link we write.
import type { Request, Response } from "express";
import express from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { localeFromHeaders } from "../../app/i18n/locale.server.ts";
import { translator, type MessageKey } from "../../app/i18n/index.ts";
import type { Viewer } from "../auth/permissions.ts";
import {
  ACQUISITION_TYPE,
  acquisitionFeed,
  NAVIGATION_TYPE,
  navigationFeed,
  OPENSEARCH_TYPE,
  openSearchDescription,
  type AcquisitionPage,
  type FeedContext,
  type OpdsCatalog,
} from "../books/opds.ts";
import type { BookService } from "../books/service.ts";
import { BOOK_PAGE_SIZE } from "../books/types.ts";

/** Failed token attempts per IP address: enough for a mistyped token, too few to guess one. */
const FAILURES_PER_IP = { points: 30, windowSeconds: 15 * 60 };

export interface OpdsRouterServices {
  books: Pick<BookService, "catalog" | "viewerByOpdsToken">;
  opdsCatalog: OpdsCatalog;
}

export interface OpdsRouterOptions {
  /** PUBLIC_ORIGIN; without it links use the request's own protocol and host. */
  publicOrigin?: string;
  failuresPerIp?: { points: number; windowSeconds: number };
  now?: () => Date;
}

const ZPage = z.preprocess((value) => (value === undefined ? "1" : value), z.string().regex(/^[1-9]\d{0,4}$/, "opds.error.badPage").transform(Number));
const ZTradeCode = z.string().regex(/^[a-z0-9-]{1,40}$/);
const ZBookId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const ZSearchQuery = z.string("opds.error.emptyQuery").trim().min(1, "opds.error.emptyQuery").max(100, "opds.error.queryTooLong");
const ZToken = z.string().min(1).max(200);

class OpdsFailure extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: MessageKey,
  ) {
    super(messageKey);
  }
}

/** The token a request carries: the Basic password first, then ?token=. */
function tokenOf(req: Request): { token: string; inQuery: boolean } | null {
  const header = req.get("authorization");
  if (header && /^basic\s+/i.test(header)) {
    const decoded = Buffer.from(header.replace(/^basic\s+/i, ""), "base64").toString("utf8");
    const separator = decoded.indexOf(":");
    const password = separator >= 0 ? decoded.slice(separator + 1) : "";
    const parsed = ZToken.safeParse(password);
    if (parsed.success) return { token: parsed.data, inQuery: false };
  }
  const query = ZToken.safeParse(req.query.token);
  return query.success ? { token: query.data, inQuery: true } : null;
}

export function opdsRouter(services: OpdsRouterServices, options: OpdsRouterOptions = {}): express.Router {
  const router = express.Router();
  const limits = options.failuresPerIp ?? FAILURES_PER_IP;
  const failures = new RateLimiterMemory({ keyPrefix: "opds-ip", points: limits.points, duration: limits.windowSeconds });
  const now = options.now ?? (() => new Date());

  const localeOf = (req: Request) => localeFromHeaders(req.get("cookie"), req.get("accept-language"));

  function sendFailure(req: Request, res: Response, status: number, key: MessageKey) {
    if (status === 401) res.set("WWW-Authenticate", 'Basic realm="Jiangxin OPDS", charset="UTF-8"');
    res.status(status).type("text/plain; charset=utf-8").send(translator(localeOf(req))(key));
  }

  /** The viewer behind the token, or a failure (401, or 429 after too many wrong tokens from one address). */
  async function authenticate(req: Request): Promise<{ viewer: Viewer; token: string; inQuery: boolean }> {
    const ip = req.ip ?? "unknown";
    const state = await failures.get(ip);
    if (state !== null && state.consumedPoints >= limits.points) throw new OpdsFailure(429, "opds.error.rateLimited");
    const found = tokenOf(req);
    const viewer = found ? await services.books.viewerByOpdsToken(found.token) : null;
    if (!found || !viewer) {
      // A request without any token is how clients discover that a login is needed: not counted.
      if (found) await failures.consume(ip).catch((error: unknown) => (error instanceof RateLimiterRes ? undefined : Promise.reject(error)));
      throw new OpdsFailure(401, "opds.error.unauthorized");
    }
    return { viewer, ...found };
  }

  function feedContext(req: Request, auth: { token: string; inQuery: boolean }): FeedContext {
    const origin = options.publicOrigin?.replace(/\/$/, "") ?? `${req.protocol}://${req.get("host")}`;
    return {
      url(pathname, params = {}) {
        const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
        if (auth.inQuery) query.set("token", auth.token);
        const search = query.toString();
        return `${origin}${pathname}${search ? `?${search}` : ""}`;
      },
      site: (pathname) => `${origin}${pathname}`,
      token: auth.token,
      locale: localeOf(req),
      now: now(),
    };
  }

  /** Runs a feed handler: authentication, input errors as 4xx, the Atom answer. */
  function feed(kind: "navigation" | "acquisition" | "opensearch", build: (req: Request, ctx: FeedContext) => Promise<string>) {
    return async (req: Request, res: Response, next: express.NextFunction) => {
      try {
        const auth = await authenticate(req);
        const xml = await build(req, feedContext(req, auth));
        res.set("Cache-Control", "private, no-cache");
        res.set("Vary", "Authorization, Accept-Language, Cookie");
        res.type(kind === "navigation" ? NAVIGATION_TYPE : kind === "acquisition" ? ACQUISITION_TYPE : OPENSEARCH_TYPE).send(xml);
      } catch (error) {
        if (error instanceof OpdsFailure) return sendFailure(req, res, error.status, error.messageKey);
        next(error);
      }
    };
  }

  const pageOf = (req: Request) => {
    const parsed = ZPage.safeParse(req.query.page);
    if (!parsed.success) throw new OpdsFailure(400, "opds.error.badPage");
    return parsed.data;
  };
  const paged = (ctx: FeedContext, pathname: string, extra: Record<string, string> = {}) => (page: number) =>
    ctx.url(pathname, page > 1 ? { ...extra, page } : extra);
  const up = (ctx: FeedContext, pathname = "/opds") => ({ rel: "up", href: ctx.url(pathname), type: NAVIGATION_TYPE });

  router.get("/opds", feed("navigation", async (req, ctx) => {
    const t = translator(ctx.locale);
    return navigationFeed(
      { id: "urn:jiangxin:opds:root", title: t("opds.feed.root"), self: ctx.url("/opds") },
      [
        { id: "urn:jiangxin:opds:new", title: t("opds.feed.new"), content: t("opds.feed.new.about"), href: ctx.url("/opds/new"), rel: "http://opds-spec.org/sort/new", type: ACQUISITION_TYPE },
        { id: "urn:jiangxin:opds:popular", title: t("opds.feed.popular"), content: t("opds.feed.popular.about"), href: ctx.url("/opds/popular"), rel: "http://opds-spec.org/sort/popular", type: ACQUISITION_TYPE },
        { id: "urn:jiangxin:opds:trades", title: t("opds.feed.trades"), content: t("opds.feed.trades.about"), href: ctx.url("/opds/trades"), rel: "subsection", type: NAVIGATION_TYPE },
        { id: "urn:jiangxin:opds:periodicals", title: t("opds.feed.periodicals"), content: t("opds.feed.periodicals.about"), href: ctx.url("/opds/periodicals"), rel: "subsection", type: NAVIGATION_TYPE },
      ],
      ctx,
    );
  }));

  router.get("/opds/new", feed("acquisition", async (req, ctx) => {
    const result = await services.opdsCatalog.newest(pageOf(req));
    const title = translator(ctx.locale)("opds.feed.new");
    return acquisitionFeed({ id: "urn:jiangxin:opds:new", title, self: paged(ctx, "/opds/new")(result.page), links: [up(ctx)] }, result, paged(ctx, "/opds/new"), ctx);
  }));

  router.get("/opds/popular", feed("acquisition", async (req, ctx) => {
    const result = await services.opdsCatalog.popular(pageOf(req));
    const title = translator(ctx.locale)("opds.feed.popular");
    return acquisitionFeed({ id: "urn:jiangxin:opds:popular", title, self: paged(ctx, "/opds/popular")(result.page), links: [up(ctx)] }, result, paged(ctx, "/opds/popular"), ctx);
  }));

  router.get("/opds/trades", feed("navigation", async (_req, ctx) => {
    const t = translator(ctx.locale);
    const trades = await services.opdsCatalog.tradesWithBooks();
    const items = trades.map((trade) => ({
      id: `urn:jiangxin:opds:trade:${trade.code}`,
      title: ctx.locale === "en" ? trade.nameEn : trade.nameZh,
      content: t("opds.feed.bookCount", { count: trade._count.books }),
      href: ctx.url(`/opds/trade/${trade.code}`),
      rel: "subsection",
      type: ACQUISITION_TYPE,
    }));
    return navigationFeed({ id: "urn:jiangxin:opds:trades", title: t("opds.feed.trades"), self: ctx.url("/opds/trades"), links: [up(ctx)] }, items, ctx);
  }));

  router.get("/opds/trade/:code", feed("acquisition", async (req, ctx) => {
    const code = ZTradeCode.safeParse(req.params.code);
    const found = code.success ? await services.opdsCatalog.byTrade(code.data, pageOf(req)) : null;
    if (!found) throw new OpdsFailure(404, "opds.error.notFound");
    const pathname = `/opds/trade/${found.trade.code}`;
    const title = ctx.locale === "en" ? found.trade.nameEn : found.trade.nameZh;
    return acquisitionFeed(
      { id: `urn:jiangxin:opds:trade:${found.trade.code}`, title, self: paged(ctx, pathname)(found.result.page), links: [up(ctx, "/opds/trades")] },
      found.result,
      paged(ctx, pathname),
      ctx,
    );
  }));

  router.get("/opds/periodicals", feed("navigation", async (_req, ctx) => {
    const t = translator(ctx.locale);
    const periodicals = await services.opdsCatalog.periodicals();
    const items = periodicals.map((periodical) => ({
      id: `urn:jiangxin:book:${periodical.id}`,
      title: periodical.title,
      content: [periodical.publisher, t("opds.feed.issueCount", { count: periodical._count.issues })].filter(Boolean).join(" · "),
      href: ctx.url(`/opds/periodical/${periodical.id}`),
      rel: "subsection",
      type: ACQUISITION_TYPE,
    }));
    return navigationFeed({ id: "urn:jiangxin:opds:periodicals", title: t("opds.feed.periodicals"), self: ctx.url("/opds/periodicals"), links: [up(ctx)] }, items, ctx);
  }));

  router.get("/opds/periodical/:id", feed("acquisition", async (req, ctx) => {
    const id = ZBookId.safeParse(req.params.id);
    const found = id.success ? await services.opdsCatalog.periodicalIssues(id.data, pageOf(req)) : null;
    if (!found) throw new OpdsFailure(404, "opds.error.notFound");
    const pathname = `/opds/periodical/${found.periodical.id}`;
    return acquisitionFeed(
      { id: `urn:jiangxin:book:${found.periodical.id}`, title: found.periodical.title, self: paged(ctx, pathname)(found.result.page), links: [up(ctx, "/opds/periodicals")] },
      found.result,
      paged(ctx, pathname),
      ctx,
    );
  }));

  router.get("/opds/search", feed("acquisition", async (req, ctx) => {
    const q = ZSearchQuery.safeParse(req.query.q);
    if (!q.success) throw new OpdsFailure(400, q.error.issues[0]!.message as MessageKey);
    const page = pageOf(req);
    // The search engine ranks; the catalog pages (its own page size) and we load full rows for those ids.
    const found = await services.books.catalog(null, { q: q.data, page: String(page) });
    const result: AcquisitionPage = {
      books: await services.opdsCatalog.byIds(found.items.map((item) => item.id)),
      total: found.total,
      page: found.page,
      pageCount: Math.max(found.pageCount, 1),
      perPage: BOOK_PAGE_SIZE,
    };
    const title = translator(ctx.locale)("opds.feed.search", { q: q.data });
    const pageUrl = paged(ctx, "/opds/search", { q: q.data });
    return acquisitionFeed({ id: `urn:jiangxin:opds:search:${encodeURIComponent(q.data)}`, title, self: pageUrl(result.page), links: [up(ctx)] }, result, pageUrl, ctx);
  }));

  router.get("/opds/opensearch.xml", feed("opensearch", async (_req, ctx) => {
    const t = translator(ctx.locale);
    return openSearchDescription(ctx, { shortName: t("opds.opensearch.shortName"), description: t("opds.opensearch.description") });
  }));

  return router;
}
