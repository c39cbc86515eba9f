// The admin's CSV imports (books and jobs): a preview that names every bad row by its line, then an
// import of the good rows, with and without JavaScript.
import { ADMIN, login, test, expect, zh } from "./fixtures.ts";

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const closingDate = () => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

test.describe("CSV imports", () => {
  test("jobs: a mixed file previews its bad row by line, then imports the good one", async ({ page }) => {
    const title = `导入测试叉车司机${stamp()}`;
    const csv = [
      "title,description,employmentType,organization,trade,city,salaryMin,salaryMax,salaryUnit,validThrough,status",
      `${title},"驾驶叉车，持证上岗。",全职,东莞导入测试物流有限公司,forklift-driver,东莞,5500,7500,月,${closingDate()},OPEN`,
      `坏行${stamp()},没有城市,全职,东莞导入测试物流有限公司,forklift-driver,火星,5500,7500,月,${closingDate()},OPEN`,
    ].join("\n");

    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs/import" });
    await page.getByLabel(zh("jobs.import.csv")).fill(csv);
    await page.getByRole("button", { name: zh("jobs.import.preview"), exact: true }).click();
    const report = page.locator("section.book-import-report");
    await expect(report.getByRole("status")).toHaveText(zh("jobs.import.report.valid", { count: 1, open: 1 }));
    const errors = report.getByRole("table", { name: zh("jobs.import.report.errors", { count: 1 }) });
    await expect(errors.getByRole("row").nth(1)).toContainText("3");
    await expect(errors.getByRole("row").nth(1)).toContainText(zh("jobs.error.cityUnknown"));
    // The preview wrote nothing.
    await page.goto("/jobs?trade=forklift-driver&city=441900");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);

    await page.goto("/admin/jobs/import");
    await page.getByLabel(zh("jobs.import.csv")).fill(csv);
    await page.getByRole("button", { name: zh("jobs.import.import"), exact: true }).click();
    await expect(page.locator("section.book-import-report").getByRole("status")).toHaveText(zh("jobs.import.report.imported", { count: 1, open: 1 }));
    // Published at once and found by its trade and city filters.
    await page.goto("/jobs?trade=forklift-driver&city=441900");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("books: the plain form previews and imports draft books", async ({ page }) => {
      const title = `导入测试图书${stamp()}`;
      const csv = ["title,authors,trade,kind", `${title},张工,welder,BOOK`, ",无名,welder,BOOK"].join("\n");
      await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/books-import" });
      // No file picker without JavaScript: the text box is the whole form.
      await expect(page.locator("#csv-file")).toHaveCount(0);
      await page.getByLabel(zh("bookImport.csv")).fill(csv);
      await page.getByRole("button", { name: zh("bookImport.preview"), exact: true }).click();
      await expect(page.locator("section.book-import-report").getByRole("status")).toHaveText(zh("bookImport.report.valid", { count: 1 }));
      await expect(page.getByRole("table", { name: zh("bookImport.report.errors", { count: 1 }) })).toContainText(zh("bookImport.error.titleRequired"));
      // The text survives the preview, so the import sends the same rows.
      await expect(page.getByLabel(zh("bookImport.csv"))).toHaveValue(csv);
      await page.getByRole("button", { name: zh("bookImport.import"), exact: true }).click();
      await expect(page.locator("section.book-import-report").getByRole("status")).toHaveText(zh("bookImport.report.imported", { count: 1 }));
      await expect(page.getByLabel(zh("bookImport.csv"))).toHaveValue("");
    });
  });
});
