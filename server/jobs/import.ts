// Bulk import of job posts from CSV: staffing agencies and large employers keep their openings in
// spreadsheets and publish thousands at once. A preview reports every invalid row with its line and
// reason and writes nothing; the import writes the valid rows in ONE transaction (all of them or,
// if a write fails, none), so a half-imported file never has to be untangled.
//
// Admins import for any organisation (the `organization` column, found or created by name).
// Employers import for their own organisation only: the column is ignored, every row is theirs.
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import type { DB, PrismaClient } from "../db/client.ts";
import { parseCsv } from "../csv.ts";
import { enqueueSearchUpdates } from "../search/outbox.ts";
import { requireJobManager } from "./access.ts";
import { postColumns, postFeeWording, ZJobPostFormSchema, type JobPostForm } from "./schema.ts";
import type { EmploymentType, SalaryUnit } from "./types.ts";

/** UTF-8 bytes of the pasted or uploaded text. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Data rows (the header not counted): one transaction of this size takes a few seconds on PGlite. */
export const IMPORT_MAX_ROWS = 10_000;
/** Rows per statement (job posts are sent as one JSON parameter; titles looked up in lists of this size). */
const INSERT_CHUNK = 500;

export const IMPORT_COLUMNS = [
  "title",
  "description",
  "employmentType",
  "organization",
  "trade",
  "city",
  "district",
  "address",
  "salaryMin",
  "salaryMax",
  "salaryUnit",
  "currency",
  "experienceYears",
  "certificates",
  "benefits",
  "openings",
  "validThrough",
  "status",
] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns the header must name (`organization` too, for admins). */
const REQUIRED_COLUMNS: readonly ImportColumn[] = ["title", "description", "employmentType", "trade", "city", "salaryMin", "salaryMax", "salaryUnit", "validThrough"];

/** The labels Chinese spreadsheets use, besides the codes. */
const EMPLOYMENT_TYPE_LABELS: Record<string, EmploymentType> = { 全职: "FULL_TIME", 兼职: "PART_TIME", 临时: "TEMPORARY", 实习: "INTERN", 合同: "CONTRACTOR" };
const SALARY_UNIT_LABELS: Record<string, SalaryUnit> = { 月: "MONTH", 日: "DAY", 天: "DAY", 时: "HOUR", 小时: "HOUR" };
const IMPORT_STATUSES = ["DRAFT", "OPEN"] as const;
type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportError {
  /** The line of the file where the record starts (1 = the header). */
  line: number;
  /** The column, or "" for the whole row. */
  field: string;
  messageKey: string;
}

export interface JobImportReport {
  /** Rows that would be (or were) imported. */
  valid: number;
  /** Of those, the rows with status OPEN: published by the import. */
  open: number;
  /** Every invalid row's problems, in line order (a row may have several). */
  errors: ImportError[];
  /** Valid rows that will be imported but flagged (fee or deposit wording: moderators look at them). */
  warnings: ImportError[];
  /** Header names we do not know; their values are ignored. */
  ignoredColumns: string[];
  /** Required columns the header lacks (then nothing is imported). */
  missingColumns: string[];
  /** For employers: the organisation every row is posted for (the organization column is ignored). */
  organization: string | null;
  /** A problem with the whole file (empty, too large, too many rows, missing columns): nothing is imported. */
  formError?: string;
}

export interface JobImportResult extends JobImportReport {
  imported: number;
}

interface ValidRow {
  line: number;
  form: JobPostForm;
  tradeId: number;
  organization: string;
  status: ImportStatus;
  feeWarning: boolean;
}

interface CheckedFile {
  report: JobImportReport;
  rows: ValidRow[];
}

