// Demo courses: the content a fresh Jiangxin shows. Real, short lessons (safety points, steps,
// parameters) by a few craftsmen. Data only; prisma/seed/courses.ts writes it. Slugs are stable:
// the end-to-end tests open "demo-welding-basics".
import type { DemoAccount } from "./demo-users.ts";

export type CourseLevelSeed = "BEGINNER" | "INTERMEDIATE" | "ADVANCED";

export interface LessonSeed {
  title: string;
  /** Markdown: the lesson text, or the notes under a video. */
  body: string;
  /** A video lesson with a generated demo clip (a text lesson when ffmpeg is missing). */
  video?: true;
  preview?: true;
}

export interface ChapterSeed {
  title: string;
  lessons: LessonSeed[];
}

export interface CourseSeed {
  slug: string;
  title: string;
  summary: string;
  /** Who the course is for; becomes the course description. */
  audience: string;
  trade: string;
  level: CourseLevelSeed;
  /** A key of CRAFTSMEN. */
  author: CraftsmanKey;
  /** Published this many days before the seed runs. */
  daysAgo: number;
  /** How many demo members enrolled, and how many of them left a review. */
  learners: number;
  reviews: number;
  chapters: ChapterSeed[];
}

export type CraftsmanKey = "gao" | "han" | "zhou" | "ma" | "yang";

export interface CraftsmanSeed extends Pick<DemoAccount, "phone" | "displayName" | "city" | "employer"> {
  tradeCode: string;
  bio: string;
}

/** "gao" is the demo craftsman of DEMO_ACCOUNTS (13800000002); the seed only adds his bio. */
export const DEMO_CRAFTSMAN_PHONE = "13800000002";

export const CRAFTSMEN: Record<CraftsmanKey, CraftsmanSeed> = {
  gao: {
    phone: DEMO_CRAFTSMAN_PHONE,
    displayName: "高凤林",
    city: "北京",
    employer: "中国航天科技集团",
    tradeCode: "welder",
    bio: "特级技师，从事火箭发动机焊接四十余年。相信好焊缝是练出来的：先把安全和基本功做扎实，再谈技巧。",
  },
  han: {
    phone: "13800000011",
    displayName: "韩立新",
    city: "沈阳",
    employer: "北方重型机床集团",
    tradeCode: "cnc-lathe-operator",
    bio: "数控车工高级技师，全国技术能手。带过两百多名徒弟，擅长把复杂零件的工艺讲成一步步能照着做的流程。",
  },
  zhou: {
    phone: "13800000012",
    displayName: "周建华",
    city: "武汉",
    employer: "国网湖北省电力有限公司",
    tradeCode: "maintenance-electrician",
    bio: "维修电工高级技师，三十年一线检修经验。口头禅：停电、验电、挂接地，一步都不能省。",
  },
  ma: {
    phone: "13800000013",
    displayName: "马国强",
    city: "天津",
    employer: "天津港集团",
    tradeCode: "hoisting-loading-machinery-operator",
    bio: "港口起重机司机出身，后做安全培训师。二十年无责任事故，专讲起重、叉车和特种设备的安全操作。",
  },
  yang: {
    phone: "13800000014",
    displayName: "杨春梅",
    city: "宁波",
    employer: "宁波精工质量检测中心",
    tradeCode: "quality-inspector",
    bio: "质量工程师、无损检测二级人员。从车间质检员做起，希望每位质检员都能说清楚“为什么判它不合格”。",
  },
};

/** Joins Markdown lines; keeps the data below free of template-literal indentation. */
const md = (...lines: string[]) => lines.join("\n");

/** Review texts members left, in rotation. */
export const REVIEW_TEXTS = [
  "讲得很实在，参数和步骤都能直接用到车间里。",
  "安全要点讲得透，新来的徒弟都让他们先看这门课。",
  "内容不长但都是干货，希望师傅再多出几节实操。",
  "考证前看了一遍，考点基本都覆盖到了。",
  "有些地方讲得快了点，不过笔记很清楚。",
  "跟着做了一遍，问题一下就找到了，谢谢师傅！",
] as const;

/** Ratings members gave, in rotation (mostly good, not all perfect). */
export const REVIEW_RATINGS = [5, 4, 5, 5, 3, 4, 5] as const;

export const DEMO_COURSE_SLUG = "demo-welding-basics";

