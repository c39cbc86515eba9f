// The quiz question banks in the browser: an admin imports a mixed CSV (the preview names each bad
// row by its line, the import takes the good ones), finds a question in the list, edits it and
// retires it; an employer, who may enter the admin area for jobs, is refused the banks. Questions
// go to trades outside the demo challenge (气割工, 低压电工): quiz.spec.ts plays the demo banks on
// the same server and knows only their questions.
import { ADMIN, EMPLOYER, expect, expectNoBlockingViolations, httpErrorStatus, login, test, zh } from "./fixtures.ts";

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe("an admin", () => {
  // The refused edit answers 400, which Chromium logs.
  test.use({ allowedConsoleErrors: httpErrorStatus(400) });

  test("imports a mixed CSV, then edits and retires one of the questions", async ({ page }) => {
    // Eight page loads and three accessibility checks on a machine shared with the server under test.
    test.setTimeout(120_000);
    const m = `端到端${stamp()}`;
    const mask = `${m} 焊接时保护眼睛和面部应佩戴什么？`;
    const csv = [
      "工种,题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度", // 1
      `气割工,单选,${mask},普通墨镜,焊接面罩,防尘口罩,安全帽,B,弧光含强烈紫外线，须戴焊接面罩。,1`, // 2
      `气割工,单选,${m} 缺答案的题,甲,乙,,,,解析,1`, // 3: no answer
      `气割工,多选,${m} 常见焊接缺陷有哪些？,气孔,夹渣,咬边,镀锌层,ABC,镀锌层是防腐处理，不是缺陷。,2`, // 4
      `气割工,单选,${m} 答案不在选项中,甲,乙,,,E,解析,1`, // 5: E is no option
      `宇航员,判断,${m} 没有这个工种,,,,,正确,解析,1`, // 6: unknown trade
      `气割工,判断,${mask},,,,,正确,解析,1`, // 7: the same stem as line 2
    ].join("\n");

    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/quiz-import" });
    await expect(page.getByRole("heading", { level: 1, name: zh("quizbank.import.title") })).toBeVisible();
    // The page explains the columns before any file.
    await expect(page.getByRole("table", { name: zh("quizbank.import.columns") })).toContainText("答案 / answer");
    await page.getByLabel(zh("quizbank.import.text")).fill(csv);
    await page.getByRole("button", { name: zh("quizbank.import.preview"), exact: true }).click();

    const report = page.locator("section.book-import-report");
    await expect(report.getByRole("status")).toHaveText(zh("quizbank.import.report.valid", { count: 2 }));
    const errors = report.getByRole("table", { name: zh("quizbank.import.report.errors", { count: 4 }) });
    const rows = errors.getByRole("row");
    await expect(rows).toHaveCount(5); // the heading row and four problems
    const expected: [string, string, string][] = [
      ["3", zh("quizbank.import.field.answer"), zh("quizadmin.error.answerRequired")],
      ["5", zh("quizbank.import.field.answer"), zh("quizadmin.error.answerNotAmongOptions")],
      ["6", zh("quizbank.import.field.trade"), zh("quizadmin.error.tradeUnknown")],
      ["7", zh("quizbank.import.field.stem"), zh("quizbank.import.error.duplicateInFile")],
    ];
    for (const [index, cells] of expected.entries()) {
      await expect(rows.nth(index + 1).getByRole("cell")).toHaveText(cells);
    }
    await expect(report.getByRole("list", { name: zh("quizbank.import.report.perTrade") })).toHaveText(zh("quizbank.import.report.tradeCount", { trade: "气割工", count: 2 }));
    await expectNoBlockingViolations(page);

    // The preview wrote nothing.
    await page.goto(`/admin/quiz-questions?q=${encodeURIComponent(m)}`);
    await expect(page.getByTestId("quiz-bank-total")).toHaveText(zh("quizbank.list.total", { count: 0 }));

    // Back on the import page: the same text, imported.
    await page.goto("/admin/quiz-import");
    await page.getByLabel(zh("quizbank.import.text")).fill(csv);
    await page.getByRole("button", { name: zh("quizbank.import.import"), exact: true }).click();
    await expect(page.locator("section.book-import-report").getByRole("status")).toHaveText(zh("quizbank.import.report.imported", { count: 2 }));
    await expect(page.getByLabel(zh("quizbank.import.text"))).toHaveValue("");

    // The gas cutters' bank lists the two new questions, with their counts in the table of trades.
    await page.goto("/admin/quiz-questions");
    await page.getByRole("combobox", { name: zh("quizbank.filter.trade") }).selectOption({ label: "气割工" });
    await page.getByRole("searchbox", { name: zh("quizbank.filter.q") }).fill(m);
    await page.getByRole("button", { name: zh("quizbank.filter.submit"), exact: true }).click();
    await expect(page).toHaveURL(/[?&]trade=gas-cutter/);
    await expect(page.getByTestId("quiz-bank-total")).toHaveText(zh("quizbank.list.total", { count: 2 }));
    // The counts per trade are folded away until asked for.
    const cutterCount = page.locator('[data-testid="quiz-bank-count"][data-trade="gas-cutter"]');
    await expect(cutterCount).toBeHidden();
    await page.getByText(zh("quizbank.counts.title"), { exact: true }).click();
    await expect(cutterCount.getByRole("rowheader")).toHaveText("气割工");
    await expectNoBlockingViolations(page);

    await page.getByRole("link", { name: mask }).click();
    await expect(page.getByRole("heading", { level: 1, name: mask })).toBeVisible();
    await expect(page.getByTestId("quiz-question-answers")).toHaveText(zh("quizbank.state.neverAnswered"));

    // A bad edit is refused with the field's message; a good one is saved.
    await page.getByLabel(zh("quizbank.field.answer")).fill("F");
    await page.getByRole("button", { name: zh("quizbank.form.save"), exact: true }).click();
    await expect(page.getByText(zh("quizadmin.error.answerNotAmongOptions"))).toBeVisible();
    await page.getByLabel(zh("quizbank.field.option", { letter: "B" })).fill("带滤光片的焊接面罩");
    await page.getByLabel(zh("quizbank.field.answer")).fill("B");
    await page.getByLabel(zh("quizbank.field.explanation")).fill("电弧光含强烈的紫外线和红外线，必须佩戴装有合适滤光片的焊接面罩。");
    await page.getByRole("button", { name: zh("quizbank.form.save"), exact: true }).click();
    await expect(page.getByTestId("quiz-question-done")).toHaveText(zh("quizbank.form.saved"));
    await expect(page.getByLabel(zh("quizbank.field.option", { letter: "B" }))).toHaveValue("带滤光片的焊接面罩");
    await expect(page.getByLabel(zh("quizbank.field.explanation"))).toHaveValue("电弧光含强烈的紫外线和红外线，必须佩戴装有合适滤光片的焊接面罩。");
    await expectNoBlockingViolations(page);

    // Retire: the page says so, and the list of questions in play no longer has it.
    await page.getByRole("button", { name: zh("quizbank.state.retire"), exact: true }).click();
    await expect(page.getByTestId("quiz-question-done")).toHaveText(zh("quizbank.state.retiredDone"));
    await expect(page.getByTestId("quiz-question-retired")).toHaveText(zh("quizbank.state.retired"));
    await expect(page.getByRole("button", { name: zh("quizbank.state.restore"), exact: true })).toBeVisible();

    await page.goto(`/admin/quiz-questions?trade=gas-cutter&state=active&q=${encodeURIComponent(m)}`);
    await expect(page.getByTestId("quiz-question-row")).toHaveCount(1);
    await expect(page.getByRole("link", { name: mask })).toHaveCount(0);
    await page.goto(`/admin/quiz-questions?trade=gas-cutter&state=retired&q=${encodeURIComponent(m)}`);
    await expect(page.getByRole("link", { name: mask })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("JSON previews by item and imports through the plain form; retire and restore are plain forms too", async ({ page }) => {
    const m = `无脚本${stamp()}`;
    const items = [
      { trade: "low-voltage-electrician", kind: "TRUE_FALSE", stem: `${m} 停电检修前必须验电。`, answer: true, explanation: "验明无电后才能挂接地线、开始作业。", difficulty: 1 },
      { trade: "low-voltage-electrician", kind: "SINGLE", stem: `${m} 缺选项`, options: ["甲"], answer: "A", explanation: "解析" },
    ];
    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/quiz-import" });
    // No file picker without JavaScript: the text box is the whole form.
    await expect(page.locator("#csv-file")).toHaveCount(0);
    await page.getByLabel(zh("quizbank.import.text")).fill(JSON.stringify(items, null, 2));
    await page.getByRole("button", { name: zh("quizbank.import.preview"), exact: true }).click();
    const report = page.locator("section.book-import-report");
    await expect(report).toContainText(zh("quizbank.import.report.readAsJson"));
    await expect(report.getByRole("status")).toHaveText(zh("quizbank.import.report.valid", { count: 1 }));
    const errors = report.getByRole("table", { name: zh("quizbank.import.report.errors", { count: 1 }) });
    await expect(errors.getByRole("columnheader").first()).toHaveText(zh("quizbank.import.report.item"));
    await expect(errors.getByRole("row").nth(1).getByRole("cell")).toHaveText(["2", zh("quizbank.import.field.options"), zh("quizadmin.error.tooFewOptions")]);
    // The text survives the preview, so the import sends the same items.
    await page.getByRole("button", { name: zh("quizbank.import.import"), exact: true }).click();
    await expect(page.locator("section.book-import-report").getByRole("status")).toHaveText(zh("quizbank.import.report.imported", { count: 1 }));

    await page.goto(`/admin/quiz-questions?q=${encodeURIComponent(m)}`);
    await page.getByRole("link", { name: `${m} 停电检修前必须验电。` }).click();
    await page.getByRole("button", { name: zh("quizbank.state.retire"), exact: true }).click();
    await expect(page.getByTestId("quiz-question-done")).toHaveText(zh("quizbank.state.retiredDone"));
    await page.getByRole("button", { name: zh("quizbank.state.restore"), exact: true }).click();
    await expect(page.getByTestId("quiz-question-done")).toHaveText(zh("quizbank.state.restoredDone"));
    await expect(page.getByTestId("quiz-question-retired")).toHaveCount(0);
  });
});

test.describe("who may", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(403) });

  test("an employer, let into the admin area for jobs, gets the 403 page on the question banks and the import", async ({ page }) => {
    await login(page, EMPLOYER.phone, EMPLOYER.password);
    for (const path of ["/admin/quiz-questions", "/admin/quiz-questions/new", "/admin/quiz-import"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: zh("error.403.title") })).toBeVisible();
    }
  });
});
