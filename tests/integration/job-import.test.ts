// CSV import of job posts: good, bad and mixed files (real CSV text: quotes, a BOM, CRLF, Chinese
// labels), every reason a row is refused, nothing written by a preview, all valid rows in one
// transaction (a failing write leaves nothing), limits, and who may import for whom.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zhCN } from "../../app/i18n/messages/zh-CN.ts";
import type { Viewer } from "../../server/auth/permissions.ts";
import { withHttpErrors } from "../../server/http/service-errors.ts";
import { createJobImport, IMPORT_COLUMNS, IMPORT_MAX_ROWS, type JobImport, type JobImportReport } from "../../server/jobs/import.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser } from "../support/fixtures.ts";
import { testClock } from "../support/services.ts";

// 2026-03-02 16:00 in China: "2026-03-02" is still valid today, "2026-03-01" has passed.
const NOW = new Date("2026-03-02T08:00:00.000Z");

let db: TestDatabase;
let jobImport: JobImport;
let admin: Viewer;
let worker: Viewer;
let craftsman: Viewer;
let employer: Viewer;
let employerOrganization: { id: string; name: string };

const asViewer = (user: { id: string; displayName: string; role: Viewer["role"] }): Viewer => ({ id: user.id, displayName: user.displayName, role: user.role });

beforeAll(async () => {
  db = await createTestDatabase();
  jobImport = createJobImport({ prisma: db.prisma, clock: testClock(NOW) });
  admin = asViewer(await createUser(db.prisma, { role: "ADMIN" }));
  worker = asViewer(await createUser(db.prisma, { role: "WORKER" }));
  craftsman = asViewer(await createUser(db.prisma, { role: "CRAFTSMAN" }));
  employerOrganization = await db.prisma.organization.create({ data: { name: "东莞华南精密模具有限公司" }, select: { id: true, name: true } });
  const employerUser = await createUser(db.prisma, { role: "EMPLOYER" });
  await db.prisma.user.update({ where: { id: employerUser.id }, data: { organizationId: employerOrganization.id } });
  employer = asViewer(employerUser);
});

afterAll(async () => {
  await db?.cleanup();
});

/** A marker unique to one test, so that rows written by other tests do not count. */
let seq = 0;
const marker = () => `导入${++seq}-${Date.now() % 100_000}`;
const postsTitled = (prefix: string) =>
  db.prisma.jobPost.findMany({ where: { title: { startsWith: prefix } }, orderBy: { title: "asc" }, include: { organization: true, trade: true } });

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;
const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
/** A CSV file of every column, from rows that override a valid row. */
function csvOf(rows: Row[], base: Row): string {
  return [IMPORT_COLUMNS.join(","), ...rows.map((row) => IMPORT_COLUMNS.map((column) => quote({ ...base, ...row }[column] ?? "")).join(","))].join("\n");
}
const validRow = (m: string): Row => ({
  title: `${m} 电焊工`,
  description: "负责钢结构件焊接。",
  employmentType: "FULL_TIME",
  organization: `${m} 钢构公司`,
  trade: "welder",
  city: "440300",
  salaryMin: "6000",
  salaryMax: "9000",
  salaryUnit: "MONTH",
  validThrough: "2026-12-31",
});

/** Every key a report hands to the page has a message (or the page would show a generic one). */
function expectKnownKeys(report: JobImportReport) {
  const keys = [...report.errors, ...report.warnings].map((problem) => problem.messageKey).concat(report.formError ?? []);
  expect(keys.filter((key) => !(key in zhCN))).toEqual([]);
}