export const COURSES: CourseSeed[] = [
  {
    slug: DEMO_COURSE_SLUG,
    title: "焊接入门：从引弧到平焊",
    summary: "手工电弧焊的第一课：看懂焊机、安全引弧，焊出第一条合格的平焊缝。",
    audience: "刚进车间的焊工学徒，或想系统补基本功的电焊工。",
    trade: "welder",
    level: "BEGINNER",
    author: "gao",
    daysAgo: 3,
    learners: 0,
    reviews: 0,
    chapters: [
      {
        title: "引弧与平焊",
        lessons: [
          {
            title: "引弧演示：划擦法与直击法",
            video: true,
            body: md(
              "**看视频时注意**",
              "",
              "- 划擦法：焊条像划火柴一样在坡口内轻划，起弧后立即提起到 2～4 mm 弧长。",
              "- 直击法：焊条垂直轻触工件后迅速提起，适合狭窄位置，初学者容易粘条。",
              "- 粘条时不要硬拽：先断开焊钳或左右轻摆脱开，防止烫伤和弧光伤眼。",
            ),
          },
          {
            title: "平焊操作要点与常见缺陷",
            body: md(
              "## 参数参考（J422 焊条，板厚 6 mm）",
              "",
              "| 焊条直径 | 焊接电流 | 弧长 |",
              "|---|---|---|",
              "| 3.2 mm | 90～130 A | 约 3 mm |",
              "| 4.0 mm | 140～180 A | 约 4 mm |",
              "",
              "## 操作步骤",
              "",
              "1. 清理坡口两侧 20 mm 内的油污、铁锈。",
              "2. 焊条与焊缝成 70°～80°，匀速向前，做小幅月牙形摆动。",
              "3. 收弧时回焊 5～10 mm 填满弧坑，再熄弧。",
              "",
              "## 常见缺陷",
              "",
              "- **咬边**：电流过大或运条角度不对，减小电流、两侧稍作停留。",
              "- **夹渣**：层间清渣不净，每焊完一层都要彻底敲渣。",
              "- **气孔**：焊条受潮，按说明书烘干（J422 约 150 ℃、1 小时）。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "tig-welding-stainless-sheet",
    title: "氩弧焊：不锈钢薄板焊接",
    summary: "1～3 mm 不锈钢薄板的钨极氩弧焊：气体保护、电流选择、防变形和焊后酸洗。",
    audience: "已会手工电弧焊、准备考氩弧焊证或做不锈钢管道和设备的焊工。",
    trade: "welder",
    level: "ADVANCED",
    author: "gao",
    daysAgo: 40,
    learners: 5,
    reviews: 3,
    chapters: [
      {
        title: "设备与保护气",
        lessons: [
          {
            title: "钨极、喷嘴与氩气流量",
            preview: true,
            body: md(
              "- 钨极选铈钨极，直径 1.6～2.4 mm，端部磨成 30°～45° 锥角，纵向磨削。",
              "- 喷嘴 6～8 号，钨极伸出 3～5 mm。",
              "- 氩气纯度不低于 99.99%，流量 6～10 L/min；流量过大反而卷入空气。",
              "- 焊接前先提前送气 1～2 s，熄弧后滞后停气 5～8 s 保护焊缝和钨极。",
            ),
          },
          {
            title: "焊枪握法与送丝节奏",
            video: true,
            body: md(
              "视频演示了左焊法：焊枪与工件约 70°～80°，焊丝与工件 10°～20°。",
              "",
              "- 焊丝端部始终在氩气保护区内，不要碰钨极，碰了要重新磨。",
              "- “一点一送”：熔池形成后送一次丝，退出，熔池前移后再送。",
            ),
          },
        ],
      },
      {
        title: "防变形与焊后处理",
        lessons: [
          {
            title: "薄板防变形的四个办法",
            body: md(
              "1. **定位焊**：间距 30～50 mm，由中间向两端对称点焊。",
              "2. **小电流快速焊**：1.5 mm 板 50～70 A，减少热输入。",
              "3. **背面保护**：背面通氩或用铜垫板，防止背面氧化发黑。",
              "4. **分段退焊**：长焊缝分成 100 mm 左右的段，跳焊散热。",
            ),
          },
          {
            title: "焊缝颜色与酸洗钝化",
            body: md(
              "焊缝颜色反映保护效果：银白、金黄为好；蓝色可接受；灰黑说明保护不良，要查气流和背保护。",
              "",
              "酸洗钝化：用酸洗膏涂刷焊缝，停留 20～40 分钟后用清水冲净。",
              "",
              "**安全**：酸洗膏有强腐蚀性，戴耐酸手套和护目镜，废液集中收集，不得直接排放。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "co2-welding-practice",
    title: "二氧化碳气体保护焊实操",
    summary: "二保焊的电流电压匹配、干伸长、飞溅控制和立焊技巧，车间里最常用的焊法。",
    audience: "做钢结构、机械结构件焊接的电焊工。",
    trade: "electric-welder",
    level: "INTERMEDIATE",
    author: "gao",
    daysAgo: 75,
    learners: 6,
    reviews: 4,
    chapters: [
      {
        title: "参数匹配",
        lessons: [
          {
            title: "电流与电压怎么配",
            preview: true,
            body: md(
              "经验公式（短路过渡，实心焊丝 1.2 mm）：电压 ≈ 0.04 × 电流 + 16 ± 1.5 V。",
              "",
              "| 板厚 | 电流 | 电压 |",
              "|---|---|---|",
              "| 3 mm | 120～150 A | 19～21 V |",
              "| 6 mm | 180～220 A | 22～24 V |",
              "",
              "声音是好帮手：均匀的“沙沙”声说明匹配良好；“噼啪”爆响多半电压偏低。",
            ),
          },
          {
            title: "干伸长与气体流量",
            body: md(
              "- 干伸长取焊丝直径的 10～12 倍，1.2 mm 焊丝约 12～15 mm。",
              "- 干伸长过长：电弧不稳、飞溅大、保护变差。",
              "- CO₂ 流量 15～20 L/min，户外有风要加挡风板，风速超过 2 m/s 停焊。",
              "- 冬天注意减压器加热，防止结冰堵塞。",
            ),
          },
        ],
      },
      {
        title: "不同位置的焊接",
        lessons: [
          {
            title: "平角焊与船形焊",
            body: md(
              "平角焊焊枪与底板 45°，指向根部偏底板 1～2 mm，防止立板咬边。",
              "",
              "能翻转的工件尽量放成船形位置，一次成形，焊脚对称，效率高。",
            ),
          },
          {
            title: "立焊：向上焊的三角形摆动",
            body: md(
              "1. 电流比平焊降低 10%～15%。",
              "2. 焊枪向上倾斜 10°～15°，做三角形或锯齿形摆动。",
              "3. 两侧稍停，中间快过，避免中间凸起、两侧咬边。",
              "",
              "**安全**：仰焊和立焊时飞溅易落入领口、袖口，扣好工作服，戴好焊接面罩和护脚。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "oxy-fuel-cutting-safety",
    title: "气割安全与火焰调节",
    summary: "氧气乙炔的安全使用、三种火焰的调节和手工切割的操作顺序。",
    audience: "需要下料、切割的焊工、气割工和机修人员。",
    trade: "gas-cutter",
    level: "BEGINNER",
    author: "gao",
    daysAgo: 120,
    learners: 4,
    reviews: 2,
    chapters: [
      {
        title: "气瓶与回火",
        lessons: [
          {
            title: "气瓶的存放和使用",
            preview: true,
            body: md(
              "- 氧气瓶与乙炔瓶间距不小于 5 m，距明火不小于 10 m。",
              "- 乙炔瓶必须直立，使用前静置 15 分钟以上。",
              "- 氧气瓶阀、减压器严禁沾油脂。",
              "- 瓶内气体不得用尽：氧气留 0.1～0.2 MPa，乙炔留不低于 0.05 MPa 的余压。",
            ),
          },
          {
            title: "回火的原因和处置",
            body: md(
              "回火表现为割炬内“啪啪”声或嘶嘶声。处置顺序：**先关乙炔阀，再关氧气阀**，割嘴放入水中冷却。",
              "",
              "预防：乙炔出口装回火防止器；割嘴堵塞及时用通针疏通；割嘴离工件不要太近。",
            ),
          },
        ],
      },
      {
        title: "火焰与切割",
        lessons: [
          {
            title: "中性焰、碳化焰、氧化焰",
            body: md(
              "- **中性焰**：氧乙炔比 1.1～1.2，焰心轮廓清晰，切割预热用它。",
              "- **碳化焰**：乙炔多，焰心外有乙炔羽，用于铸铁补焊等。",
              "- **氧化焰**：氧气多，焰心短而尖，发出“嘶嘶”声，一般不用于切割低碳钢预热。",
            ),
          },
          {
            title: "手工切割的操作顺序",
            body: md(
              "1. 点火：先微开乙炔点燃，再开预热氧调成中性焰。",
              "2. 预热起割点至亮红色（约 1100 ℃）。",
              "3. 打开切割氧，看到铁水被吹穿后匀速前进。",
              "4. 切完先关切割氧，再关乙炔，最后关预热氧。",
              "",
              "10 mm 钢板参考：切割氧压力 0.4～0.5 MPa，速度 450～550 mm/min。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "cnc-lathe-programming",
    title: "数控车床编程入门（FANUC 系统）",
    summary: "从坐标系、G00/G01 到 G71 粗车循环，编出第一个阶梯轴程序并安全试切。",
    audience: "会操作普通车床、第一次接触数控车床的操作工。",
    trade: "cnc-lathe-operator",
    level: "BEGINNER",
    author: "han",
    daysAgo: 10,
    learners: 8,
    reviews: 5,
    chapters: [
      {
        title: "坐标系与基本指令",
        lessons: [
          {
            title: "机床坐标系与工件坐标系",
            video: true,
            preview: true,
            body: md(
              "- 数控车床 Z 轴沿主轴方向，刀具远离工件为正；X 轴为直径方向，FANUC 默认直径编程。",
              "- 工件原点一般设在工件右端面中心。",
              "- 对刀后把偏置值输入刀补页面（OFFSET），程序用 T0101 调用 1 号刀 1 号刀补。",
            ),
          },
          {
            title: "G00、G01 与 G71 粗车循环",
            video: true,
            body: md(
              "视频里的阶梯轴程序（毛坯 φ40）：",
              "",
              "    O0001;",
              "    T0101;",
              "    M03 S800;",
              "    G00 X42 Z2;",
              "    G71 U1.5 R0.5;",
              "    G71 P10 Q20 U0.4 W0.1 F0.2;",
              "    N10 G00 X20;",
              "    G01 Z-20;",
              "    X30 Z-30;",
              "    N20 Z-50;",
              "    G70 P10 Q20 F0.08;",
              "    G00 X100 Z100;",
              "    M30;",
            ),
          },
        ],
      },
      {
        title: "安全试切",
        lessons: [
          {
            title: "首件试切的五个检查",
            video: true,
            body: md(
              "1. 图形模拟（GRAPH）检查刀路。",
              "2. 快速倍率调到 25% 以下，单段（SINGLE BLOCK）运行。",
              "3. 刀具接近工件时看“剩余移动量”，与实际距离对得上再继续。",
              "4. 第一刀留余量，停机测量后修正刀补。",
              "5. 手放在急停和进给保持按钮旁边。",
            ),
          },
          {
            title: "刀补修正与尺寸控制",
            video: true,
            body: md(
              "- 首件实测 φ30.06，图纸要求 φ30 ± 0.02：在磨耗（WEAR）页面 X 输入 −0.06。",
              "- 长度方向同理，在 Z 磨耗里修正。",
              "- 刀尖磨损后尺寸会慢慢变大，批量生产时每 20～30 件抽测一次。",
              "- 修改的是磨耗值，不要改形状（GEOM）里的对刀值。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "cnc-milling-macro-programs",
    title: "数控铣宏程序与曲面加工",
    summary: "用变量和循环写椭圆、斜面和孔系宏程序，比 CAM 更短、更好改。",
    audience: "已能独立编写数控铣/加工中心程序的操作工和编程员。",
    trade: "cnc-milling-machinist",
    level: "ADVANCED",
    author: "han",
    daysAgo: 55,
    learners: 3,
    reviews: 2,
    chapters: [
      {
        title: "变量与控制语句",
        lessons: [
          {
            title: "局部变量、公共变量与运算",
            preview: true,
            body: md(
              "- #1～#33 局部变量，子程序调用时由自变量赋值；#100～#199 公共变量，断电清零；#500～#999 断电保持。",
              "- 运算：#3 = #1 * COS[#2]，角度单位是度。",
              "- 用 #500 以上变量存参数前，先和同班组约定用途，避免被别人的程序覆盖。",
            ),
          },
          {
            title: "WHILE 循环与 IF 跳转",
            body: md(
              "    #1 = 0;",
              "    WHILE [#1 LE 360] DO1;",
              "    #2 = 40 * COS[#1];",
              "    #3 = 25 * SIN[#1];",
              "    G01 X#2 Y#3 F300;",
              "    #1 = #1 + 1;",
              "    END1;",
              "",
              "这段程序用 1° 步距走出长半轴 40、短半轴 25 的椭圆。步距越小越光滑，程序段越多。",
            ),
          },
        ],
      },
      {
        title: "典型宏程序",
        lessons: [
          {
            title: "圆周均布孔系",
            body: md(
              "参数：孔数 #4、分布圆半径 #5、起始角 #6。每个孔角度 = #6 + 360 / #4 × 序号。",
              "",
              "用 G81 钻孔循环配合 G16 极坐标可以更短，但宏程序能在孔数变化时只改一个变量。",
            ),
          },
          {
            title: "等高斜面分层铣削",
            body: md(
              "按 Z 方向每层下降 0.5 mm，计算每层 X 方向的终点：X = Z ÷ tan(斜面角)。",
              "",
              "**注意**：层深越小表面越好，但刀具磨损和加工时间都会增加；粗加工 1 mm、精加工 0.2 mm 是常见取法。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "lathe-thread-turning",
    title: "普通车床车螺纹",
    summary: "三角螺纹的刀具刃磨、交换齿轮与手柄位置、进刀方法和螺纹检测。",
    audience: "车工中级工考证和日常维修加工。",
    trade: "turner",
    level: "INTERMEDIATE",
    author: "han",
    daysAgo: 95,
    learners: 5,
    reviews: 3,
    chapters: [
      {
        title: "准备",
        lessons: [
          {
            title: "螺纹车刀的刃磨",
            preview: true,
            body: md(
              "- 普通三角螺纹刀尖角 60°，用螺纹样板（角度样板）透光检查。",
              "- 精车刀前角 0°，粗车刀可磨 5°～10° 前角，但会使牙型角变大，需修正。",
              "- 刃磨时刀具要不断移动并蘸水冷却，防止退火。",
            ),
          },
          {
            title: "螺距的调整",
            body: md(
              "按铭牌上的螺距表扳动进给箱手柄。以 M20×2.5 为例：先查表定手柄位置，再用钢直尺量 10 个牙距校对，应为 25 mm。",
              "",
              "车螺纹前先空走一刀，确认开合螺母和主轴转向正确。",
            ),
          },
        ],
      },
      {
        title: "车削与检测",
        lessons: [
          {
            title: "直进法与斜进法",
            body: md(
              "- **直进法**：中滑板横向进刀，两刃同时切削，牙型准，适合螺距 ≤ 2 mm。",
              "- **斜进法**：小滑板转 29°～30° 单刃切削，排屑好，适合大螺距粗车。",
              "- 进刀量先大后小：第一刀 0.3～0.5 mm，最后几刀 0.05 mm 精车。",
              "- 转速不宜高，M20 以下低碳钢 100～200 r/min，退刀要果断。",
            ),
          },
          {
            title: "螺纹的检测",
            body: md(
              "1. 大径用游标卡尺测，小于公称直径 0.1～0.2 mm 为宜。",
              "2. 螺距用螺纹样板或钢直尺检查。",
              "3. 中径用螺纹千分尺或三针测量。",
              "4. 成品用螺纹环规：通规能旋入，止规旋入不超过两圈。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "fitter-basics",
    title: "钳工基本功：划线、锯削与锉削",
    summary: "钳工三项基本功的姿势、力度和精度要求，配一个六角螺母的练习件。",
    audience: "钳工、装配钳工和机修学徒。",
    trade: "fitter",
    level: "BEGINNER",
    author: "han",
    daysAgo: 150,
    learners: 7,
    reviews: 4,
    chapters: [
      {
        title: "划线",
        lessons: [
          {
            title: "划线工具与基准选择",
            preview: true,
            body: md(
              "- 工具：划线平台、高度游标尺、划针、划规、样冲、V 形铁。",
              "- 基准：优先选设计基准；毛坯件选不加工面或较大的平整面。",
              "- 划线前涂色：铸锻件刷石灰水，已加工面用蓝油或硫酸铜溶液。",
              "- 样冲眼在线上要打正、间距均匀，曲线处密一些。",
            ),
          },
          {
            title: "立体划线与借料",
            body: md(
              "1. 工件用千斤顶三点支承，按第一划线基准找正后划出第一方向的线。",
              "2. 工件翻转 90°，用直角尺找正，划第二方向的线；第三方向同理。",
              "3. 毛坯有偏心或缺陷时“借料”：把加工余量在各面重新分配，保证每个面都有余量。",
              "",
              "**安全**：千斤顶支承要稳，大件翻转用吊车，手不要伸到工件下面。",
            ),
          },
        ],
      },
      {
        title: "锯削与锉削",
        lessons: [
          {
            title: "锯削的姿势与锯条选择",
            body: md(
              "- 锯条齿向前，松紧以手扳锯条感觉硬实为准。",
              "- 软材料、厚材料用粗齿（14～18 齿/25 mm），薄板、管子用细齿（24～32 齿）。",
              "- 起锯角约 15°，行程不少于锯条长度的 2/3，每分钟 30～60 次。",
              "- 快锯断时减小压力，用手扶住要掉落的部分。",
            ),
          },
          {
            title: "锉削平面：交叉锉与顺向锉",
            body: md(
              "1. 粗锉用交叉锉，容易看出高点，去除量大。",
              "2. 精锉改顺向锉，纹理一致。",
              "3. 用刀口尺透光检查平面度，用直角尺检查垂直度。",
              "",
              "**安全**：锉刀必须装柄；不能用嘴吹铁屑，也不要用手摸锉过的表面（会打滑且易划伤）。",
            ),
          },
          {
            title: "练习件：六角螺母",
            body: md(
              "材料 Q235，对边 24 ± 0.05 mm，六面 120° ± 4′，表面粗糙度 Ra 3.2。",
              "",
              "步骤：先锉基准面 → 锉对面保证尺寸 → 依次锉其余四面，用 120° 角度样板检查 → 倒角去毛刺。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "maintenance-fitter-bearing",
    title: "机修钳工：轴承拆装与联轴器对中",
    summary: "滚动轴承的拆装方法、加热装配温度，以及用百分表做联轴器对中。",
    audience: "设备维修、机修钳工，以及负责泵和电机检修的点检员。",
    trade: "maintenance-fitter",
    level: "INTERMEDIATE",
    author: "han",
    daysAgo: 30,
    learners: 4,
    reviews: 2,
    chapters: [
      {
        title: "轴承拆装",
        lessons: [
          {
            title: "拆卸：拉马与加热",
            preview: true,
            body: md(
              "- 拉马的爪要钩在过盈配合的那个套圈上（装在轴上的钩内圈）。",
              "- 锈死的轴承可对内圈快速加热到 80～100 ℃ 后再拉。",
              "- 严禁用锤子直接敲击轴承滚动体和保持架。",
            ),
          },
          {
            title: "加热装配",
            body: md(
              "用感应加热器或油浴把轴承加热到比轴温度高 80～90 ℃，**最高不超过 120 ℃**。",
              "",
              "装到位后用手压住内圈直到冷却收紧，防止轴向窜出间隙。戴隔热手套操作。",
            ),
          },
        ],
      },
      {
        title: "联轴器对中",
        lessons: [
          {
            title: "百分表找正的步骤",
            body: md(
              "1. 检查并消除软脚：各地脚松开一个，变化超过 0.05 mm 要加垫。",
              "2. 在 0°、90°、180°、270° 四个位置读径向和端面读数。",
              "3. 先调垂直方向（加减垫片），再调水平方向（顶丝平移）。",
              "4. 一般转速 1500 r/min 的泵，径向偏差 ≤ 0.05 mm，端面 ≤ 0.03 mm/100 mm。",
            ),
          },
          {
            title: "对中后的试车",
            body: md(
              "- 复紧地脚螺栓后复测一次读数。",
              "- 装好联轴器防护罩后才能试车。",
              "- 试车 30 分钟，测轴承温度（温升不超过 40 ℃）和振动值。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "injection-mould-maintenance",
    title: "注塑模具的日常保养与维修",
    summary: "模具上下机检查、顶针和滑块保养、常见飞边和拉伤的修模思路。",
    audience: "模具工、注塑车间的修模工和技术员。",
    trade: "die-and-mould-maker",
    level: "INTERMEDIATE",
    author: "han",
    daysAgo: 170,
    learners: 2,
    reviews: 1,
    chapters: [
      {
        title: "保养",
        lessons: [
          {
            title: "上下机检查清单",
            preview: true,
            body: md(
              "- 下机前最后一模留样，和首件比对。",
              "- 清理分型面、排气槽，检查有无压伤。",
              "- 冷却水路用压缩空气吹干，长期停用要通防锈液。",
              "- 型腔喷防锈剂，合模时留 1～2 mm 间隙避免压坏分型面。",
            ),
          },
          {
            title: "顶针与滑块的润滑",
            body: md(
              "顶针、导柱导套用高温润滑脂，薄涂即可，过多会污染制品。",
              "",
              "滑块耐磨板每 5 万模检查一次磨损，斜导柱有拉痕要及时抛光。",
            ),
          },
        ],
      },
      {
        title: "修模",
        lessons: [
          {
            title: "飞边与拉伤的原因",
            body: md(
              "- **飞边**：分型面磨损、锁模力不足、排气槽过深（超过 0.03 mm）。",
              "- **拉伤**：脱模斜度不够、型腔抛光纹路与脱模方向垂直、顶出不平衡。",
              "",
              "修模前先和注塑工确认工艺参数，不是每个缺陷都要动模具。",
            ),
          },
          {
            title: "修模安全",
            body: md(
              "- 吊装模具用额定载荷足够的吊环，拧到底，不能只拧几扣。",
              "- 在机台上修模必须关掉油泵电机并挂牌。",
              "- 使用电火花或焊补时注意通风和防火。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "machining-center-tool-setting",
    title: "加工中心对刀与工件坐标系",
    summary: "寻边器、Z 轴设定器和刀长补偿：把 G54 和 H 值一次设对。",
    audience: "加工中心操作工，刚从普通铣床转过来的师傅。",
    trade: "machining-center-operator",
    level: "INTERMEDIATE",
    author: "han",
    daysAgo: 60,
    learners: 4,
    reviews: 3,
    chapters: [
      {
        title: "X、Y 方向",
        lessons: [
          {
            title: "寻边器分中",
            preview: true,
            body: md(
              "1. 主轴转速 400～600 r/min，寻边器靠近工件左侧，手轮 ×10 慢慢接近，偏心消失的瞬间记下 X1。",
              "2. 同样在右侧得到 X2，中心 = (X1 + X2) ÷ 2，输入 G54 的 X。",
              "3. Y 方向同理。",
              "",
              "光电寻边器**不能旋转**，接触即亮灯，注意区分。",
            ),
          },
          {
            title: "杠杆百分表找正圆孔中心",
            body: md(
              "1. 把杠杆百分表吸在主轴上，表头伸入孔内接触孔壁。",
              "2. 手动转动主轴，读出 0°、90°、180°、270° 四个位置的读数。",
              "3. X 方向偏差 = (0° 读数 − 180° 读数) ÷ 2，向读数大的一侧移动；Y 方向同理。",
              "4. 反复两三次，直到一周跳动不超过 0.01 mm。",
            ),
          },
        ],
      },
      {
        title: "Z 方向与刀长",
        lessons: [
          {
            title: "Z 轴设定器与刀长补偿",
            body: md(
              "- 以基准刀（或机床原点）为准，其余刀的长度差输入 H 补偿。",
              "- Z 轴设定器高度一般 50 mm，对刀读数要减去这个高度。",
              "- 程序中 G43 H01 调用，换刀后必须重新调用对应的 H 值。",
            ),
          },
          {
            title: "对刀后的验证",
            body: md(
              "1. MDI 方式运行 G54 G90 G00 X0 Y0，看刀具是否停在工件中心。",
              "2. G43 H01 Z50，用量块检查刀尖离工件表面的高度。",
              "3. 单段运行首件程序，快速倍率不超过 25%。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "heat-treatment-quench-temper",
    title: "金属热处理：淬火与回火",
    summary: "45 钢和工具钢的淬火温度、冷却介质选择、回火与硬度检测。",
    audience: "热处理工，以及需要理解零件热处理要求的机加工技术员。",
    trade: "heat-treater",
    level: "INTERMEDIATE",
    author: "han",
    daysAgo: 140,
    learners: 2,
    reviews: 1,
    chapters: [
      {
        title: "淬火",
        lessons: [
          {
            title: "淬火温度与保温时间",
            preview: true,
            body: md(
              "| 材料 | 淬火温度 | 冷却介质 |",
              "|---|---|---|",
              "| 45 钢 | 830～850 ℃ | 水或盐水 |",
              "| 40Cr | 840～860 ℃ | 油 |",
              "| T10 | 770～790 ℃ | 水淬油冷 |",
              "",
              "保温时间经验值：按有效厚度每毫米 1～1.5 分钟（箱式炉）。",
            ),
          },
          {
            title: "防止淬火开裂和变形",
            body: md(
              "- 细长轴垂直淬入介质，薄片件侧向淬入。",
              "- 有尖角、孔的部位可用石棉堵塞或包扎。",
              "- 淬火后 **2 小时内** 及时回火，防止放置开裂。",
            ),
          },
        ],
      },
      {
        title: "回火与检测",
        lessons: [
          {
            title: "低温、中温、高温回火",
            body: md(
              "- 低温回火 150～250 ℃：保持高硬度，用于刃具、量具。",
              "- 中温回火 350～500 ℃：弹性好，用于弹簧。",
              "- 高温回火 500～650 ℃：即调质，综合力学性能好，用于轴、齿轮。",
            ),
          },
          {
            title: "洛氏硬度检测",
            body: md(
              "HRC 用 150 kgf 载荷、金刚石压头。测点离边缘不少于 3 mm，测点间距不少于 3 mm，同一件测 3 点取平均。",
              "",
              "**安全**：出炉操作穿戴隔热服、面罩和长手套，淬火油槽旁备灭火器和槽盖。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "low-voltage-electrician-safety",
    title: "低压电工作业：安全用电与考证要点",
    summary: "特种作业操作证（低压电工）的核心考点：触电急救、接地保护、漏电保护器和常用仪表。",
    audience: "准备考低压电工证的学员，以及工厂、物业的值班电工。",
    trade: "low-voltage-electrician",
    level: "BEGINNER",
    author: "zhou",
    daysAgo: 7,
    learners: 9,
    reviews: 6,
    chapters: [
      {
        title: "安全用电",
        lessons: [
          {
            title: "触电急救：先断电，后施救",
            preview: true,
            body: md(
              "1. 立即拉闸断电；找不到开关时，用干燥木棒挑开电线，不能徒手拉人。",
              "2. 判断意识和呼吸，无呼吸立即拨打 120 并开始心肺复苏。",
              "3. 胸外按压：两乳头连线中点，深度 5～6 cm，频率 100～120 次/分。",
              "4. 按压 30 次、人工呼吸 2 次为一个循环，有 AED 尽快使用。",
            ),
          },
          {
            title: "安全电压与安全距离",
            body: md(
              "- 安全电压等级：42、36、24、12、6 V；潮湿场所、金属容器内用 12 V。",
              "- 10 kV 及以下设备不停电时的安全距离为 0.7 m。",
              "- 低压带电作业必须有人监护，使用绝缘工具，站在绝缘垫上。",
            ),
          },
        ],
      },
      {
        title: "保护与仪表",
        lessons: [
          {
            title: "TN-S 系统与漏电保护器",
            body: md(
              "- TN-S：工作零线 N 与保护线 PE 全程分开，PE 线黄绿双色，严禁接入开关或熔断器。",
              "- 手持电动工具、插座回路装 30 mA、0.1 s 的漏电保护器。",
              "- 漏电保护器每月按一次试验按钮，不动作要立即更换。",
            ),
          },
          {
            title: "万用表、钳形表和兆欧表",
            body: md(
              "- 万用表测电压前确认档位，**不能用电阻档或电流档测电压**。",
              "- 钳形表测电流时只钳一根导线，换档前先退出钳口。",
              "- 兆欧表（摇表）测绝缘前必须停电、验电、放电；500 V 以下设备用 500 V 兆欧表，绝缘电阻不低于 0.5 MΩ。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "motor-control-circuits",
    title: "电动机控制线路安装与排故",
    summary: "点动、自锁、正反转和星三角降压启动：读懂原理图，接线、通电试车、排查故障。",
    audience: "维修电工中级工，以及负责车间设备电气维护的电工。",
    trade: "maintenance-electrician",
    level: "INTERMEDIATE",
    author: "zhou",
    daysAgo: 25,
    learners: 6,
    reviews: 4,
    chapters: [
      {
        title: "基本线路",
        lessons: [
          {
            title: "自锁与点动",
            preview: true,
            body: md(
              "- 自锁：启动按钮 SB2 两端并联接触器 KM 的常开辅助触点，松开按钮后 KM 保持吸合。",
              "- 停止按钮 SB1 用常闭触点，串在控制回路最前面。",
              "- 热继电器 FR 的常闭触点串入控制回路，整定电流取电机额定电流的 0.95～1.05 倍。",
            ),
          },
          {
            title: "正反转与互锁",
            body: md(
              "两个接触器任意调换两相电源实现反转。必须有**电气互锁**（KM1、KM2 的常闭辅助触点互串），最好再加按钮机械互锁。",
              "",
              "没有互锁时两个接触器同时吸合会造成相间短路。",
            ),
          },
          {
            title: "星三角降压启动",
            body: md(
              "适用于正常运行为三角形接法、功率 7.5 kW 以上的电机。启动电流降为直接启动的 1/3。",
              "",
              "时间继电器整定：一般 4～8 s，以电机转速接近额定转速时切换为准。",
            ),
          },
        ],
      },
      {
        title: "排故",
        lessons: [
          {
            title: "电压测量法找故障",
            body: md(
              "1. 先看：熔断器、热继电器是否动作，有无烧焦痕迹。",
              "2. 通电状态下，万用表交流 500 V 档，从控制电源一端逐点测量。",
              "3. 电压突然消失的两点之间就是断路点。",
              "",
              "带电测量要单手操作、站在绝缘垫上，表笔不得同时碰两相。",
            ),
          },
          {
            title: "电阻测量法与验证",
            body: md(
              "停电、验电后用电阻档逐段测量，按下按钮时应导通。",
              "",
              "修复后先空载试车（不接电机），确认动作顺序正确再带负载。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "plc-basics-for-electricians",
    title: "维修电工 PLC 入门",
    summary: "把继电器控制改成 PLC：输入输出接线、梯形图基础指令和在线监控排故。",
    audience: "会接继电器线路，想转向自动化设备维护的电工。",
    trade: "electrician",
    level: "ADVANCED",
    author: "zhou",
    daysAgo: 80,
    learners: 5,
    reviews: 3,
    chapters: [
      {
        title: "硬件",
        lessons: [
          {
            title: "输入输出接线",
            preview: true,
            body: md(
              "- 输入：按钮、限位、传感器接 X 点，注意 NPN / PNP 型传感器与公共端的接法。",
              "- 输出：继电器输出可带交直流负载，单点一般不超过 2 A；晶体管输出只能带直流。",
              "- 停止按钮、急停在外部用常闭触点接入，程序里用常开触点判断，断线时也能停机。",
            ),
          },
          {
            title: "选型与电源接线",
            body: md(
              "- 点数：统计输入输出点，再留 15%～20% 余量。",
              "- 电源：AC 220 V 供电的 PLC，L、N 不能接反，PE 必须可靠接地。",
              "- 传感器用 PLC 自带的 DC 24 V 电源时，注意不要超过其额定电流（常见 400 mA）。",
              "- 控制柜里强电和信号线分槽走线，模拟量线用屏蔽线，屏蔽层单端接地。",
            ),
          },
        ],
      },
      {
        title: "编程与调试",
        lessons: [
          {
            title: "启保停与定时器",
            body: md(
              "启保停梯形图：X0（启动）与 Y0 自锁触点并联，串 X1（停止）的常开触点，输出 Y0。",
              "",
              "定时器 T0 K50 在 100 ms 时基下为 5 s。星三角切换常用两个定时器，中间留 0.3～0.5 s 的换接间隔防止短路。",
            ),
          },
          {
            title: "在线监控排故",
            body: md(
              "1. 在线监控看输入点是否亮：不亮查外部线路和传感器。",
              "2. 输入亮、输出不亮：查程序条件。",
              "3. 输出亮、设备不动：查输出回路、中间继电器和执行元件。",
              "",
              "修改程序前一定先上传备份，改动记入设备档案。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "high-voltage-switching-operation",
    title: "高压倒闸操作规范",
    summary: "10 kV 配电室的操作票、五防、停送电顺序与验电接地，一步不错的倒闸操作。",
    audience: "持高压电工证的值班电工和变配电运行人员。",
    trade: "high-voltage-electrician",
    level: "ADVANCED",
    author: "zhou",
    daysAgo: 110,
    learners: 3,
    reviews: 2,
    chapters: [
      {
        title: "操作前",
        lessons: [
          {
            title: "操作票与监护",
            preview: true,
            body: md(
              "- 倒闸操作必须填写操作票，由两人进行：一人操作，一人监护。",
              "- 操作前在模拟图板上预演，核对设备名称、编号和位置。",
              "- 执行时监护人唱票、操作人复诵，每项打“√”。",
            ),
          },
          {
            title: "五防",
            body: md(
              "1. 防止误分、误合断路器；",
              "2. 防止带负荷拉、合隔离开关；",
              "3. 防止带电挂（合）接地线（接地刀闸）；",
              "4. 防止带接地线（接地刀闸）合断路器；",
              "5. 防止误入带电间隔。",
            ),
          },
        ],
      },
      {
        title: "停送电",
        lessons: [
          {
            title: "停电顺序",
            body: md(
              "断路器 → 负荷侧隔离开关 → 电源侧隔离开关 → 验电 → 挂接地线 → 悬挂标示牌、装设遮栏。",
              "",
              "验电前先在有电设备上试验验电器是否良好；挂接地线先接接地端，后接导体端。",
            ),
          },
          {
            title: "送电顺序",
            body: md(
              "与停电相反：拆除接地线（先拆导体端，后拆接地端）→ 电源侧隔离开关 → 负荷侧隔离开关 → 断路器。",
              "",
              "送电后检查三相电压、电流是否平衡，做好记录。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "substation-patrol-inspection",
    title: "变电站巡视与缺陷识别",
    summary: "变压器、开关柜和电缆头的巡视项目，用红外测温发现发热缺陷。",
    audience: "变配电运行值班员和电力运维人员。",
    trade: "substation-operator",
    level: "INTERMEDIATE",
    author: "zhou",
    daysAgo: 160,
    learners: 3,
    reviews: 2,
    chapters: [
      {
        title: "巡视项目",
        lessons: [
          {
            title: "油浸变压器",
            preview: true,
            body: md(
              "- 上层油温一般不超过 85 ℃，温升不超过 55 K。",
              "- 油位与温度刻度相符，无渗漏油。",
              "- 声音均匀的“嗡嗡”声；出现“噼啪”放电声要立即汇报。",
              "- 呼吸器硅胶变色超过 2/3 应更换。",
            ),
          },
          {
            title: "开关柜与电缆头",
            body: md(
              "- 带电显示器指示正确，分合闸指示与实际一致。",
              "- 柜内无异味、无放电声，加热除湿装置正常。",
              "- 电缆头无流胶、无放电痕迹，接地良好。",
            ),
          },
        ],
      },
      {
        title: "红外测温",
        lessons: [
          {
            title: "发热缺陷的判断",
            body: md(
              "按相对温差判断：δ = (T热点 − T正常相) ÷ (T热点 − T环境) × 100%。",
              "",
              "- δ ≥ 35%：一般缺陷；",
              "- δ ≥ 80%：严重缺陷；",
              "- δ ≥ 95% 或热点温度超过 110 ℃：危急缺陷，立即汇报处理。",
            ),
          },
          {
            title: "巡视安全",
            body: md(
              "单人巡视不得进入遮栏、不得做任何操作。雷雨天巡视室外设备要穿绝缘靴，不得靠近避雷器和避雷针。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "elevator-routine-maintenance",
    title: "电梯日常维护保养",
    summary: "按《电梯维护保养规则》做半月保：机房、轿顶、底坑的检查项目与安全进出轿顶。",
    audience: "持证电梯安装维修工和物业电梯管理员。",
    trade: "elevator-installer-repairer",
    level: "INTERMEDIATE",
    author: "zhou",
    daysAgo: 45,
    learners: 4,
    reviews: 3,
    chapters: [
      {
        title: "安全作业",
        lessons: [
          {
            title: "进出轿顶的程序",
            preview: true,
            body: md(
              "1. 在基站和作业层放置“维修保养中”护栏和警示牌。",
              "2. 用三角钥匙开厅门，先试验门锁和急停：按急停后呼梯应不响应。",
              "3. 进入轿顶后先按下急停，再打开检修开关，最后复位急停，检修速度运行。",
              "4. 离开时顺序相反，确认电梯恢复正常运行。",
            ),
          },
          {
            title: "停电困人时的盘车放人",
            body: md(
              "1. 先安抚乘客：通过对讲告诉他们不要扒门，救援人员已到。",
              "2. 确认轿厢位置，**切断主电源**，挂牌上锁。",
              "3. 两人配合：一人松闸，一人盘车，点动松闸、缓慢移动，使轿厢到达平层区（门区标记）。",
              "4. 用三角钥匙打开层门和轿门，引导乘客离开，再关好层门。",
              "",
              "无机房电梯按厂家的紧急救援装置说明操作。",
            ),
          },
        ],
      },
      {
        title: "半月保项目",
        lessons: [
          {
            title: "机房与曳引机",
            body: md(
              "- 制动器动作灵活，制动衬与制动轮间隙 0.2～0.7 mm（以厂家要求为准）。",
              "- 曳引机无异响，减速箱油位正常、无渗漏。",
              "- 控制柜清洁，接触器、继电器触点无烧蚀。",
            ),
          },
          {
            title: "层门、轿门与底坑",
            body: md(
              "- 层门地坎清洁，门关闭后门扇之间、门扇与门套间隙不超过 6 mm。",
              "- 门锁啮合长度不小于 7 mm，门锁电气触点清洁。",
              "- 底坑急停有效，缓冲器无锈蚀，底坑无积水和杂物。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "residential-plumbing-wiring",
    title: "水电安装：住宅水电预埋与验收",
    summary: "开槽布管、线管和水管的规范、打压试验和绝缘测试，一套房子的水电走一遍。",
    audience: "家装和工程上的水电工、管道工。",
    trade: "pipefitter",
    level: "BEGINNER",
    author: "zhou",
    daysAgo: 20,
    learners: 7,
    reviews: 4,
    chapters: [
      {
        title: "电路",
        lessons: [
          {
            title: "线管与导线规格",
            preview: true,
            body: md(
              "- 照明 1.5 mm²、插座 2.5 mm²、空调和厨房 4 mm²，热水器 4～6 mm²。",
              "- 管内导线总截面不超过管内截面的 40%，强弱电分管、间距不小于 300 mm。",
              "- 线管转弯用弯簧煨弯，不能用直角弯头。",
            ),
          },
          {
            title: "绝缘测试",
            body: md(
              "穿线完成后用 500 V 兆欧表测量相线与零线、相线与地线之间的绝缘电阻，不低于 0.5 MΩ。",
              "",
              "同时检查插座接线“左零右火上接地”。",
            ),
          },
        ],
      },
      {
        title: "给水管",
        lessons: [
          {
            title: "PPR 管热熔",
            body: md(
              "- 热熔温度 260 ℃ 左右，20 mm 管加热约 5 s，25 mm 约 7 s。",
              "- 插入后 10 s 内不要转动，冷却前不要受力。",
              "- 冷热水管左热右冷、上热下冷，间距不小于 150 mm。",
            ),
          },
          {
            title: "打压试验",
            body: md(
              "试验压力为工作压力的 1.5 倍且不小于 0.6 MPa（家装常打到 0.8 MPa）。",
              "",
              "稳压 30 分钟压降不超过 0.05 MPa，同时逐个检查接头无渗漏。试验前关闭热水器等设备的进水阀。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "split-ac-installation-repair",
    title: "分体空调安装与检修",
    summary: "室外机安装、抽真空、加氟和常见故障判断，R32 冷媒的安全操作。",
    audience: "制冷空调安装维修工、售后服务师傅。",
    trade: "refrigeration-ac-technician",
    level: "INTERMEDIATE",
    author: "zhou",
    daysAgo: 180,
    learners: 4,
    reviews: 2,
    chapters: [
      {
        title: "安装",
        lessons: [
          {
            title: "高处安装室外机",
            preview: true,
            body: md(
              "- 高处作业系好安全带，挂点牢固且高挂低用。",
              "- 支架膨胀螺栓不少于 4 个，承重为机组重量的 4 倍以上。",
              "- 室外机四周留足散热空间，出风口前方 600 mm 内不得有遮挡。",
            ),
          },
          {
            title: "抽真空与检漏",
            body: md(
              "1. 连接真空泵到低压阀检修口，抽真空 15 分钟以上，压力表读数到 −0.1 MPa。",
              "2. 关闭阀门保压 5 分钟，指针不回升为合格。",
              "3. 打开高低压阀，用肥皂水检查各接头。",
            ),
          },
        ],
      },
      {
        title: "检修",
        lessons: [
          {
            title: "不制冷的排查思路",
            body: md(
              "- 测低压压力：R410A 制冷运行约 0.8～1.0 MPa，R32 相近；明显偏低多为缺冷媒或堵塞。",
              "- 测运行电流，与铭牌对比。",
              "- 看室外风机是否运转、冷凝器是否脏堵。",
            ),
          },
          {
            title: "R32 冷媒的安全",
            body: md(
              "R32 属于弱可燃冷媒：作业现场保持通风，禁止明火；焊接管路前必须先回收冷媒并用氮气吹扫。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "forklift-safe-driving",
    title: "叉车安全驾驶与日常点检",
    summary: "叉车司机的班前点检、起步叉取、坡道行驶和堆垛要领，远离翻车和撞人事故。",
    audience: "仓库、工厂的叉车司机，准备考 N1 叉车证的学员。",
    trade: "forklift-driver",
    level: "BEGINNER",
    author: "ma",
    daysAgo: 5,
    learners: 8,
    reviews: 5,
    chapters: [
      {
        title: "班前点检",
        lessons: [
          {
            title: "绕车一周：点检演示",
            video: true,
            preview: true,
            body: md(
              "视频演示的点检顺序：",
              "",
              "1. 轮胎：气压、割伤，实心胎磨损线。",
              "2. 货叉和链条：裂纹、变形，链条松紧一致。",
              "3. 液压：油位、管路有无渗漏。",
              "4. 制动、转向、喇叭、灯光、倒车蜂鸣器。",
              "5. 座椅安全带能正常锁止。",
            ),
          },
          {
            title: "点检发现问题怎么办",
            body: md(
              "任何一项不合格都**不能出车**：挂“禁止使用”牌，拔下钥匙，报告班长和维修。",
              "",
              "点检结果填写在点检表上，签名确认。",
            ),
          },
        ],
      },
      {
        title: "驾驶与作业",
        lessons: [
          {
            title: "叉取与行驶",
            body: md(
              "- 货叉插入托盘深度不少于货叉长度的 2/3，门架后倾后再起升。",
              "- 行驶时货叉离地 100～200 mm，厂区限速一般 5 km/h。",
              "- 货物挡住视线时倒车行驶，必要时请人指挥。",
              "- 严禁货叉上站人，严禁载人行驶。",
            ),
          },
          {
            title: "坡道与堆垛",
            body: md(
              "- 载货上坡正向行驶、下坡倒向行驶，坡道上不得转弯和横跨。",
              "- 堆垛时先对准位置、门架垂直，再缓慢下降货叉。",
              "- 万一侧翻：**不要跳车**，双手紧握方向盘，身体向翻倒的反方向倾斜。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "overhead-crane-operation",
    title: "桥式起重机（行车）操作",
    summary: "行车司机的“十不吊”、起吊三步法、防摇摆操作和交接班检查。",
    audience: "车间行车（天车）司机，持证的起重机械操作人员。",
    trade: "hoisting-loading-machinery-operator",
    level: "INTERMEDIATE",
    author: "ma",
    daysAgo: 35,
    learners: 6,
    reviews: 4,
    chapters: [
      {
        title: "安全规则",
        lessons: [
          {
            title: "十不吊",
            preview: true,
            body: md(
              "超载或重量不明不吊；指挥信号不明不吊；捆绑不牢不吊；吊物上有人或浮置物不吊；",
              "斜拉斜拽不吊；安全装置失灵不吊；光线阴暗看不清不吊；棱角物件无防护不吊；",
              "埋在地下的物件不吊；钢水包过满不吊。",
            ),
          },
          {
            title: "交接班检查",
            body: md(
              "- 空载试运行：大车、小车、起升各方向动作，检查制动器。",
              "- 上升限位器动作可靠。",
              "- 钢丝绳：一个捻距内断丝数超过总丝数 10% 应报废。",
              "- 吊钩：开口度比原尺寸增加 15% 或出现裂纹应报废。",
            ),
          },
        ],
      },
      {
        title: "操作技巧",
        lessons: [
          {
            title: "起吊三步法",
            body: md(
              "1. 吊钩对准重心，钢丝绳垂直，慢速收紧。",
              "2. 离地 100～200 mm 停住，检查制动、捆绑和平衡。",
              "3. 确认无误后再正常起升，高度高于途经障碍物 0.5 m 以上。",
            ),
          },
          {
            title: "稳钩：防止吊物摆动",
            body: md(
              "吊物向哪边摆，就顺着摆动方向短暂开动大车或小车“跟钩”，摆到最大幅度回摆时停车。",
              "",
              "起步和停车都要用低档过渡，不要直接打到高档或反向打车。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "crane-rigging-signals",
    title: "司索指挥：吊索具选用与指挥信号",
    summary: "钢丝绳和吊带的选用、吊点与夹角、国标手势和哨音信号。",
    audience: "建筑和工厂的信号司索工，吊装作业的班组长。",
    trade: "crane-signaler-rigger",
    level: "BEGINNER",
    author: "ma",
    daysAgo: 90,
    learners: 5,
    reviews: 3,
    chapters: [
      {
        title: "吊索具",
        lessons: [
          {
            title: "吊索夹角与受力",
            preview: true,
            body: md(
              "两肢吊索夹角越大，每肢受力越大：",
              "",
              "| 夹角 | 每肢受力（相对重量） |",
              "|---|---|",
              "| 0° | 0.50 |",
              "| 60° | 0.58 |",
              "| 90° | 0.71 |",
              "| 120° | 1.00 |",
              "",
              "吊索夹角一般不超过 90°，最大不得超过 120°。",
            ),
          },
          {
            title: "吊带与卸扣",
            body: md(
              "- 合成纤维吊带按颜色识别额定载荷（紫 1 t、绿 2 t、黄 3 t…），以标签为准。",
              "- 吊带遇棱角必须加护角；标签缺失不得使用。",
              "- 卸扣横向受力会大幅降低承载能力，销轴要拧到位。",
            ),
          },
        ],
      },
      {
        title: "指挥信号",
        lessons: [
          {
            title: "手势信号",
            body: md(
              "- **预备**：手臂伸直，置于头上方，五指自然伸开，手心朝前保持不动。",
              "- **吊钩上升**：小臂向侧上方伸直，五指自然伸开，高于肩部，以腕部为轴转动。",
              "- **吊钩下降**：手臂伸向侧前下方，与身体夹角约 30°，五指自然伸开，以腕部为轴转动。",
              "- **紧急停止**：两小臂水平置于胸前，五指伸开，手心朝下，同时水平挥向两侧。",
            ),
          },
          {
            title: "站位与哨音",
            body: md(
              "指挥人员站在司机能看见、自己能看清吊物的位置，不得站在吊物下方和死角。",
              "",
              "哨音：预备一长声，上升两短声，下降三短声，停止急促的长声。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "tower-crane-safe-operation",
    title: "塔式起重机司机安全操作",
    summary: "力矩限制器、起重特性表、大风天气和多塔作业的防碰撞。",
    audience: "持证塔吊司机，施工现场的设备管理人员。",
    trade: "tower-crane-operator",
    level: "ADVANCED",
    author: "ma",
    daysAgo: 130,
    learners: 3,
    reviews: 2,
    chapters: [
      {
        title: "起重性能",
        lessons: [
          {
            title: "看懂起重特性表",
            preview: true,
            body: md(
              "塔吊的额定起重量随幅度增大而减小：起重量 × 幅度 ≈ 额定起重力矩。",
              "",
              "吊物前先估重，对照特性表确认该幅度下的允许起重量，留出 10% 余量。",
            ),
          },
          {
            title: "安全装置",
            body: md(
              "- 起重量限制器、力矩限制器、高度限位、幅度限位、回转限位必须齐全有效。",
              "- **严禁** 用限位器代替正常停车，严禁短接安全装置。",
            ),
          },
        ],
      },
      {
        title: "特殊工况",
        lessons: [
          {
            title: "大风与雷雨",
            body: md(
              "- 风速超过 20 m/s（6 级以上）停止作业。",
              "- 停止作业后松开回转制动，让起重臂随风自由转动，吊钩升到最高位置。",
              "- 雷雨天气司机撤离驾驶室，切断总电源。",
            ),
          },
          {
            title: "多塔作业防碰撞",
            body: md(
              "- 低位塔吊的起重臂端部与高位塔吊塔身之间至少 2 m 距离。",
              "- 高位塔吊最低位置的部件与低位塔吊最高部件之间垂直距离不小于 2 m。",
              "- 交叉作业区域按约定先后顺序通行，用对讲机互相确认。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "industrial-boiler-operation",
    title: "工业锅炉司炉操作",
    summary: "燃气锅炉的启动前检查、点火升压、水位控制和紧急停炉，持证司炉工的日常。",
    audience: "工业锅炉司炉工（G1），以及锅炉房值班人员。",
    trade: "boiler-operator",
    level: "BEGINNER",
    author: "ma",
    daysAgo: 15,
    learners: 6,
    reviews: 3,
    chapters: [
      {
        title: "启动",
        lessons: [
          {
            title: "启动前检查",
            preview: true,
            body: md(
              "- 水位计清晰，水位在正常水位线附近。",
              "- 安全阀、压力表在检定有效期内。",
              "- 燃气管路无泄漏（用检漏仪或肥皂水），燃气压力正常。",
              "- 给水泵、软水设备运行正常，软水硬度 ≤ 0.03 mmol/L。",
            ),
          },
          {
            title: "点火与升压",
            body: md(
              "1. 先启动风机吹扫炉膛不少于 5 分钟，排除可燃气体。",
              "2. 小火点火，观察火焰稳定。",
              "3. 升压要缓慢：从冷炉到工作压力一般不少于 1～2 小时。",
              "4. 压力升到 0.05～0.1 MPa 时冲洗水位计，升到 0.2～0.3 MPa 时紧固人孔手孔螺栓。",
            ),
          },
        ],
      },
      {
        title: "运行与停炉",
        lessons: [
          {
            title: "水位的监视",
            body: md(
              "水位是锅炉安全的第一要务。每班至少冲洗水位计一次，两只水位计读数要一致。",
              "",
              "**严重缺水时严禁向锅炉进水**：应立即停炉，由有经验的人员判断后处理。",
            ),
          },
          {
            title: "紧急停炉的情况",
            body: md(
              "- 水位低于最低安全水位或看不见水位；",
              "- 安全阀全部失效，压力超过允许值；",
              "- 炉膛爆燃或受压元件鼓包、泄漏；",
              "- 燃气泄漏或燃烧设备损坏。",
              "",
              "紧急停炉：切断燃料，停止送风，保持引风，报告负责人。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "warehouse-inbound-stocktaking",
    title: "仓储管理：入库、盘点与先进先出",
    summary: "收货验收、货位编码、循环盘点和先进先出，把账实相符做成习惯。",
    audience: "仓管员、理货员和物流班组长。",
    trade: "warehouse-keeper",
    level: "BEGINNER",
    author: "ma",
    daysAgo: 65,
    learners: 5,
    reviews: 3,
    chapters: [
      {
        title: "入库",
        lessons: [
          {
            title: "收货验收",
            preview: true,
            body: md(
              "1. 核对送货单与采购单：品名、规格、数量。",
              "2. 检查外包装：破损、受潮要拍照并在单据上注明。",
              "3. 按规定比例抽检，需要质检的物料先放待检区。",
              "4. 系统收货后打印标签，贴在货物正面。",
            ),
          },
          {
            title: "货位编码",
            body: md(
              "常用“库区-货架-层-位”四段编码，如 A-03-2-05。",
              "",
              "重物放下层、常用品放靠近出口的黄金区，同一物料尽量集中存放。",
            ),
          },
        ],
      },
      {
        title: "在库",
        lessons: [
          {
            title: "循环盘点",
            body: md(
              "- 按 ABC 分类：A 类物料每月盘、B 类每季、C 类每半年。",
              "- 盘点时冻结该货位的出入库。",
              "- 差异先复盘，再查单据，找到原因后才能调账。",
            ),
          },
          {
            title: "先进先出",
            body: md(
              "- 货架“后进前出”：新货从后面补，旧货从前面拣。",
              "- 有保质期的物料按到期日（FEFO）出库。",
              "- 地堆货物标注入库日期，颜色标签按月轮换。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "measuring-tools-for-inspectors",
    title: "质检员常用量具：卡尺、千分尺与百分表",
    summary: "三种量具的读数、校零和使用误区，以及量具的日常保养与周期校准。",
    audience: "新入职的质检员、品检员，以及自检自己零件的操作工。",
    trade: "quality-inspector",
    level: "BEGINNER",
    author: "yang",
    daysAgo: 12,
    learners: 7,
    reviews: 5,
    chapters: [
      {
        title: "读数",
        lessons: [
          {
            title: "游标卡尺",
            preview: true,
            body: md(
              "- 分度值 0.02 mm：主尺读整毫米，游标上与主尺对齐的刻线数 × 0.02 为小数。",
              "- 使用前合拢量爪，检查零位和透光。",
              "- 测量时用力适中，量爪与被测面垂直；不要在工件转动时测量。",
            ),
          },
          {
            title: "外径千分尺",
            body: md(
              "- 分度值 0.01 mm：固定套管读 0.5 mm 刻线，微分筒读百分位。",
              "- 接近工件时改用测力装置（棘轮），听到“咔咔”两三声即可读数。",
              "- 常见错误：漏读 0.5 mm 刻线。",
            ),
          },
          {
            title: "百分表",
            body: md(
              "- 测头垂直于被测面，预压 0.2～0.5 mm 后转动表盘对零。",
              "- 用于测量径向跳动、平面度和找正。",
              "- 表杆不要受侧向力，不用时让测杆处于自由状态。",
            ),
          },
        ],
      },
      {
        title: "保养与校准",
        lessons: [
          {
            title: "量具的保养",
            body: md(
              "- 用完擦净，千分尺测量面之间留 0.1～0.2 mm 间隙存放。",
              "- 不与刀具、工件混放，不在磁性工作台上放置。",
              "- 按校准周期（一般 6～12 个月）送检，贴合格标签后方可使用。",
            ),
          },
          {
            title: "测量误差从哪里来",
            body: md(
              "- **温度**：钢件每米每度伸长约 0.0115 mm，刚加工完的热工件要冷却后再精测。",
              "- **测量力**：卡尺用力过大，量爪会变形，读数偏小。",
              "- **视差**：读数时视线要垂直于刻线。",
              "- **阿贝误差**：卡尺测量时被测尺寸不在主尺延长线上，量爪越长误差越大，精度要求高时改用千分尺。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "incoming-inspection-spc",
    title: "来料检验与 SPC 入门",
    summary: "抽样方案怎么定、不合格怎么判，再用控制图看出过程是否稳定。",
    audience: "IQC、IPQC 质检员和想做质量工程师的班组长。",
    trade: "quality-inspector",
    level: "INTERMEDIATE",
    author: "yang",
    daysAgo: 85,
    learners: 4,
    reviews: 2,
    chapters: [
      {
        title: "来料检验",
        lessons: [
          {
            title: "GB/T 2828.1 抽样方案",
            preview: true,
            body: md(
              "1. 确定批量和检验水平（一般用 II 级），查样本量字码。",
              "2. 按接收质量限 AQL（如 0.65、1.0、2.5）查出样本量 n 和接收数 Ac、拒收数 Re。",
              "3. 例：批量 1200，II 级得字码 J，样本量 80；AQL 1.0 时 Ac = 2，Re = 3。",
            ),
          },
          {
            title: "不合格品的处置",
            body: md(
              "- 判定不合格后标识、隔离，填写不合格报告。",
              "- 处置方式：退货、返工、挑选、让步接收（需技术和质量负责人签字）。",
              "- 让步接收不等于合格，要跟踪到使用工序。",
            ),
          },
        ],
      },
      {
        title: "SPC",
        lessons: [
          {
            title: "均值—极差控制图",
            body: md(
              "每次抽 5 件，计算均值 X̄ 和极差 R；收集 25 组以上数据计算控制限。",
              "",
              "判异规则（常用）：1 点出界；连续 7 点在中心线同侧；连续 6 点递增或递减。",
            ),
          },
          {
            title: "过程能力 Cpk",
            body: md(
              "Cpk = min(上限 − 均值, 均值 − 下限) ÷ 3σ。",
              "",
              "- Cpk ≥ 1.33：能力充足；",
              "- 1.0～1.33：尚可，需关注；",
              "- < 1.0：能力不足，需改进过程或加严检验。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "weld-ultrasonic-testing",
    title: "焊缝超声波探伤",
    summary: "A 型脉冲超声探伤仪的校准、DAC 曲线、扫查方式和缺陷评定。",
    audience: "持证无损检测人员，想了解探伤的焊接质量人员。",
    trade: "ndt-inspector",
    level: "ADVANCED",
    author: "yang",
    daysAgo: 100,
    learners: 2,
    reviews: 1,
    chapters: [
      {
        title: "准备",
        lessons: [
          {
            title: "探头与试块",
            preview: true,
            body: md(
              "- 板厚 8～25 mm 常用 K2（折射角约 63°）斜探头，频率 2.5～5 MHz。",
              "- 用 CSK-IA 试块测前沿、K 值，调整时基线。",
              "- 用 CSK-IIIA 或 RB 试块制作距离—波幅（DAC）曲线。",
            ),
          },
          {
            title: "表面准备与耦合",
            body: md(
              "探头移动区清除焊接飞溅、铁锈和油漆，表面粗糙度不大于 Ra 6.3。",
              "",
              "耦合剂常用机油或浆糊，曲面工件要修磨探头或做曲面修正。",
            ),
          },
        ],
      },
      {
        title: "扫查与评定",
        lessons: [
          {
            title: "锯齿形扫查",
            body: md(
              "探头在焊缝两侧做锯齿形移动，同时做 10°～15° 的左右转动，间距不超过晶片直径。",
              "",
              "发现反射波后用前后、左右、转角、环绕四种基本扫查判断缺陷形状。",
            ),
          },
          {
            title: "缺陷评定",
            body: md(
              "以 DAC 曲线区分：判废线以上为不合格；定量线与判废线之间按指示长度评级；评定线以下不记录。",
              "",
              "裂纹、未熔合类缺陷不论长度一律判不合格。评定依据以 NB/T 47013.3 等标准为准。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "car-maintenance-basics",
    title: "汽车保养：机油、滤清器与制动检查",
    summary: "小保养的标准流程：更换机油机滤、检查刹车片和制动液，交车前的复检。",
    audience: "汽修店学徒、汽车维修工初级。",
    trade: "auto-mechanic",
    level: "BEGINNER",
    author: "yang",
    daysAgo: 18,
    learners: 6,
    reviews: 4,
    chapters: [
      {
        title: "小保养",
        lessons: [
          {
            title: "举升车辆的安全",
            preview: true,
            body: md(
              "- 举升机托臂对准车辆指定支撑点（门槛下方的加强位置）。",
              "- 车轮离地 10～20 cm 时停住，摇晃车身确认稳定再继续举升。",
              "- 举升到位后落下安全锁，人员才能进入车底。",
            ),
          },
          {
            title: "更换机油和机滤",
            body: md(
              "1. 热车后熄火，拧下放油螺栓放尽旧机油。",
              "2. 更换放油螺栓垫片，按规定扭矩拧紧（常见 25～35 N·m）。",
              "3. 新机滤密封圈涂一层机油，手拧到位后再拧 3/4 圈。",
              "4. 按手册加注规定粘度和容量的机油，启动 1 分钟后熄火复查油尺。",
            ),
          },
        ],
      },
      {
        title: "制动检查",
        lessons: [
          {
            title: "刹车片与制动盘",
            body: md(
              "- 刹车片摩擦材料厚度小于 3 mm 必须更换。",
              "- 制动盘有明显沟槽、厚度低于最小厚度（刻在盘上）要更换。",
              "- 更换刹车片后原地踩几脚制动踏板，让活塞复位。",
            ),
          },
          {
            title: "制动液",
            body: md(
              "制动液吸水后沸点下降，一般 2 年或 4 万公里更换。用制动液检测笔测含水量，超过 3% 建议更换。",
              "",
              "制动液会腐蚀漆面，溅到车身要立即用水冲洗。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "auto-electrical-diagnosis",
    title: "汽车电路故障诊断",
    summary: "读懂电路图、用万用表测电压降，配合诊断仪读取故障码和数据流。",
    audience: "汽车电器维修工、综合维修技师。",
    trade: "auto-electrician",
    level: "INTERMEDIATE",
    author: "yang",
    daysAgo: 70,
    learners: 4,
    reviews: 2,
    chapters: [
      {
        title: "基本方法",
        lessons: [
          {
            title: "电压降测试",
            preview: true,
            body: md(
              "在电路**工作状态下**，测量导线或开关两端的电压差。",
              "",
              "- 一段导线的电压降一般不超过 0.2 V；",
              "- 一个接地点不超过 0.1 V。",
              "",
              "电压降测试能找出“电阻档测着是通的，但一带负载就不行”的虚接故障。",
            ),
          },
          {
            title: "读电路图",
            body: md(
              "从保险丝出发，顺着电流方向找到开关、负载，再到接地点。记住插接器编号和针脚号，对照车上的实物。",
            ),
          },
        ],
      },
      {
        title: "诊断仪",
        lessons: [
          {
            title: "故障码与数据流",
            body: md(
              "1. 读故障码，记录后再清除，观察是否再现。",
              "2. 看相关数据流：例如水温传感器冷车时应与环境温度接近。",
              "3. 故障码只说明“哪里报错”，不一定是零件坏，先查线路和插接器。",
            ),
          },
          {
            title: "蓄电池与启动系统",
            body: md(
              "- 静态电压 12.4 V 以上为电量充足。",
              "- 启动时电压不低于 9.6 V。",
              "- 拆装蓄电池：**先拆负极，后拆正极**；安装时相反。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "bricklaying-basics",
    title: "砌筑工：砖墙砌筑与质量控制",
    summary: "“三一”砌筑法、皮数杆与挂线、灰缝饱满度和常见质量问题。",
    audience: "建筑工地砌筑工（瓦工）和施工员。",
    trade: "bricklayer",
    level: "BEGINNER",
    author: "yang",
    daysAgo: 50,
    learners: 5,
    reviews: 3,
    chapters: [
      {
        title: "砌筑方法",
        lessons: [
          {
            title: "“三一”砌筑法",
            preview: true,
            body: md(
              "一铲灰、一块砖、一揉压。",
              "",
              "- 烧结砖提前 1～2 天浇水湿润，含水率 10%～15%。",
              "- 砂浆随拌随用，在 3 小时内用完（气温超过 30 ℃ 时 2 小时内）。",
            ),
          },
          {
            title: "皮数杆与挂线",
            body: md(
              "在墙角和交接处立皮数杆，标出每皮砖和灰缝的高度。",
              "",
              "一砖墙单面挂线，一砖半以上双面挂线。每砌一皮检查一次线绳是否被砖顶起。",
            ),
          },
        ],
      },
      {
        title: "质量控制",
        lessons: [
          {
            title: "灰缝与组砌",
            body: md(
              "- 水平灰缝厚度 8～12 mm，一般 10 mm。",
              "- 水平灰缝砂浆饱满度不低于 80%，用百格网检查。",
              "- 上下错缝，搭接长度不小于 1/4 砖长，严禁通缝。",
              "- 每日砌筑高度不超过 1.5 m。",
            ),
          },
          {
            title: "留槎与安全",
            body: md(
              "- 不能同时砌筑时留斜槎，斜槎长度不小于高度的 2/3。",
              "- 在脚手架上堆砖不超过 3 层，操作面不得站在墙顶上砌筑。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "rebar-binding-acceptance",
    title: "钢筋绑扎与隐蔽验收",
    summary: "梁板柱钢筋的绑扎顺序、搭接长度、保护层和隐蔽验收要点。",
    audience: "钢筋工、钢筋班组长和质检员。",
    trade: "rebar-worker",
    level: "INTERMEDIATE",
    author: "yang",
    daysAgo: 145,
    learners: 3,
    reviews: 2,
    chapters: [
      {
        title: "绑扎",
        lessons: [
          {
            title: "柱和梁的绑扎",
            preview: true,
            body: md(
              "- 柱箍筋弯钩叠合处沿柱四角交错布置，弯钩 135°，平直段不小于 10d。",
              "- 梁箍筋加密区长度按图纸和抗震等级确定，一般不小于 1.5 倍梁高且不小于 500 mm。",
              "- 绑扎丝头朝向构件内部。",
            ),
          },
          {
            title: "搭接与接头",
            body: md(
              "同一连接区段内，受拉钢筋搭接接头面积百分率：梁、板、墙不宜大于 25%，柱不宜大于 50%。",
              "",
              "直径 22 mm 以上钢筋优先采用机械连接或焊接。",
            ),
          },
        ],
      },
      {
        title: "验收",
        lessons: [
          {
            title: "保护层厚度",
            body: md(
              "一类环境下：板、墙 15 mm，梁、柱 20 mm（以设计为准）。",
              "",
              "垫块间距不大于 1 m，梅花形布置；严禁用碎石、短钢筋头代替垫块。",
            ),
          },
          {
            title: "隐蔽验收清单",
            body: md(
              "- 钢筋品种、规格、数量、间距；",
              "- 接头位置和数量；",
              "- 箍筋弯钩和加密区；",
              "- 预埋件和预留洞。",
              "",
              "验收合格签字后方可浇筑混凝土。",
            ),
          },
        ],
      },
    ],
  },
  {
    slug: "scaffolding-safety",
    title: "扣件式钢管脚手架搭设安全",
    summary: "立杆、横杆、剪刀撑和连墙件的构造要求，搭设拆除顺序与安全带使用。",
    audience: "架子工，以及负责脚手架验收的安全员。",
    trade: "scaffolder",
    level: "BEGINNER",
    author: "yang",
    daysAgo: 175,
    learners: 4,
    reviews: 2,
    chapters: [
      {
        title: "构造要求",
        lessons: [
          {
            title: "立杆与横杆",
            preview: true,
            body: md(
              "- 立杆纵距不大于 1.8 m，步距不大于 1.8 m。",
              "- 立杆底部设底座或垫板，离地 200 mm 内设纵横向扫地杆。",
              "- 立杆接长除顶层外必须对接，相邻接头不在同一步距内。",
            ),
          },
          {
            title: "剪刀撑与连墙件",
            body: md(
              "- 剪刀撑斜杆与地面夹角 45°～60°，连续设置。",
              "- 连墙件两步三跨设置，50 m 以上脚手架两步两跨。",
              "- 连墙件从底层第一步纵向水平杆处开始设置。",
            ),
          },
        ],
      },
      {
        title: "作业安全",
        lessons: [
          {
            title: "搭设与拆除顺序",
            body: md(
              "- 搭设随施工进度，一次搭设高度不超过相邻连墙件以上两步。",
              "- 拆除**由上而下逐层进行**，严禁上下同时作业；连墙件随脚手架逐层拆除。",
              "- 拆下的构件用绳索吊运，严禁抛掷。",
            ),
          },
          {
            title: "安全带与防护",
            body: md(
              "- 高处作业系挂安全带，高挂低用，挂在牢固的构件上。",
              "- 作业层满铺脚手板，外侧设 1.2 m 防护栏杆和 180 mm 挡脚板。",
              "- 六级以上大风、雷雨和大雾天气停止搭设和拆除。",
            ),
          },
        ],
      },
    ],
  },
];
