// What the request log may contain.
import { describe, expect, it } from "vitest";
import { loggedPath } from "../../server/http/logging.ts";

describe("logged paths", () => {
  it("hide the OPDS token of download links and leave other paths alone", () => {
    expect(loggedPath("/opds-file/abcDEF123_-xyz0123456789/demo-epub-welding")).toBe("/opds-file/[token]/demo-epub-welding");
    expect(loggedPath("/books/demo-epub-welding/file")).toBe("/books/demo-epub-welding/file");
    expect(loggedPath("/opds")).toBe("/opds");
  });
});
