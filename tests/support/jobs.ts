// Job posts for tests that are not about creating them: written through Prisma directly (OPEN,
// posted now, valid for 30 days). Tests about the post form use services.jobs instead.
import type { DB, PrismaClient } from "../../server/db/client.ts";
import { monthlyAmount } from "../../server/jobs/types.ts";

let counter = 0;
const next = () => ++counter + process.pid * 1000;

export async function createOrganization(prisma: PrismaClient, name = `测试单位${next()}`) {
  return prisma.organization.create({ data: { name } });
}

/** A form as the post form submits it (strings), for service and route tests. */
export function jobForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: `焊工（二保焊）${next()}`,
    description: "负责钢结构件的二氧化碳保护焊，提供培训。",
    employmentType: "FULL_TIME",
    organization: "深圳精工钢构有限公司",
    trade: "welder",
    city: "440300",
    district: "440305",
    address: "科技园南区",
    salaryMin: "6000",
    salaryMax: "9000",
    salaryUnit: "MONTH",
    currency: "CNY",
    experienceYears: "1",
    certificates: "焊工证",
    benefits: "五险一金\n包住宿",
    openings: "3",
    validThrough: "2099-12-31",
    ...overrides,
  };
}

/** An OPEN post (unless `data.status` says otherwise) of a fresh organisation, in trade `welder`. */
export async function createJobPost(
  prisma: PrismaClient,
  now: Date,
  data: Partial<DB.Prisma.JobPostUncheckedCreateInput> = {},
) {
  const trade = await prisma.trade.findUniqueOrThrow({ where: { code: "welder" }, select: { id: true } });
  const organizationId = data.organizationId ?? (await createOrganization(prisma)).id;
  const salaryMin = data.salaryMin ?? 6000;
  const salaryMax = data.salaryMax ?? 9000;
  const salaryUnit = data.salaryUnit ?? "MONTH";
  return prisma.jobPost.create({
    data: {
      title: `电焊工${next()}`,
      description: "二氧化碳保护焊。",
      employmentType: "FULL_TIME",
      tradeId: trade.id,
      province: "440000",
      city: "440300",
      salaryMin,
      salaryMax,
      salaryUnit,
      monthlyMin: monthlyAmount(salaryMin, salaryUnit),
      monthlyMax: monthlyAmount(salaryMax, salaryUnit),
      certificates: [],
      benefits: [],
      status: "OPEN",
      datePosted: now,
      validThrough: new Date(now.getTime() + 30 * 86_400_000),
      ...data,
      organizationId,
    },
  });
}
