// The demo job board's material: hiring organisations (fictional names, real cities as GB/T 2260
// codes) and the kinds of posts industrial workers actually look for, with pay as such posts state
// it (by the month for factory jobs, by the day on building sites, by the hour for sorting shifts).
import type { EmploymentType, SalaryUnit } from "../../server/jobs/types.ts";

/** The demo EMPLOYER's organisation (DEMO_ACCOUNTS): it owns the fixed post the end-to-end tests open. */
export const DEMO_EMPLOYER_ORGANIZATION = "深圳精工钢构有限公司";
/** An OPEN welder post in Shenzhen of the demo employer's organisation; e2e tests open and apply to it. */
export const DEMO_JOB_ID = "demo-job-welder-shenzhen";

export interface OrganizationSeed {
  name: string;
  city: string;
}

export const ORGANIZATIONS: readonly OrganizationSeed[] = [
  { name: DEMO_EMPLOYER_ORGANIZATION, city: "440300" },
  { name: "东莞长盛精密五金有限公司", city: "441900" },
  { name: "苏州工业园区恒达电子有限公司", city: "320500" },
  { name: "上海临港重型装备有限公司", city: "310100" },
  { name: "重庆两江汽车零部件有限公司", city: "500100" },
  { name: "武汉光谷智能制造有限公司", city: "420100" },
  { name: "成都天府建工集团有限公司", city: "510100" },
  { name: "天津滨海港口物流有限公司", city: "120100" },
  { name: "宁波北仑注塑科技有限公司", city: "330200" },
  { name: "佛山顺德家电制造有限公司", city: "440600" },
  { name: "广州白云冷链物流有限公司", city: "440100" },
  { name: "北京城建安装工程有限公司", city: "110100" },
  { name: "杭州钱塘新能源科技有限公司", city: "330100" },
  { name: "青岛港湾机械有限公司", city: "370200" },
  { name: "南京江北新材料化工有限公司", city: "320100" },
  { name: "西安高新电力工程有限公司", city: "610100" },
  { name: "郑州航空港物流园有限公司", city: "410100" },
  { name: "长沙星沙工程机械有限公司", city: "430100" },
  { name: "合肥新站半导体有限公司", city: "340100" },
  { name: "厦门海沧船舶修造有限公司", city: "350200" },
  { name: "东莞松山湖电子科技有限公司", city: "441900" },
  { name: "深圳宝安智能装备有限公司", city: "440300" },
  { name: "苏州吴江纺织印染有限公司", city: "320500" },
];

/** City pay levels relative to the template's range (first-tier cities pay more). */
export const CITY_PAY: Record<string, number> = {
  "110100": 1.15,
  "310100": 1.15,
  "440300": 1.12,
  "440100": 1.08,
  "330100": 1.05,
  "320500": 1.03,
  "441900": 1.0,
  "440600": 1.0,
  "330200": 1.0,
  "320100": 1.0,
  "120100": 0.96,
  "370200": 0.96,
  "350200": 0.96,
  "420100": 0.94,
  "510100": 0.93,
  "500100": 0.92,
  "430100": 0.92,
  "340100": 0.92,
  "410100": 0.9,
  "610100": 0.9,
};

export interface JobTemplate {
  trade: string;
  title: string;
  description: string;
  types: readonly EmploymentType[];
  unit: SalaryUnit;
  min: number;
  max: number;
  experienceYears: number;
  certificates: readonly string[];
}