export function createJobImport(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  /** Parses and validates everything against the database and the clock; writes nothing. */
  async function check(csvText: unknown, ownOrganization: string | null): Promise<CheckedFile> {
    const base: JobImportReport = { valid: 0, open: 0, errors: [], warnings: [], ignoredColumns: [], missingColumns: [], organization: ownOrganization };
    const failed = (formError: string, extra: Partial<JobImportReport> = {}): CheckedFile => ({ report: { ...base, ...extra, formError }, rows: [] });

    if (typeof csvText !== "string" || csvText.replace(/^\uFEFF/, "").trim() === "") return failed("jobs.import.error.empty");
    if (Buffer.byteLength(csvText, "utf8") > IMPORT_MAX_BYTES) return failed("jobs.import.error.tooLarge");

    const [header, ...records] = parseCsv(csvText);
    if (!header) return failed("jobs.import.error.empty");
    // Header names are matched without regard to case or surrounding spaces ("salarymin", " Title ").
    const canonical = new Map(IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));
    const names = header.fields.map((name) => canonical.get(name.trim().toLowerCase()) ?? name.trim());
    // (An employer's organization column is known, just not used: the report's `organization` says so.)
    const ignoredColumns = names.filter((name) => !(IMPORT_COLUMNS as readonly string[]).includes(name));
    const required = ownOrganization === null ? [...REQUIRED_COLUMNS, "organization" as const] : REQUIRED_COLUMNS;
    const missingColumns = required.filter((column) => !names.includes(column));
    if (missingColumns.length > 0) return failed("jobs.import.error.missingColumns", { ignoredColumns, missingColumns });
    if (records.length > IMPORT_MAX_ROWS) return failed("jobs.import.error.tooManyRows", { ignoredColumns });
    if (records.length === 0) return failed("jobs.import.error.noRows", { ignoredColumns });
    const columnIndex = new Map(IMPORT_COLUMNS.map((column) => [column, names.indexOf(column)]));

    const trades = await prisma.trade.findMany({ select: { id: true, code: true, nameZh: true } });
    const tradeIds = new Map<string, number>();
    for (const trade of trades) tradeIds.set(trade.code, trade.id).set(trade.nameZh, trade.id);
    const now = clock.now();

    const errors: ImportError[] = [];
    const warnings: ImportError[] = [];
    const rows: ValidRow[] = [];
    const seen = new Set<string>();

    for (const record of records) {
      const rowError = (field: string, messageKey: string) => ({ line: record.line, field, messageKey });
      if (record.malformed) {
        errors.push(rowError("", "jobs.import.error.badQuotes"));
        continue;
      }
      if (record.fields.length > names.length) {
        errors.push(rowError("", "jobs.import.error.tooManyFields"));
        continue;
      }
      const values = Object.fromEntries(
        IMPORT_COLUMNS.map((column) => [column, columnIndex.get(column)! < 0 ? "" : (record.fields[columnIndex.get(column)!] ?? "")]),
      ) as Record<ImportColumn, string>;
      if (ownOrganization !== null) values.organization = ownOrganization;

      // A blank cell is a missing value, as a blank form field is: optional ones take their
      // defaults (openings 1, experience 0, CNY), required ones report "required".
      const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ""));
      const parsed = ZJobPostFormSchema.safeParse({
        ...given,
        employmentType: given.employmentType === undefined ? undefined : codeOf(values.employmentType, EMPLOYMENT_TYPE_LABELS),
        salaryUnit: given.salaryUnit === undefined ? undefined : codeOf(values.salaryUnit, SALARY_UNIT_LABELS),
      });
      const rowErrors = parsed.success ? [] : firstIssuePerField(parsed.error).map(([field, messageKey]) => rowError(field, messageKey));
      const has = (field: string) => rowErrors.some((error) => error.field === field);

      // Checks that need the database or the clock run even when other fields failed, so that one
      // preview shows every fix a row needs.
      const tradeText = values.trade.trim();
      const tradeId = tradeIds.get(tradeText) ?? null;
      if (tradeText && tradeId === null && !has("trade")) rowErrors.push(rowError("trade", "jobs.error.tradeUnknown"));
      if (ownOrganization === null && values.organization.trim() === "" && !has("organization")) {
        rowErrors.push(rowError("organization", "jobs.import.error.organizationRequired"));
      }
      const status = values.status.trim().toUpperCase() || "DRAFT";
      if (!(IMPORT_STATUSES as readonly string[]).includes(status)) rowErrors.push(rowError("status", "jobs.import.error.statusInvalid"));
      // A closing date the schema accepted (even if another field failed), as the schema reads it.
      const closing = parsed.success ? parsed.data.validThrough : has("validThrough") ? null : new Date(`${values.validThrough.trim()}T23:59:59.999+08:00`);
      if (closing !== null && closing.getTime() < now.getTime()) rowErrors.push(rowError("validThrough", "jobs.import.error.validThroughPast"));
      if (parsed.success && parsed.data.organization !== null) {
        // The same post twice in one file is almost always a copy-and-paste slip: the first is kept.
        const key = postKey(parsed.data.title, parsed.data.organization, parsed.data.city);
        if (seen.has(key)) rowErrors.push(rowError("title", "jobs.import.error.duplicateRow"));
        else if (rowErrors.length === 0) seen.add(key);
      }

      if (rowErrors.length > 0 || !parsed.success || tradeId === null) {
        errors.push(...sortByColumn(rowErrors));
        continue;
      }
      const form = parsed.data;
      const feeWarning = postFeeWording(form) !== null;
      if (feeWarning) warnings.push(rowError("description", "jobs.import.warning.fee"));
      rows.push({ line: record.line, form, tradeId, organization: form.organization!, status: status as ImportStatus, feeWarning });
    }

    const fresh = await withoutExistingPosts(rows, errors);
    errors.sort((a, b) => a.line - b.line);
    const freshLines = new Set(fresh.map((row) => row.line));
    return {
      report: {
        ...base,
        valid: fresh.length,
        open: fresh.filter((row) => row.status === "OPEN").length,
        errors,
        warnings: warnings.filter((warning) => freshLines.has(warning.line)),
        ignoredColumns,
      },
      rows: fresh,
    };
  }

  /**
   * Drops (and reports) rows whose post already exists as a draft or an open post of the same
   * organisation, title and city: importing the same file twice must not double the listing.
   */
  async function withoutExistingPosts(rows: ValidRow[], errors: ImportError[]): Promise<ValidRow[]> {
    const titles = [...new Set(rows.map((row) => row.form.title))];
    const existing = new Set<string>();
    for (let start = 0; start < titles.length; start += INSERT_CHUNK) {
      const found = await prisma.jobPost.findMany({
        where: { title: { in: titles.slice(start, start + INSERT_CHUNK) }, status: { in: ["DRAFT", "OPEN"] } },
        select: { title: true, city: true, organization: { select: { name: true } } },
      });
      for (const post of found) existing.add(postKey(post.title, post.organization.name, post.city));
    }
    return rows.filter((row) => {
      if (!existing.has(postKey(row.form.title, row.organization, row.form.city))) return true;
      errors.push({ line: row.line, field: "title", messageKey: "jobs.import.error.alreadyPosted" });
      return false;
    });
  }

  /** The employer's organisation name (null for admins); refuses everyone else. */
  async function ownOrganizationOf(viewer: Viewer | null): Promise<{ viewer: Viewer; organization: string | null }> {
    const manager = await requireJobManager(prisma, viewer);
    if (manager.organizationId === null) return { viewer: manager.viewer, organization: null };
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: manager.organizationId }, select: { name: true } });
    return { viewer: manager.viewer, organization: organization.name };
  }

  return {
    /**
     * What the import page shows before any file: for whom the viewer imports (null: admins, any
     * organisation) and a template whose sample row passes the checks today.
     */
    async scope(viewer: Viewer | null): Promise<{ organization: string | null; template: string }> {
      const { organization } = await ownOrganizationOf(viewer);
      return { organization, template: templateCsv(clock.now(), organization === null) };
    },

    /** What an import would do: counts, errors and warnings per line; nothing written. */
    async preview(viewer: Viewer | null, csvText: unknown): Promise<JobImportReport> {
      const { organization } = await ownOrganizationOf(viewer);
      return (await check(csvText, organization)).report;
    },

    /**
     * Writes every valid row in one transaction: organisations found or created by name, the
     * posts (OPEN rows published now), and search outbox rows for the OPEN ones. Invalid rows are
     * reported and skipped; if any write fails, nothing is written.
     */
    async importRows(viewer: Viewer | null, csvText: unknown): Promise<JobImportResult> {
      const { viewer: manager, organization } = await ownOrganizationOf(viewer);
      const { report, rows } = await check(csvText, organization);
      if (rows.length === 0) return { ...report, imported: 0 };
      const now = clock.now();
      const organizationNames = [...new Set(rows.map((row) => row.organization))];

      const imported = await prisma.$transaction(
        async (tx) => {
          const organizationIds = new Map<string, string>();
          for (let start = 0; start < organizationNames.length; start += INSERT_CHUNK) {
            const names = organizationNames.slice(start, start + INSERT_CHUNK);
            await tx.organization.createMany({ data: names.map((name) => ({ name, createdAt: now, updatedAt: now })), skipDuplicates: true });
            const found = await tx.organization.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
            for (const { id, name } of found) organizationIds.set(name, id);
          }
          const data = rows.map((row) => postData(row, newPostId(), organizationIds.get(row.organization)!, manager.id, now));
          let count = 0;
          for (let start = 0; start < data.length; start += INSERT_CHUNK) {
            const chunk = data.slice(start, start + INSERT_CHUNK);
            // One statement per chunk with the rows as one JSON parameter: createMany binds every
            // field separately and took 1–4 ms a row (40 s for 10,000 rows on PostgreSQL on a busy
            // machine, with the transaction open); this takes about 0.25 ms. Columns not listed
            // keep their defaults (counters, alertsSentAt, closeReason).
            count += await tx.$executeRaw`
              INSERT INTO "JobPost" ("id", "title", "description", "employmentType", "organizationId", "tradeId", "province", "city",
                "district", "address", "salaryMin", "salaryMax", "salaryUnit", "currency", "monthlyMin", "monthlyMax", "experienceYears",
                "certificates", "benefits", "openings", "status", "datePosted", "validThrough", "feeWarning", "createdById", "createdAt", "updatedAt")
              SELECT "id", "title", "description", "employmentType", "organizationId", "tradeId", "province", "city",
                "district", "address", "salaryMin", "salaryMax", "salaryUnit", "currency", "monthlyMin", "monthlyMax", "experienceYears",
                "certificates", "benefits", "openings", "status", "datePosted", "validThrough", "feeWarning", "createdById", "createdAt", "updatedAt"
              FROM json_populate_recordset(NULL::"JobPost", ${JSON.stringify(chunk)}::json)`;
            await enqueueSearchUpdates(tx, chunk.filter((post) => post.status === "OPEN").map((post) => `job-${post.id}`));
          }
          return count;
        },
        // 10,000 rows take several seconds on PGlite; the default 5 s would cut large files short.
        { timeout: 120_000, maxWait: 10_000 },
      );
      return { ...report, imported };
    },
  };
}

