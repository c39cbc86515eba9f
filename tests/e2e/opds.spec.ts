// An e-reader app's view: the OPDS feed, with the token from the profile, is Atom XML, and its
// acquisition links download the book with that token and no cookie.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, login, test, WORKER, zh } from "./fixtures.ts";

test("the OPDS feed parses as Atom and its acquisition link downloads the book with the token", async ({ page, playwright, baseURL }) => {
  await login(page, WORKER.phone, WORKER.password);
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: zh("opds.me.title") })).toBeVisible();
  const token = (await page.getByTestId("opds-token").textContent())!.trim();

  // A client of its own: an e-reader app sends no cookies.
  const app = await playwright.request.newContext({ baseURL });
  try {
    expect((await app.get("/opds/new")).status()).toBe(401);
    const feed = await app.get("/opds/new", { headers: { authorization: `Basic ${Buffer.from(`reader:${token}`).toString("base64")}` } });
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
    const xml = await feed.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
      feed: { entry: { title: string; link: { rel: string; href: string; type: string }[] }[] };
    };
    const entries = parsed.feed.entry;
    expect(entries.length).toBeGreaterThan(0);
    const acquisition = entries.flatMap((entry) => entry.link).find((link) => link.rel === "http://opds-spec.org/acquisition")!;
    expect(acquisition.type).toMatch(/^application\/(epub\+zip|pdf)$/);

    const file = await app.get(acquisition.href);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe(acquisition.type);
    const head = (await file.body()).subarray(0, 5).toString("latin1");
    expect(head).toMatch(acquisition.type === "application/pdf" ? /^%PDF-/ : /^PK/);
  } finally {
    await app.dispose();
  }
});