describe("a good file", () => {
  it("imports every row with codes or Chinese labels, BOM, CRLF and quoted fields, in one go", async () => {
    const m = marker();
    const existing = await db.prisma.organization.create({ data: { name: `${m} 已有单位` } });
    const csv =
      "\uFEFF" +
      [
        "title,description,employmentType,organization,trade,city,district,address,salaryMin,salaryMax,salaryUnit,currency,experienceYears,certificates,benefits,openings,validThrough,status",
        `${m} 电焊工（二保焊）,"负责钢结构件的二氧化碳保护焊，""看得懂图纸""，
提供培训。",全职,${m} 深圳精工钢构,焊工,深圳,南山区,"科技园南区, 3 栋",7000,10000,月,cny,2,焊工证；高处作业证,五险一金、包住宿;加班费,3,2026-04-30,OPEN`,
        `${m} 数控车工,夜班，计件,兼职,${m} 已有单位,cnc-lathe-operator,东莞市,,,200,300,天,,,,,,2026-03-02,draft`,
        `${m} 叉车司机,按小时结算,TEMPORARY,${m} 已有单位,forklift-driver,320500,,,25,30,HOUR,CNY,0,,,10,2026-05-01,`,
        `${m} 焊接学徒,"带薪学习，无需押金",实习,${m} 深圳精工钢构,电焊工,440300,440306,,3000,3500,MONTH,,,,,1,2026-06-30,OPEN`,
      ].join("\r\n") +
      "\r\n";

    const preview = await jobImport.preview(admin, csv);
    expect(preview).toEqual({
      valid: 4,
      open: 2,
      errors: [],
      // "押金" (deposit) is fee wording even when it says there is none: a moderator looks at it.
      warnings: [{ line: 6, field: "description", messageKey: "jobs.import.warning.fee" }],
      ignoredColumns: [],
      missingColumns: [],
      organization: null,
    });
    expectKnownKeys(preview);

    const [outboxBefore, organizationsBefore] = [await db.prisma.searchOutbox.count(), await db.prisma.organization.count()];
    const result = await jobImport.importRows(admin, csv);
    expect(result).toEqual({ ...preview, imported: 4 });

    const posts = await postsTitled(m);
    const byTitle = (suffix: string) => posts.find((post) => post.title === `${m} ${suffix}`)!;
    expect(byTitle("电焊工（二保焊）")).toMatchObject({
      description: '负责钢结构件的二氧化碳保护焊，"看得懂图纸"，\n提供培训。', // the line break inside quotes is kept as written
      employmentType: "FULL_TIME",
      organization: { name: `${m} 深圳精工钢构` },
      trade: { code: "welder" },
      province: "440000",
      city: "440300",
      district: "440305",
      address: "科技园南区, 3 栋",
      salaryMin: 7000,
      salaryMax: 10000,
      salaryUnit: "MONTH",
      currency: "CNY",
      monthlyMin: 7000,
      monthlyMax: 10000,
      experienceYears: 2,
      certificates: ["焊工证", "高处作业证"],
      benefits: ["五险一金", "包住宿", "加班费"],
      openings: 3,
      status: "OPEN",
      datePosted: NOW,
      validThrough: new Date("2026-04-30T15:59:59.999Z"),
      alertsSentAt: null,
      feeWarning: false,
      createdById: admin.id,
    });
    expect(byTitle("数控车工")).toMatchObject({
      employmentType: "PART_TIME",
      organizationId: existing.id,
      trade: { code: "cnc-lathe-operator" },
      province: "440000",
      city: "441900",
      district: null,
      salaryUnit: "DAY",
      monthlyMin: Math.round(200 * 21.75),
      monthlyMax: Math.round(300 * 21.75),
      experienceYears: 0,
      openings: 1,
      status: "DRAFT",
      datePosted: null,
    });
    expect(byTitle("叉车司机")).toMatchObject({
      employmentType: "TEMPORARY",
      organizationId: existing.id,
      city: "320500",
      province: "320000",
      salaryUnit: "HOUR",
      monthlyMin: 25 * 174,
      monthlyMax: 30 * 174,
      openings: 10,
      status: "DRAFT",
    });
    expect(byTitle("焊接学徒")).toMatchObject({ employmentType: "INTERN", trade: { code: "electric-welder" }, district: "440306", status: "OPEN", feeWarning: true });

    // One new organisation (the existing one was found by name), outbox rows for the OPEN posts only.
    expect(await db.prisma.organization.count()).toBe(organizationsBefore + 1);
    const open = posts.filter((post) => post.status === "OPEN").map((post) => `job-${post.id}`);
    const outbox = await db.prisma.searchOutbox.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" }, skip: outboxBefore });
    expect(outbox.map((row) => row.docId).sort()).toEqual(open.sort());
  });

  it("accepts header names in any case and order, and lists unknown columns as ignored", async () => {
    const m = marker();
    const csv = [
      " City ,TITLE,salarymin,SalaryMax,salaryunit,validthrough,employmenttype,Trade,Organization,Description,remarks",
      `成都,${m} 电工,5000,7000,MONTH,2026-09-30,FULL_TIME,electrician,${m} 成都建工,维修厂区配电,内部备注`,
    ].join("\n");
    const report = await jobImport.preview(admin, csv);
    expect(report).toMatchObject({ valid: 1, errors: [], ignoredColumns: ["remarks"] });
    expect((await jobImport.importRows(admin, csv)).imported).toBe(1);
    expect((await postsTitled(m))[0]).toMatchObject({ city: "510100", province: "510000", salaryMin: 5000, trade: { code: "electrician" } });
  });

  it("does not import the same file twice", async () => {
    const m = marker();
    const csv = csvOf([{}, { title: `${m} 钳工`, status: "OPEN" }], validRow(m));
    expect((await jobImport.importRows(admin, csv)).imported).toBe(2);
    const again = await jobImport.importRows(admin, csv);
    expect(again).toMatchObject({
      valid: 0,
      imported: 0,
      errors: [
        { line: 2, field: "title", messageKey: "jobs.import.error.alreadyPosted" },
        { line: 3, field: "title", messageKey: "jobs.import.error.alreadyPosted" },
      ],
    });
    expect(await postsTitled(m)).toHaveLength(2);

    // A closed post may be posted again: only drafts and open posts count as "already there".
    await db.prisma.jobPost.updateMany({ where: { title: `${m} 钳工` }, data: { status: "CLOSED" } });
    expect(await jobImport.importRows(admin, csv)).toMatchObject({ imported: 1, errors: [{ line: 2, messageKey: "jobs.import.error.alreadyPosted" }] });
  });
});

