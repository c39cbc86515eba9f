// Demo accounts, printed by `npm start` on an empty database. Never used outside demo data.
export interface DemoAccount {
  role: "ADMIN" | "CRAFTSMAN" | "WORKER" | "EMPLOYER";
  phone: string;
  password: string;
  displayName: string;
  city: string;
  employer: string;
  tradeCode?: string;
}

export const DEMO_ACCOUNTS: readonly [DemoAccount, ...DemoAccount[]] = [
  { role: "ADMIN", phone: "13800000001", password: "Jiangxin-Admin-2026", displayName: "平台管理员", city: "北京", employer: "匠心社区" },
  { role: "CRAFTSMAN", phone: "13800000002", password: "Jiangxin-Master-2026", displayName: "高凤林", city: "北京", employer: "中国航天科技集团", tradeCode: "welder" },
  { role: "WORKER", phone: "13800000003", password: "Jiangxin-Worker-2026", displayName: "李建国", city: "东莞", employer: "华南精密制造有限公司", tradeCode: "cnc-lathe-operator" },
  // Manages the job posts of the organisation named in `employer` (prisma/seed/jobs.ts links them).
  { role: "EMPLOYER", phone: "13800000004", password: "Jiangxin-Employer-2026", displayName: "陈经理", city: "深圳", employer: "深圳精工钢构有限公司" },
];

// More members so that lists look lived-in; they share one password hash to keep seeding fast.
export const DEMO_MEMBERS = [
  { displayName: "王师傅", city: "沈阳", employer: "沈阳机床厂", tradeCode: "turner", role: "CRAFTSMAN" },
  { displayName: "张丽", city: "苏州", employer: "苏州工业园区电子厂", tradeCode: "electrician", role: "WORKER" },
  { displayName: "刘强", city: "深圳", employer: "顺丰速运", tradeCode: "forklift-driver", role: "WORKER" },
  { displayName: "陈志刚", city: "唐山", employer: "河钢集团", tradeCode: "hoisting-loading-machinery-operator", role: "WORKER" },
  { displayName: "赵敏", city: "宁波", employer: "宁波纺织集团", tradeCode: "weaver", role: "WORKER" },
  { displayName: "孙海涛", city: "大庆", employer: "大庆油田", tradeCode: "boiler-operator", role: "WORKER" },
  { displayName: "周红梅", city: "成都", employer: "川菜研究院", tradeCode: "chinese-cook", role: "CRAFTSMAN" },
  { displayName: "吴刚", city: "武汉", employer: "中建三局", tradeCode: "bricklayer", role: "WORKER" },
  { displayName: "郑晓东", city: "青岛", employer: "海尔智家", tradeCode: "refrigeration-ac-technician", role: "WORKER" },
  { displayName: "冯建军", city: "太原", employer: "山西焦煤", tradeCode: "underground-coal-miner", role: "WORKER" },
  { displayName: "陈师傅", city: "上海", employer: "上海电气", tradeCode: "fitter", role: "CRAFTSMAN" },
  { displayName: "黄小燕", city: "佛山", employer: "美的集团", tradeCode: "quality-inspector", role: "WORKER" },
] as const;