export const JOB_TEMPLATES: readonly JobTemplate[] = [
  { trade: "welder", title: "电焊工（二氧化碳保护焊）", description: "负责钢结构件、机架的二氧化碳气体保护焊，能看懂焊接图纸和焊接工艺卡，焊缝成形美观、无气孔夹渣。", types: ["FULL_TIME"], unit: "MONTH", min: 7500, max: 11000, experienceYears: 2, certificates: ["焊工作业证（特种作业操作证）"] },
  { trade: "electric-welder", title: "氩弧焊工（不锈钢）", description: "不锈钢管道、薄板的手工氩弧焊，单面焊双面成形，焊后做外观检查和渗透检测配合。", types: ["FULL_TIME", "CONTRACTOR"], unit: "MONTH", min: 8500, max: 13000, experienceYears: 3, certificates: ["焊工作业证（特种作业操作证）"] },
  { trade: "gas-cutter", title: "气割工（火焰切割、等离子）", description: "按排版图下料，操作火焰切割和数控等离子切割机，保证切口尺寸和垂直度，做好气瓶安全管理。", types: ["FULL_TIME"], unit: "MONTH", min: 6500, max: 9000, experienceYears: 1, certificates: ["焊工作业证（特种作业操作证）"] },
  { trade: "electrician", title: "厂区维修电工", description: "负责车间照明、动力配电和设备电气的日常维护与故障处理，按时巡检配电柜并填写记录。", types: ["FULL_TIME"], unit: "MONTH", min: 6500, max: 9500, experienceYears: 2, certificates: ["低压电工作业证"] },
  { trade: "maintenance-electrician", title: "设备维修电工（PLC）", description: "维护自动化产线的电气系统，能读电气原理图，会西门子或三菱 PLC 基本调试，能处理变频器、伺服常见报警。", types: ["FULL_TIME"], unit: "MONTH", min: 8000, max: 12000, experienceYears: 3, certificates: ["低压电工作业证"] },
  { trade: "high-voltage-electrician", title: "高压电工（变配电值班）", description: "10kV 变配电室运行值班，倒闸操作、设备巡视和记录，配合供电局年度检修试验。", types: ["FULL_TIME"], unit: "MONTH", min: 8000, max: 11500, experienceYears: 2, certificates: ["高压电工作业证"] },
  { trade: "turner", title: "普通车工", description: "操作普通车床加工轴类、盘类零件，会磨刀、会看图，能独立完成精度 0.02 mm 的加工。", types: ["FULL_TIME"], unit: "MONTH", min: 6500, max: 9000, experienceYears: 2, certificates: [] },
  { trade: "cnc-lathe-operator", title: "数控车床操作工（两班倒）", description: "操作数控车床批量加工五金件，上下料、首件自检、更换刀片，会简单修改程序和对刀。", types: ["FULL_TIME"], unit: "MONTH", min: 6500, max: 9500, experienceYears: 1, certificates: [] },
  { trade: "machining-center-operator", title: "加工中心操作工（CNC）", description: "操作立式加工中心加工铝合金结构件，会装夹找正、分中对刀，能读懂加工程序单。", types: ["FULL_TIME"], unit: "MONTH", min: 7000, max: 11000, experienceYears: 2, certificates: [] },
  { trade: "cnc-programmer", title: "数控编程员（UG/Mastercam）", description: "根据图纸编写三轴、四轴加工程序，优化刀路和工艺，指导操作工试切，解决现场加工问题。", types: ["FULL_TIME"], unit: "MONTH", min: 9500, max: 15000, experienceYears: 3, certificates: [] },
  { trade: "assembly-fitter", title: "装配钳工", description: "按图纸和工艺装配减速机、输送设备，完成配钻攻丝、间隙调整和试运转。", types: ["FULL_TIME"], unit: "MONTH", min: 6500, max: 9500, experienceYears: 2, certificates: [] },
  { trade: "die-and-mould-maker", title: "模具钳工（五金冲压模）", description: "冲压模具的装配、试模和维修，会用平面磨、铣床配合修模，能分析毛刺、尺寸不良的原因。", types: ["FULL_TIME"], unit: "MONTH", min: 8000, max: 13000, experienceYears: 3, certificates: [] },
  { trade: "stamping-operator", title: "冲压工", description: "操作 80–300 吨冲床，按作业指导书上料、首件确认，遵守双手按钮和安全光栅的规定。", types: ["FULL_TIME", "TEMPORARY"], unit: "MONTH", min: 5500, max: 7500, experienceYears: 0, certificates: [] },
  { trade: "sheet-metal-worker", title: "钣金工（折弯）", description: "操作数控折弯机加工机箱机柜钣金件，会看展开图，能自己选模具、调角度。", types: ["FULL_TIME"], unit: "MONTH", min: 6500, max: 9000, experienceYears: 1, certificates: [] },
  { trade: "coating-worker", title: "喷涂工（静电粉末）", description: "工件前处理、挂件和静电粉末喷涂，控制膜厚和外观，做好喷房日常保养。", types: ["FULL_TIME"], unit: "MONTH", min: 6000, max: 8500, experienceYears: 1, certificates: [] },
  { trade: "rebar-worker", title: "钢筋工（点工）", description: "住宅项目主体结构钢筋绑扎，会看结构施工图，按规范设置保护层和搭接长度。日结或月结均可。", types: ["TEMPORARY", "CONTRACTOR"], unit: "DAY", min: 350, max: 450, experienceYears: 2, certificates: [] },
  { trade: "bricklayer", title: "砌筑工（瓦工）", description: "加气块、标准砖墙体砌筑，灰缝饱满平直，配合抹灰和构造柱施工。", types: ["TEMPORARY", "CONTRACTOR"], unit: "DAY", min: 300, max: 420, experienceYears: 2, certificates: [] },
  { trade: "scaffolder", title: "架子工", description: "外架、满堂架的搭设与拆除，严格按专项方案作业，高处作业必须系好安全带。", types: ["TEMPORARY", "CONTRACTOR"], unit: "DAY", min: 380, max: 480, experienceYears: 2, certificates: ["建筑架子工证"] },
  { trade: "formwork-carpenter", title: "木工（支模）", description: "剪力墙、梁板模板的支设与拆除，保证轴线、标高和垂直度，配合混凝土浇筑看模。", types: ["TEMPORARY", "CONTRACTOR"], unit: "DAY", min: 380, max: 500, experienceYears: 3, certificates: [] },
  { trade: "tiler", title: "贴砖工（精装修）", description: "精装修项目墙地砖铺贴，空鼓率和平整度满足验收要求，能看排版图。", types: ["CONTRACTOR", "TEMPORARY"], unit: "DAY", min: 350, max: 500, experienceYears: 3, certificates: [] },
  { trade: "pipefitter", title: "水电安装工", description: "商业项目给排水、消防管道和电气线管安装，会套丝、沟槽连接和试压。", types: ["FULL_TIME", "TEMPORARY"], unit: "DAY", min: 300, max: 400, experienceYears: 2, certificates: ["低压电工作业证"] },
  { trade: "tower-crane-operator", title: "塔吊司机", description: "操作 QTZ 系列塔式起重机，服从信号工指挥，做好每日班前检查和运行记录。", types: ["FULL_TIME", "CONTRACTOR"], unit: "MONTH", min: 9500, max: 13500, experienceYears: 2, certificates: ["建筑起重机械司机证（塔式起重机）"] },
  { trade: "crane-signaler-rigger", title: "信号司索工", description: "塔吊吊装作业的信号指挥和司索，检查吊索具，吊装区域设置警戒。", types: ["FULL_TIME", "TEMPORARY"], unit: "DAY", min: 280, max: 380, experienceYears: 1, certificates: ["建筑起重信号司索工证"] },
  { trade: "forklift-driver", title: "叉车司机", description: "仓库内电动叉车装卸、移库和上架作业，配合仓管员盘点，遵守场内限速。", types: ["FULL_TIME"], unit: "MONTH", min: 5800, max: 7800, experienceYears: 1, certificates: ["叉车证（N1）"] },
  { trade: "warehouse-keeper", title: "仓库管理员", description: "负责原材料和成品的收发存，会用 WMS 系统扫码出入库，每月盘点账实相符。", types: ["FULL_TIME"], unit: "MONTH", min: 5000, max: 7000, experienceYears: 1, certificates: [] },
  { trade: "express-parcel-handler", title: "快件分拣员（夜班）", description: "分拨中心夜班快件分拣、扫描和装车，动作熟练后可调岗到班组长。", types: ["PART_TIME", "TEMPORARY"], unit: "HOUR", min: 22, max: 28, experienceYears: 0, certificates: [] },
  { trade: "cargo-handler", title: "装卸工（按小时结算）", description: "集装箱和货车的装卸搬运，按小时计薪、当天结算，适合短期找活干。", types: ["TEMPORARY", "PART_TIME"], unit: "HOUR", min: 25, max: 35, experienceYears: 0, certificates: [] },
  { trade: "road-freight-driver", title: "货车司机（A2 牵引车）", description: "跑省内干线运输，车辆由公司提供并承担油费路费，按趟数加提成。", types: ["FULL_TIME", "CONTRACTOR"], unit: "MONTH", min: 9000, max: 14000, experienceYears: 3, certificates: ["A2 驾驶证", "道路运输从业资格证"] },
  { trade: "chinese-cook", title: "中式厨师（川湘菜）", description: "工厂食堂和员工餐厅的炒锅岗位，能做大锅菜也能做小炒，注重食品安全和出品稳定。", types: ["FULL_TIME"], unit: "MONTH", min: 6000, max: 9000, experienceYears: 2, certificates: ["健康证"] },
  { trade: "chinese-pastry-cook", title: "面点师", description: "包子、馒头、面条等中式面点制作，每天早上五点半到岗备早餐。", types: ["FULL_TIME", "PART_TIME"], unit: "MONTH", min: 5500, max: 7500, experienceYears: 1, certificates: ["健康证"] },
  { trade: "quality-inspector", title: "品质检验员（QC）", description: "来料、制程和出货检验，会用卡尺、千分尺、高度规，能填写检验报告并跟进不良处理。", types: ["FULL_TIME", "INTERN"], unit: "MONTH", min: 5200, max: 7200, experienceYears: 0, certificates: [] },
  { trade: "plastic-products-molder", title: "注塑机操作工", description: "注塑机看机、取件和修披锋，检查产品外观，配合技术员换模调机。", types: ["FULL_TIME", "TEMPORARY"], unit: "MONTH", min: 5500, max: 7500, experienceYears: 0, certificates: [] },
  { trade: "semiconductor-chip-fabricator", title: "半导体设备操作员（无尘车间）", description: "晶圆制造无尘车间的设备操作和批次记录，穿无尘服作业，四班两倒。", types: ["FULL_TIME", "INTERN"], unit: "MONTH", min: 6500, max: 9000, experienceYears: 0, certificates: [] },
  { trade: "refrigeration-ac-technician", title: "空调安装维修工", description: "家用和商用空调的安装、移机和维修，会抽真空、查漏补氟，能高空作业。", types: ["FULL_TIME", "CONTRACTOR"], unit: "MONTH", min: 7000, max: 12000, experienceYears: 2, certificates: ["制冷与空调作业证", "高处作业证"] },
  { trade: "boiler-operator", title: "锅炉工（燃气蒸汽锅炉）", description: "燃气蒸汽锅炉的运行操作、水质化验和巡检记录，熟悉安全阀、水位计等安全附件。", types: ["FULL_TIME"], unit: "MONTH", min: 6000, max: 8000, experienceYears: 1, certificates: ["特种设备作业人员证（G1）"] },
  { trade: "chemical-process-control-operator", title: "化工总控工（DCS 操作）", description: "DCS 内操监控反应釜和精馏塔的温度、压力和液位，严格执行操作规程和交接班制度。", types: ["FULL_TIME"], unit: "MONTH", min: 7500, max: 10500, experienceYears: 2, certificates: ["危险化学品安全作业证"] },
  { trade: "power-line-worker", title: "配电线路工", description: "10kV 及以下配电线路的巡视、检修和抢修，能登杆作业，服从调度安排。", types: ["FULL_TIME"], unit: "MONTH", min: 7500, max: 10500, experienceYears: 2, certificates: ["高压电工作业证", "高处作业证"] },
  { trade: "auto-mechanic", title: "汽车维修工（机电）", description: "4S 店机电维修，常规保养、故障诊断和总成更换，会用诊断电脑。", types: ["FULL_TIME", "INTERN"], unit: "MONTH", min: 6500, max: 10000, experienceYears: 2, certificates: [] },
  { trade: "auto-assembly-worker", title: "汽车总装线操作工", description: "整车总装线内饰、底盘装配，按节拍作业，扭矩和防错要求严格。", types: ["FULL_TIME", "TEMPORARY"], unit: "MONTH", min: 6000, max: 8000, experienceYears: 0, certificates: [] },
  { trade: "industrial-robot-operator", title: "工业机器人操作员", description: "焊接和搬运机器人工作站的操作与示教编程，日常点检和简单故障处理。", types: ["FULL_TIME"], unit: "MONTH", min: 7500, max: 11000, experienceYears: 1, certificates: [] },
  { trade: "elevator-installer-repairer", title: "电梯安装维修工", description: "住宅和商业项目电梯的安装调试与维保，按维保计划巡检，参与困人救援。", types: ["FULL_TIME"], unit: "MONTH", min: 7500, max: 11000, experienceYears: 2, certificates: ["电梯作业人员证"] },
  { trade: "sewing-machine-operator", title: "缝纫工（平车）", description: "服装厂平车工，熟练车缝衬衫、外套等品类，计件工资多劳多得。", types: ["FULL_TIME", "PART_TIME"], unit: "MONTH", min: 5500, max: 8500, experienceYears: 1, certificates: [] },
  { trade: "textile-dyer", title: "染色工", description: "操作溢流染色机，按工艺配方称料、升温和取样对色，记录生产参数。", types: ["FULL_TIME"], unit: "MONTH", min: 6000, max: 8000, experienceYears: 1, certificates: [] },
  { trade: "ndt-inspector", title: "无损检测员（UT/RT）", description: "压力容器和钢结构焊缝的超声、射线检测，出具检测报告。", types: ["FULL_TIME", "CONTRACTOR"], unit: "MONTH", min: 8500, max: 13000, experienceYears: 3, certificates: ["无损检测 II 级证（UT 或 RT）"] },
];