describe("a bad file", () => {
  it("reports every reason a row is refused, by line and column, and imports nothing", async () => {
    const m = marker();
    const base = validRow(m);
    const rows: [Row, string, string][] = [
      [{ title: "" }, "title", "jobs.error.titleRequired"],
      [{ title: `${m} ${"长".repeat(120)}` }, "title", "jobs.error.titleTooLong"],
      [{ description: "  " }, "description", "jobs.error.descriptionRequired"],
      [{ description: "x".repeat(10_001) }, "description", "jobs.error.descriptionTooLong"],
      [{ employmentType: "有时候" }, "employmentType", "jobs.error.employmentTypeInvalid"],
      [{ organization: "" }, "organization", "jobs.import.error.organizationRequired"],
      [{ organization: "单".repeat(121) }, "organization", "jobs.error.organizationTooLong"],
      [{ trade: "" }, "trade", "jobs.error.tradeRequired"],
      [{ trade: "no-such-trade" }, "trade", "jobs.error.tradeUnknown"],
      [{ trade: "焊接" }, "trade", "jobs.error.tradeUnknown"], // a category's name, not a trade's
      [{ city: "" }, "city", "jobs.error.cityRequired"],
      [{ city: "火星" }, "city", "jobs.error.cityUnknown"],
      [{ city: "440000" }, "city", "jobs.error.cityUnknown"], // a province's code
      [{ district: "朝阳区" }, "district", "jobs.error.districtUnknown"], // in Beijing, not Shenzhen
      [{ address: "路".repeat(201) }, "address", "jobs.error.addressTooLong"],
      [{ salaryMin: "六千" }, "salaryMin", "jobs.error.salaryInvalid"],
      [{ salaryMin: "" }, "salaryMin", "jobs.error.salaryInvalid"],
      [{ salaryMax: "9000.5" }, "salaryMax", "jobs.error.salaryInvalid"],
      [{ salaryMin: "9000", salaryMax: "6000" }, "salaryMax", "jobs.error.salaryRange"],
      [{ salaryUnit: "年" }, "salaryUnit", "jobs.error.salaryUnitInvalid"],
      [{ currency: "EUR" }, "currency", "jobs.error.currencyInvalid"],
      [{ experienceYears: "51" }, "experienceYears", "jobs.error.experienceInvalid"],
      [{ certificates: Array.from({ length: 11 }, (_, i) => `证书${i}`).join("、") }, "certificates", "jobs.error.tooManyItems"],
      [{ benefits: `包吃；${"福".repeat(61)}` }, "benefits", "jobs.error.itemTooLong"],
      [{ openings: "0" }, "openings", "jobs.error.openingsInvalid"],
      [{ validThrough: "" }, "validThrough", "jobs.error.validThroughRequired"],
      [{ validThrough: "31/12/2026" }, "validThrough", "jobs.error.validThroughInvalid"],
      [{ validThrough: "2026-02-30" }, "validThrough", "jobs.error.validThroughInvalid"],
      [{ validThrough: "2026-03-01" }, "validThrough", "jobs.import.error.validThroughPast"],
      [{ status: "CLOSED" }, "status", "jobs.import.error.statusInvalid"],
    ];
    // Distinct titles, so that no row is a duplicate of another (except where the title is the subject).
    const csvRows = rows.map(([row], index) => ({ title: `${m} 岗位${index}`, ...row }));
    const csv = csvOf(csvRows, base);

    const report = await jobImport.preview(admin, csv);
    expect(report.errors).toEqual(rows.map(([, field, messageKey], index) => ({ line: index + 2, field, messageKey })));
    expect(report).toMatchObject({ valid: 0, open: 0, warnings: [] });
    expectKnownKeys(report);

    const result = await jobImport.importRows(admin, csv);
    expect(result).toMatchObject({ valid: 0, imported: 0 });
    expect(await postsTitled(m)).toEqual([]);
  });

  it("reports all of a row's problems at once, in column order, and unreadable rows as a whole", async () => {
    const m = marker();
    const csv = [
      IMPORT_COLUMNS.join(","),
      `,desc,FULL_TIME,${m} 单位,nope,火星,,,1,2,MONTH,,,,,,2026-03-01,maybe`, // line 2
      `"${m} 坏引号"x,desc,FULL_TIME,${m} 单位,welder,深圳,,,1,2,MONTH,,,,,,2026-12-31,`, // line 3
      `${m} 多字段,desc,FULL_TIME,${m} 单位,welder,深圳,,,1,2,MONTH,,,,,,2026-12-31,OPEN,extra`, // line 4
      `"${m} 未闭合,desc`, // line 5: the quote never closes, so the rest of the file is this record
      `${m} 吞掉的行,desc`,
    ].join("\n");
    const report = await jobImport.preview(admin, csv);
    expect(report.errors).toEqual([
      { line: 2, field: "title", messageKey: "jobs.error.titleRequired" },
      { line: 2, field: "trade", messageKey: "jobs.error.tradeUnknown" },
      { line: 2, field: "city", messageKey: "jobs.error.cityUnknown" },
      { line: 2, field: "validThrough", messageKey: "jobs.import.error.validThroughPast" },
      { line: 2, field: "status", messageKey: "jobs.import.error.statusInvalid" },
      { line: 3, field: "", messageKey: "jobs.import.error.badQuotes" },
      { line: 4, field: "", messageKey: "jobs.import.error.tooManyFields" },
      { line: 5, field: "", messageKey: "jobs.import.error.badQuotes" },
    ]);
    expect(report.valid).toBe(0);
  });
});