export type JobImport = ReturnType<typeof createJobImport>;

/** A post row with every column the insert lists (dates become ISO strings in the JSON, read back as UTC). */
function postData(row: ValidRow, id: string, organizationId: string, createdById: string, now: Date): Required<Omit<DB.Prisma.JobPostCreateManyInput, ImportDefaults>> {
  return {
    ...postColumns(row.form, row.tradeId),
    id,
    organizationId,
    status: row.status,
    // Published posts carry their publication date; alertsSentAt stays null so the alert task
    // matches them against saved searches on its next run.
    datePosted: row.status === "OPEN" ? now : null,
    createdById,
    createdAt: now,
    updatedAt: now,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A cuid-shaped id ([a-z0-9], 25 characters), as Prisma would generate it. */
const newPostId = () => `c${[...randomBytes(24)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("")}`;

/** The header and one sample row; employers' template has no organization column (theirs is used). */
function templateCsv(now: Date, withOrganization: boolean): string {
  // 60 days ahead, as a date in China.
  const closing = new Date(now.getTime() + 60 * DAY_MS + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const sample: Record<ImportColumn, string> = {
    title: "电焊工（二保焊）",
    description: "\"负责钢结构件的二氧化碳保护焊，看得懂图纸，提供岗前培训。\"",
    employmentType: "全职",
    organization: "深圳精工钢构有限公司",
    trade: "焊工",
    city: "深圳",
    district: "宝安区",
    address: "福永街道工业园 A 栋",
    salaryMin: "7000",
    salaryMax: "10000",
    salaryUnit: "月",
    currency: "CNY",
    experienceYears: "1",
    certificates: "焊工证",
    benefits: "五险一金；包住宿；加班费",
    openings: "3",
    validThrough: closing,
    status: "DRAFT",
  };
  const columns = IMPORT_COLUMNS.filter((column) => withOrganization || column !== "organization");
  return `${columns.join(",")}\n${columns.map((column) => sample[column]).join(",")}\n`;
}

/** Columns an import leaves to their defaults. */
type ImportDefaults = "closeReason" | "alertsSentAt" | "applicationCount" | "openReportCount";

/** A code from a code (any case) or one of its Chinese labels; anything else is passed on for the schema to refuse. */
function codeOf(value: string, labels: Record<string, string>): string {
  const text = value.trim();
  return Object.hasOwn(labels, text) ? labels[text]! : text.toUpperCase().replace(/[-\s]/g, "_");
}

const postKey = (title: string, organization: string, city: string) => `${title}\u0000${organization}\u0000${city}`;

/** A row's errors in the order of the columns, as a reader goes through the row. */
function sortByColumn(errors: ImportError[]): ImportError[] {
  const position = (field: string) => (IMPORT_COLUMNS as readonly string[]).indexOf(field);
  return [...errors].sort((a, b) => position(a.field) - position(b.field));
}

/** Zod issues as (field, message key) pairs, the first per field. */
function firstIssuePerField(error: z.ZodError): [string, string][] {
  const seen = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (!seen.has(field)) seen.set(field, issue.message.startsWith("jobs.") ? issue.message : "jobs.import.error.invalid");
  }
  return [...seen];
}