/** What posts offer besides pay; each post gets a few. */
export const BENEFITS: readonly string[] = ["五险一金", "包住宿", "包工作餐", "加班费按劳动法计算", "年底双薪", "免费岗前培训", "满勤奖", "节日福利", "提供工作服和劳保用品", "带薪年假"];

/** Working hours, as a sentence added to the description. */
export const SHIFTS: readonly string[] = [
  "上班时间：8:00–17:30，周末双休，加班另计。",
  "两班倒，白班夜班每月轮换，夜班有补贴。",
  "做六休一，每天工作 8 小时，旺季适当加班。",
  "长白班，每天 8–10 小时，月休 4 天。",
];

/** One post of the demo data that asks for a fee: the listing shows how such posts are flagged. */
export const FEE_SENTENCE = "入职需交押金 200 元，满三个月后退还。";

/** Cover letters of the demo applications. */
export const APPLICATION_MESSAGES: readonly string[] = [
  "您好，我在东莞做了五年数控车，会对刀和改程序，想了解一下夜班的安排。",
  "有焊工证，做过三年钢结构，可以随时到岗。",
  "之前在物流园开过两年叉车，证件齐全，希望面谈。",
  "做过质检和仓管，电脑操作熟练，能吃苦。",
  "刚从技校毕业，学的机电一体化，愿意从学徒做起。",
  "家在附近，希望长期稳定工作。",
];