describe("a mixed file", () => {
  it("previews the problems, then imports exactly the good rows; line numbers count multi-line fields", async () => {
    const m = marker();
    const csv = [
      IMPORT_COLUMNS.join(","), // 1
      `${m} 甲 焊工,"第一行`, // 2: a description over three lines…
      `第二行`,
      `第三行",FULL_TIME,${m} 单位,welder,440300,,,6000,9000,MONTH,,,,,,2026-12-31,OPEN`, // …so the next record starts on line 5
      `${m} 乙 电工,desc,FULL_TIME,${m} 单位,electrician,广州,,,6000,5000,MONTH,,,,,,2026-12-31,OPEN`, // 5: salary range
      `${m} 丙 车工,desc,FULL_TIME,${m} 单位,turner,上海,,,6000,9000,MONTH,,,,,,2026-12-31,`, // 6
      `${m} 甲 焊工,again,PART_TIME,${m} 单位,welder,深圳市,,,6000,9000,MONTH,,,,,,2026-12-31,OPEN`, // 7: same title, organisation and city as line 2
      `${m} 甲 焊工,elsewhere,FULL_TIME,${m} 单位,welder,东莞,,,6000,9000,MONTH,,,,,,2026-12-31,OPEN`, // 8: another city: not a duplicate
      `${m} 丁 叉车,desc,FULL_TIME,${m} 单位,forklift-driver,重庆,,,6000,9000,MONTH,,,,,,2026-03-01,OPEN`, // 9: expired
    ].join("\r\n");

    const report = await jobImport.preview(admin, csv);
    expect(report).toMatchObject({
      valid: 3,
      open: 2,
      errors: [
        { line: 5, field: "salaryMax", messageKey: "jobs.error.salaryRange" },
        { line: 7, field: "title", messageKey: "jobs.import.error.duplicateRow" },
        { line: 9, field: "validThrough", messageKey: "jobs.import.error.validThroughPast" },
      ],
    });
    expect(await postsTitled(m)).toEqual([]);

    const result = await jobImport.importRows(admin, csv);
    expect(result).toMatchObject({ valid: 3, open: 2, imported: 3 });
    const posts = await postsTitled(m);
    expect(posts.map((post) => [post.title, post.city, post.status])).toEqual([
      [`${m} 丙 车工`, "310100", "DRAFT"],
      [`${m} 甲 焊工`, "440300", "OPEN"],
      [`${m} 甲 焊工`, "441900", "OPEN"],
    ]);
    expect(posts.find((post) => post.city === "440300")!.description).toBe("第一行\r\n第二行\r\n第三行");
  });

  it("writes nothing in a preview", async () => {
    const m = marker();
    const counts = () => Promise.all([db.prisma.jobPost.count(), db.prisma.organization.count(), db.prisma.searchOutbox.count()]);
    const before = await counts();
    const report = await jobImport.preview(admin, csvOf([{ status: "OPEN" }, { title: `${m} 二`, organization: `${m} 新单位` }], validRow(m)));
    expect(report).toMatchObject({ valid: 2, open: 1, errors: [] });
    expect(await counts()).toEqual(before);
  });
});

