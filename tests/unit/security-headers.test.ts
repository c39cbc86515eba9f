// The Content-Security-Policy of production responses, with and without Mux as the video provider.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { MUX_ORIGINS, securityHeaders } from "../../server/http/security.ts";

let close: (() => void) | undefined;
afterEach(() => close?.());

async function policy(videoOrigins?: string[], pathname = "/"): Promise<Map<string, string>> {
  const app = express();
  app.use(securityHeaders({ isProduction: true, videoOrigins }));
  app.get("/{*path}", (_req, res) => {
    res.send("ok");
  });
  const server = app.listen(0, "127.0.0.1");
  close = () => server.close();
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const header = (await fetch(`http://127.0.0.1:${port}${pathname}`)).headers.get("content-security-policy") ?? "";
  return new Map(header.split(";").map((part) => part.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));
}

describe("video origins in the policy", () => {
  it("keeps media, connections and images on our own origin for local video", async () => {
    const csp = await policy();
    expect(csp.get("media-src")).toBe("'self' blob:");
    expect(csp.get("connect-src")).toBe("'self'");
  });

  it("lets players reach Mux and browsers upload to it when Mux is the provider", async () => {
    const csp = await policy(MUX_ORIGINS);
    for (const directive of ["media-src", "connect-src", "img-src"]) {
      for (const origin of MUX_ORIGINS) expect(csp.get(directive), directive).toContain(origin);
    }
    expect(csp.get("script-src")).not.toContain("mux");
  });
});

describe("the book reader's policy", () => {
  it("admits the renderer's blob: frames and the books' inline styles on the reader page only", async () => {
    const reader = await policy(undefined, "/books/demo-epub-welding/read?x=1");
    expect(reader.get("style-src")).toBe("'self' 'unsafe-inline' blob:");
    expect(reader.get("frame-src")).toBe("'self' blob:");
    expect(reader.get("script-src")).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]+'$/);
    for (const pathname of ["/", "/books/demo-epub-welding", "/books/x/read/more", "/books/read"]) {
      const strict = await policy(undefined, pathname);
      expect(strict.get("style-src"), pathname).toBe("'self'");
      expect(strict.get("frame-src"), pathname).toBe("'self'");
    }
  });
});
