// Markdown written by craftsmen, rendered for everyone: formatting survives, nothing runs.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../server/courses/markdown.ts";

describe("course Markdown", () => {
  it("renders the formatting lessons use: headings under the page's own, lists, tables, code", () => {
    const html = renderMarkdown("# 安全要点\n\n## 步骤\n\n1. 清理坡口\n2. 引弧\n\n| 电流 | 电压 |\n|---|---|\n| 120 A | 22 V |\n\n`G01 X20`");
    expect(html).toContain("<h3>安全要点</h3>");
    expect(html).toContain("<h4>步骤</h4>");
    expect(html).toMatch(/<ol>\s*<li>清理坡口<\/li>/);
    expect(html).toContain("<td>120 A</td>");
    expect(html).toContain("<code>G01 X20</code>");
  });

  it("escapes raw HTML instead of passing it through", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<a href="#" onclick="x()">a</a>');
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("onerror=&quot;alert(2)&quot;");
  });

  it("refuses script URLs in links and images", () => {
    for (const source of ["[点我](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](vbscript:msgbox)", "![x](data:text/html,<script>)", "[x](file:///etc/passwd)"]) {
      expect(renderMarkdown(source), source).not.toMatch(/href="(javascript|vbscript|file|data)|src="data:text/i);
    }
  });

  it("marks links off the site as not endorsed and opens them apart", () => {
    expect(renderMarkdown("[标准](https://example.org/gb)")).toContain(
      '<a href="https://example.org/gb" rel="nofollow ugc noopener noreferrer" target="_blank">标准</a>',
    );
    expect(renderMarkdown("[下一课](/courses/a/lessons/b)")).toContain('<a href="/courses/a/lessons/b">下一课</a>');
  });

  it("keeps line breaks as written", () => {
    expect(renderMarkdown("第一行\n第二行")).toContain("第一行<br>\n第二行");
  });
});