describe("one transaction", () => {
  it("leaves nothing behind when a write fails: no posts, no organisations, no outbox rows", async () => {
    const m = marker();
    // A real failure inside the database, on the last of three insert chunks: a trigger refuses one title.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION jx_test_refuse_post() RETURNS trigger AS $$
      BEGIN
        IF NEW.title LIKE '%拒绝写入%' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER jx_test_refuse_post BEFORE INSERT ON "JobPost" FOR EACH ROW EXECUTE FUNCTION jx_test_refuse_post()`);
    try {
      const rows: Row[] = Array.from({ length: 1_200 }, (_, i) => ({ title: `${m} 岗位${i}`, organization: `${m} 单位${i % 3}`, status: "OPEN" }));
      rows.push({ title: `${m} 拒绝写入`, organization: `${m} 单位新` });
      const csv = csvOf(rows, validRow(m));
      const counts = () => Promise.all([db.prisma.jobPost.count(), db.prisma.organization.count(), db.prisma.searchOutbox.count()]);
      const before = await counts();

      expect((await jobImport.preview(admin, csv)).valid).toBe(1_201);
      await expect(jobImport.importRows(admin, csv)).rejects.toThrow(/refused by the test trigger/);
      expect(await counts()).toEqual(before);
      expect(await db.prisma.organization.count({ where: { name: { startsWith: m } } })).toBe(0);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER jx_test_refuse_post ON "JobPost"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION jx_test_refuse_post()`);
    }
  });
});

describe("limits", () => {
  it("refuses empty, non-text, header-only, over 5 MB and over 10,000 rows as a whole, writing nothing", async () => {
    const before = await db.prisma.jobPost.count();
    const header = IMPORT_COLUMNS.join(",");
    for (const empty of ["", "  \n", "\uFEFF\r\n", undefined, { csv: header }]) {
      expect(await jobImport.preview(admin, empty)).toMatchObject({ formError: "jobs.import.error.empty", valid: 0 });
    }
    expect(await jobImport.importRows(admin, `${header}\r\n`)).toMatchObject({ formError: "jobs.import.error.noRows", imported: 0 });

    const huge = `${header}\n${`x,${"描".repeat(1000)}\n`.repeat(1_800)}`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(5 * 1024 * 1024);
    expect(await jobImport.importRows(admin, huge)).toMatchObject({ formError: "jobs.import.error.tooLarge", imported: 0 });

    const manyRows = `${header}\n${"t\n".repeat(IMPORT_MAX_ROWS + 1)}`;
    const tooMany = await jobImport.importRows(admin, manyRows);
    expect(tooMany).toMatchObject({ formError: "jobs.import.error.tooManyRows", imported: 0, errors: [] });
    expectKnownKeys(tooMany);
    expect(await db.prisma.jobPost.count()).toBe(before);
  });

  it("names the required columns a header lacks", async () => {
    const report = await jobImport.importRows(admin, "title,city,remarks\n电工,深圳,x\n");
    expect(report).toMatchObject({
      formError: "jobs.import.error.missingColumns",
      missingColumns: ["description", "employmentType", "trade", "salaryMin", "salaryMax", "salaryUnit", "validThrough", "organization"],
      ignoredColumns: ["remarks"],
      imported: 0,
    });
    expectKnownKeys(report);
  });

  it("imports a file at the row limit in one transaction", async () => {
    const m = marker();
    const rows: Row[] = Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => ({ title: `${m} 普工${i}`, status: i % 2 ? "OPEN" : "DRAFT" }));
    const result = await jobImport.importRows(admin, csvOf(rows, { ...validRow(m), description: "流水线" }));
    expect(result).toMatchObject({ valid: IMPORT_MAX_ROWS, open: IMPORT_MAX_ROWS / 2, imported: IMPORT_MAX_ROWS, errors: [] });
    expect(await db.prisma.jobPost.count({ where: { title: { startsWith: `${m} 普工` } } })).toBe(IMPORT_MAX_ROWS);
    // Twenty insert statements of 500 rows on PGlite take a while on a busy machine.
  }, 180_000);
});

describe("who may import", () => {
  it("refuses workers and craftsmen (403), visitors (401) and employers without an organisation, writing nothing", async () => {
    const before = await db.prisma.jobPost.count();
    const csv = csvOf([{}], validRow(marker()));
    await expect(jobImport.importRows(worker, csv)).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });
    await expect(jobImport.preview(craftsman, csv)).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });
    await expect(jobImport.scope(worker)).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });
    await expect(jobImport.importRows(null, csv)).rejects.toMatchObject({ name: "AppError", kind: "unauthorized" });
    const loneEmployer = asViewer(await createUser(db.prisma, { role: "EMPLOYER" }));
    await expect(jobImport.importRows(loneEmployer, csv)).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });

    // As routes see it (services wrapped by withHttpErrors): a 403 response.
    const routes = withHttpErrors({ jobImport });
    const refused = await routes.jobImport.importRows(worker, csv).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect(await db.prisma.jobPost.count()).toBe(before);
  });

  it("posts an employer's rows for their own organisation, whatever the organization column says", async () => {
    const m = marker();
    const organizationsBefore = await db.prisma.organization.count();
    const csv = csvOf([{ organization: "别人的单位" }, { title: `${m} 模具工`, organization: "", status: "OPEN" }], validRow(m));
    const preview = await jobImport.preview(employer, csv);
    expect(preview).toMatchObject({ valid: 2, open: 1, errors: [], organization: employerOrganization.name, ignoredColumns: [] });
    expect(await jobImport.importRows(employer, csv)).toMatchObject({ imported: 2 });

    const posts = await postsTitled(m);
    expect(posts.map((post) => [post.organizationId, post.createdById])).toEqual([
      [employerOrganization.id, employer.id],
      [employerOrganization.id, employer.id],
    ]);
    expect(await db.prisma.organization.count()).toBe(organizationsBefore);
    expect(await db.prisma.organization.count({ where: { name: "别人的单位" } })).toBe(0);
  });

  it("needs no organization column from an employer, but does from an admin", async () => {
    const m = marker();
    const columns = IMPORT_COLUMNS.filter((column) => column !== "organization");
    const { organization: _unused, ...row } = validRow(m);
    const csv = [columns.join(","), columns.map((column) => row[column as keyof typeof row] ?? "").join(",")].join("\n");
    expect(await jobImport.preview(employer, csv)).toMatchObject({ valid: 1, errors: [], ignoredColumns: [] });
    expect(await jobImport.preview(admin, csv)).toMatchObject({ formError: "jobs.import.error.missingColumns", missingColumns: ["organization"] });
  });

  it("gives each a template that imports as it is (employers' without the organization column)", async () => {
    const forAdmin = await jobImport.scope(admin);
    expect(forAdmin.organization).toBeNull();
    expect(forAdmin.template.split("\n")[0]).toBe(IMPORT_COLUMNS.join(","));
    expect(await jobImport.preview(admin, forAdmin.template)).toMatchObject({ valid: 1, errors: [] });

    const forEmployer = await jobImport.scope(employer);
    expect(forEmployer.organization).toBe(employerOrganization.name);
    expect(forEmployer.template.split("\n")[0]).not.toContain("organization");
    expect(await jobImport.preview(employer, forEmployer.template)).toMatchObject({ valid: 1, errors: [] });
  });
});
