// The demo library a fresh Jiangxin starts with: the chapters the generated EPUBs are made of (real
// text about each trade: safety, tools, steps), ~30 books over more than ten trades, and a few
// periodicals with their issues. prisma/seed/books.ts turns these into files and rows.

export interface ChapterText {
  title: string;
  paragraphs: string[];
}

/** Chapters by subject; a book's EPUB is built from its subject's chapters. */
export type ContentKey = "welding" | "electrical" | "machining" | "construction" | "lifting" | "cooking" | "auto" | "safety";

export const CONTENT: Record<ContentKey, ChapterText[]> = {
  welding: [
    {
      title: "第一章 焊接作业安全总则",
      paragraphs: [
        "焊接是把两块金属通过加热、加压或两者并用，使它们在原子之间结合成一个整体的加工方法。电弧焊、气焊、气割在工厂、工地和维修现场都很常见。焊接作业同时存在触电、火灾、爆炸、灼烫、烟尘和弧光辐射等多种危险，所以国家把焊接与热切割作业列为特种作业，从业人员必须经过专门培训、考核合格并取得特种作业操作证，才能上岗操作。",
        "上岗之前，先要确认三件事：人、设备和环境。人，就是焊工本人持证上岗、精神状态良好、劳动防护用品穿戴齐全；设备，就是焊机外壳接地可靠、电缆绝缘完好、焊钳和接头没有破损；环境，就是作业点周围十米内没有易燃易爆物品，通风良好，消防器材放在伸手可及的位置。",
        "劳动防护用品是焊工的第一道防线。焊接面罩要选择合适遮光号的滤光片，手工电弧焊一般选用 10 到 12 号；焊工手套要用干燥的皮革手套，不能用线手套代替；工作服应当是阻燃材料，领口、袖口要扎紧，裤脚要盖住鞋面，口袋要有袋盖，防止焊渣掉进去烫伤皮肤；脚上穿绝缘、防砸的劳保鞋。",
        "焊接产生的弧光含有强烈的紫外线和红外线。紫外线会引起电光性眼炎，俗称“打眼”，一般在照射后几个小时发作，眼睛红肿、流泪、像进了沙子一样疼痛。红外线长期照射会损伤晶状体。因此，不但焊工本人要戴好面罩，在人员来往多的地方还应设置挡光屏，提醒旁人不要直视电弧。",
        "焊接烟尘中含有氧化铁、氧化锰、氟化物等有害物质，长期吸入可能导致焊工尘肺和锰中毒。在车间里要尽量使用局部排烟装置，让吸风口靠近焊接点；在容器、管道等狭小空间内焊接，必须强制通风，并安排专人在外面监护，严禁用纯氧通风换气。",
        "动火作业要办理动火许可。特别是在油罐、化工管道、粮仓等场所附近，必须先经过清洗、置换和可燃气体检测，确认合格并经批准后才能动火。作业结束后，还要在现场停留检查至少三十分钟，确认没有阴燃的火星，再离开现场。",
        "每一次事故背后，往往都有被忽视的小隐患。一根破皮的焊把线、一桶随手放在旁边的稀料、一次“就焊两下，不用办票”的侥幸，都可能酿成大祸。养成按规程操作的习惯，就是对自己和工友最好的保护。",
      ],
    },
    {
      title: "第二章 焊机、焊条与常用工具",
      paragraphs: [
        "手工电弧焊最常用的设备是弧焊电源，也就是大家说的电焊机。按输出电流分为交流焊机和直流焊机，现在工地上用得最多的是逆变直流焊机，体积小、重量轻、引弧容易、电弧稳定。焊机铭牌上标有额定输入电压、额定焊接电流和负载持续率，使用时焊接电流和连续工作时间都不能超过铭牌规定。",
        "负载持续率是一个容易被忽视的参数。比如铭牌写着“额定负载持续率 60%”，意思是在十分钟的周期里，焊机在额定电流下最多只能连续工作六分钟，其余时间要让它冷却。长时间大电流连续焊接，会使焊机过热、绝缘老化，甚至烧毁。",
        "焊条由焊芯和药皮组成。焊芯导电并熔化成为焊缝金属，药皮在高温下分解产生气体和熔渣，保护熔池不被空气侵入，还能稳定电弧、向焊缝过渡合金元素。常用的 E4303（J422）属于酸性焊条，工艺性好、对铁锈不敏感；E5015（J507）属于碱性低氢焊条，焊缝抗裂性好，常用于重要结构，但对水分很敏感。",
        "碱性焊条使用前必须烘干，一般在 350 摄氏度左右保温一小时，然后放进保温筒里随用随取。焊条受潮后焊接，焊缝容易出现气孔和氢致裂纹。焊条从保温筒里取出后，在空气中放置超过四小时，应重新烘干，但重复烘干一般不超过三次。",
        "焊工常用的辅助工具有：焊钳、面罩、敲渣锤、钢丝刷、角向磨光机、焊缝检验尺、直角尺和钢卷尺。焊钳要握持舒适、夹持牢固、绝缘良好；角向磨光机使用前要检查砂轮片有没有裂纹，安装好防护罩，打磨时人站在砂轮旋转方向的侧面。",
        "焊接电缆截面积要和焊接电流相匹配，长度一般不超过三十米，中间接头不宜超过两个，接头处要用专用的电缆接头连接并包好绝缘。电缆不能搭在钢丝绳、气瓶或其他金属结构上，更不能用厂房的钢结构、管道代替回线，否则电流可能通过意想不到的路径，引起火灾或触电。",
        "每天开工前，用两分钟做一次“点检”：看焊机外壳接地线是否牢固，摸电缆有没有发热破皮，听焊机风扇转动声音是否正常，闻一闻有没有绝缘烧焦的气味。发现问题及时报告电工处理，不要自己拆开焊机修理。",
      ],
    },
    {
      title: "第三章 引弧、运条与平焊操作步骤",
      paragraphs: [
        "焊接前的准备工作决定了一半的焊接质量。先按图纸要求检查坡口角度、钝边和间隙，把坡口两侧各二十毫米范围内的油污、铁锈、水分和氧化皮清理干净，直到露出金属光泽。然后进行定位焊，定位焊缝长度一般为十到十五毫米，间距根据板厚确定，定位焊的质量要求和正式焊缝相同。",
        "引弧有两种方法：划擦法和直击法。划擦法像划火柴一样，把焊条端头在焊件表面轻轻划过，引燃电弧后迅速把弧长控制在焊条直径左右，这种方法容易掌握，适合初学者；直击法是把焊条垂直于焊件轻轻碰击后立即提起，适合在狭小位置或不允许划伤工件表面的场合使用。",
        "需要注意的是，引弧应当在坡口内或将要焊接的部位进行，严禁在非焊接部位随意引弧。随意引弧留下的弧坑和淬硬组织，会成为应力集中点，重要结构上甚至可能成为裂纹源。",
        "运条包括三个基本动作：焊条沿轴线向熔池送进、沿焊接方向移动、在焊缝宽度方向横向摆动。送进速度要和焊条熔化速度一致，才能保持弧长稳定；移动速度决定焊缝的宽窄和高低；横向摆动用来控制焊缝宽度和两侧熔合。常见的摆动方式有直线形、锯齿形、月牙形和三角形。",
        "平焊是最基本、也是最容易掌握的焊接位置。焊条与焊接方向成七十到八十度夹角，与两侧工件表面保持垂直。焊接电流根据焊条直径选择，直径 3.2 毫米的焊条，平焊电流一般在 100 到 130 安培之间。电流过大，容易咬边、焊穿、飞溅大；电流过小，引弧困难、熔合不良、容易夹渣。",
        "多层多道焊时，每焊完一层都要把熔渣彻底清除干净，检查没有缺陷后再焊下一层。各层焊缝的接头要相互错开三十毫米以上。打底焊要保证根部焊透，填充焊要保持焊缝平整，盖面焊要控制焊缝余高和宽度，使焊缝与母材圆滑过渡。",
        "收弧时不能突然拉断电弧，否则会留下弧坑，弧坑处容易产生裂纹和缩孔。常用的收弧方法有划圈收弧法、反复断弧法和回焊收弧法。焊完以后，先清渣，再自检：看焊缝成形是否均匀，有没有咬边、气孔、裂纹和未焊满等缺陷。",
        "练习时可以准备几块 8 毫米厚的 Q235 钢板，先练习在板面上堆焊直线焊道，做到焊道宽窄一致、高低一致、直线度好；再练习 V 形坡口对接平焊。每焊完一块，都要把试板冷却后仔细观察，记下电流、速度和出现的问题，下一块有针对性地改进。",
      ],
    },
    {
      title: "第四章 常见焊接缺陷与预防",
      paragraphs: [
        "焊接缺陷会降低接头强度，引起应力集中，甚至导致结构破坏。常见的外部缺陷有咬边、焊瘤、弧坑、表面气孔和表面裂纹；常见的内部缺陷有未焊透、未熔合、夹渣、内部气孔和内部裂纹。外部缺陷靠目视和焊缝检验尺检查，内部缺陷要靠射线、超声等无损检测方法发现。",
        "咬边是沿焊趾在母材上形成的沟槽。主要原因是电流过大、电弧过长、焊条角度不对或运条速度不当。预防方法是选择合适的电流，保持短弧焊接，摆动到坡口边缘时稍作停留，让熔化金属填满边缘。",
        "气孔是熔池中的气体在金属凝固前没来得及逸出而留下的空穴。焊条受潮、坡口有油污铁锈、电弧过长、保护气体流量不足或被风吹散，都会产生气孔。预防的关键是“干、净、短”：焊条烘干、坡口清理干净、保持短弧，室外焊接要搭设防风棚。",
        "夹渣是残留在焊缝中的熔渣。多层焊时层间清渣不彻底、电流过小、运条不当使熔渣跑到熔池前面，都容易造成夹渣。每层焊完要用敲渣锤和钢丝刷仔细清理，特别是焊道与坡口交界的死角处。",
        "未焊透是指接头根部没有完全熔透。原因可能是坡口角度太小、钝边太厚、间隙太小，或者电流太小、焊速太快。对接焊缝打底时，要注意观察熔孔的大小，保持熔孔始终比装配间隙稍大一些，才能保证根部焊透。",
        "裂纹是最危险的焊接缺陷，因为它的尖端会在受力时不断扩展。热裂纹多在焊缝凝固过程中产生，与硫、磷等杂质有关；冷裂纹往往在焊后几小时甚至几天才出现，与焊缝中的氢、淬硬组织和拘束应力有关。对于厚板和高强钢，要按工艺要求预热、控制层间温度，焊后及时进行后热或消氢处理。",
        "发现缺陷不要急于盖住了事。超过标准允许范围的缺陷必须返修：先用碳弧气刨或砂轮把缺陷彻底清除，经检查确认清除干净后，再按原焊接工艺补焊。同一部位的返修次数一般不超过两次，超过时要经过技术负责人批准。",
      ],
    },
    {
      title: "第五章 焊后检查与现场收尾",
      paragraphs: [
        "焊接完成后的检查分为外观检查和内部检查。外观检查用肉眼或低倍放大镜进行，配合焊缝检验尺测量焊缝余高、宽度、咬边深度和角焊缝焊脚尺寸。焊缝表面不允许有裂纹、未熔合、夹渣和弧坑裂纹，咬边深度和长度要在标准规定的范围内。",
        "重要的焊缝还要做无损检测。射线检测能直观地显示气孔、夹渣等体积型缺陷；超声检测对裂纹、未熔合等面状缺陷更敏感；磁粉检测和渗透检测用于发现表面和近表面的细小裂纹。检测比例和合格级别按设计文件和相关标准执行。",
        "焊工要在自己焊接的焊缝附近做好标识，写明焊工代号，便于质量追溯。焊接记录要如实填写，包括焊接日期、焊材牌号和批号、焊接电流电压、预热温度和环境条件。这些记录是产品质量档案的一部分。",
        "收工时的顺序是：先切断焊机电源，再整理焊接电缆，把焊钳挂在绝缘的挂钩上；把没用完的焊条放回保温筒或焊材库；清理焊渣、焊条头和边角料；检查作业点及下方有没有残留火种，特别是缝隙、孔洞和可燃物附近。",
        "最后，认真回顾一天的工作：哪道焊缝成形最好，当时的参数是多少；哪道焊缝出了问题，原因是什么。好焊工不是一天练成的，是在一道道焊缝、一次次总结中磨出来的。手稳、心细、守规矩，是每一位焊工都应该具备的职业素养。",
      ],
    },
  ],
  electrical: [
    {
      title: "第一章 电气安全基本知识",
      paragraphs: [
        "电流通过人体会造成电击伤害。一般认为，交流 30 毫安以上的电流通过人体，就可能有生命危险。人体电阻随皮肤干湿程度变化很大，手上有汗或者站在潮湿地面上时，电阻明显下降，同样的电压下流过人体的电流就更大，所以潮湿环境要使用更低的安全电压。",
        "安全电压是指不会使人直接致死或致残的电压。我国规定的安全电压额定值等级为 42、36、24、12 和 6 伏。在金属容器内、隧道里等特别潮湿或狭窄的场所，手持照明灯应使用 12 伏安全电压。",
        "电工作业必须持有特种作业操作证。停电检修要严格执行“停电、验电、装设接地线、悬挂标示牌和装设遮栏”的安全技术措施，缺一不可。任何时候都不能凭感觉判断线路有没有电，必须用合格的验电器在检修设备进出线两侧逐相验电。",
        "“谁停电谁送电”是必须遵守的规矩。检修完毕，要清点人员和工具，拆除临时接地线，确认所有人员已经离开设备，再按操作票顺序送电。严禁约时停送电。",
      ],
    },
    {
      title: "第二章 常用电工工具与仪表",
      paragraphs: [
        "电工常用工具包括验电笔、螺丝刀、钢丝钳、尖嘴钳、斜口钳、剥线钳和电工刀。带绝缘柄的工具要定期检查，绝缘层破损的工具不得在带电作业中使用。验电笔使用前要先在确认有电的设备上试一下，确认验电笔本身是好的。",
        "万用表可以测量电压、电流和电阻。测量前要先选对挡位和量程，不知道被测值大小时从最大量程开始；测量电阻前必须断开电源；测完后把转换开关拨到交流电压最高挡或关闭挡，防止下次误用烧坏表。",
        "钳形电流表能在不断开电路的情况下测量电流，使用方便。测量时只能钳住一根导线，钳口要闭合严密。兆欧表用来测量绝缘电阻，测量前必须切断被测设备电源并充分放电，测量后也要对设备放电。",
        "仪表要定期送检，超过检定有效期的仪表不能使用。平时要注意防潮、防震，不用时放在干燥的工具箱里。",
      ],
    },
    {
      title: "第三章 低压配电线路的安装",
      paragraphs: [
        "导线截面的选择要满足发热条件、电压损失和机械强度的要求。铜芯导线载流量比同截面铝芯导线大，在家庭和小型厂房中普遍采用铜芯线。导线颜色要统一：相线用黄、绿、红三色，中性线用淡蓝色，保护接地线用绿黄双色，严禁混用。",
        "导线连接是线路故障的高发部位。连接要做到接触紧密、牢固可靠、绝缘恢复良好。铜铝导线不能直接绞接，要使用铜铝过渡接头。接线端子要压接牢固，压接后用手拉一拉，检查是否松动。",
        "配电箱内的开关、漏电保护器要标明所控制的回路。漏电保护器安装后要按试验按钮检验动作是否可靠，以后每月至少试验一次。发现漏电保护器频繁跳闸，要查明原因，绝不能把它短接或拆除。",
        "线路安装完成后，用兆欧表测量各回路的绝缘电阻，低压线路一般不低于 0.5 兆欧。确认合格，再通电试运行，检查各回路电压、负荷电流和设备运转情况。",
      ],
    },
    {
      title: "第四章 电气火灾的预防与触电急救",
      paragraphs: [
        "电气火灾多由短路、过载、接触不良和漏电引起。导线长期过载会使绝缘老化变脆；接头松动会使接触电阻增大，局部发热甚至打火。定期用红外测温仪检查配电柜接头温度，是发现隐患的好办法。",
        "电气设备着火时，要先切断电源，再灭火。带电灭火只能使用干粉、二氧化碳等不导电的灭火器，不能用水或泡沫灭火器。",
        "发现有人触电，首先要使触电者尽快脱离电源：就近拉下开关、拔掉插头，或者用干燥的木棒、绝缘物挑开电线。救护人不能直接用手拉触电者。",
        "触电者脱离电源后，如果没有呼吸、没有脉搏，要立即拨打急救电话，并马上进行心肺复苏：胸外按压每分钟 100 到 120 次，按压深度 5 到 6 厘米，每按压 30 次做 2 次人工呼吸，坚持到医护人员到达。",
      ],
    },
  ],
  machining: [
    {
      title: "第一章 车间安全与机床操作规矩",
      paragraphs: [
        "机械加工车间最常见的伤害是绞伤、切伤和飞屑伤眼。操作机床时必须穿紧身工作服，袖口扎紧，长发盘进工作帽里；严禁戴手套操作旋转的机床，手套一旦被卷入，手也会跟着被卷进去。",
        "开机前要检查机床防护罩、限位装置和急停按钮是否完好，各手柄是否在正确位置。卡盘扳手用完必须立即取下，这是车工的“铁律”，扳手留在卡盘上开机，会被高速甩出伤人。",
        "工件和刀具要装夹牢固。测量工件、清理切屑、调整刀具都必须停机进行，清理切屑要用钩子和刷子，不能用手直接抓，也不能用嘴吹。",
        "多人在同一台机床旁工作时，要明确由一人负责开停机，开机前先喊一声，确认旁边没有人处在危险位置。",
      ],
    },
    {
      title: "第二章 量具的正确使用",
      paragraphs: [
        "游标卡尺、千分尺和百分表是机加工最常用的量具。使用游标卡尺前，先把测量爪擦干净，合拢检查零位是否对齐。测量时卡尺要放正，测量力适中，读数时视线要垂直于刻线。",
        "千分尺的精度可以达到 0.01 毫米。测量时先旋转微分筒使测微螺杆接近工件，再转动测力装置（棘轮），听到“咔咔”声后读数，这样测量力一致，结果准确。",
        "量具要轻拿轻放，不能和刀具、工件混放在一起，更不能当锤子或撬棍使用。用完擦拭干净，涂上防锈油，放回量具盒。",
        "量具要定期检定。每次开工前，用标准量块或校对棒校一下零位，可以避免整批零件报废。",
      ],
    },
    {
      title: "第三章 车削加工基本步骤",
      paragraphs: [
        "车削前要看懂图纸，明确零件的材料、尺寸公差、形位公差和表面粗糙度要求，然后确定装夹方式、加工顺序和切削用量。一般按照“先粗后精、先主后次、先面后孔”的原则安排工序。",
        "车刀的安装高度要和工件中心等高，刀杆伸出长度一般不超过刀杆厚度的一点五倍。刀尖高于或低于中心，会改变实际前角和后角，影响切削和表面质量。",
        "切削用量包括切削速度、进给量和背吃刀量。粗车时以提高效率为主，选较大的背吃刀量和进给量；精车时以保证精度和表面粗糙度为主，选较小的进给量和较高的切削速度。",
        "加工中要经常测量，接近尺寸时要少切多量。精车完成后去除毛刺，按图纸逐项检验，合格后做好标识，轻放在工件架上。",
      ],
    },
    {
      title: "第四章 数控机床操作入门",
      paragraphs: [
        "数控机床按程序自动加工，精度高、一致性好。操作数控机床前，要熟悉机床的操作面板、坐标系和常用指令，比如 G00 快速定位、G01 直线插补、G02 和 G03 圆弧插补。",
        "新程序必须先校验：在机床上用空运行或图形模拟检查刀具轨迹，确认没有撞刀风险。首件加工时用单段方式运行，并把快速倍率调低，手放在急停按钮附近。",
        "对刀是数控加工的关键步骤，对刀数据输错一个小数点，就可能撞坏刀具甚至主轴。每把刀对完后，都要核对刀补值，必要时试切验证。",
        "加工过程中不能离开机床，要注意观察切削声音、切屑形状和冷却液情况，发现异常立即按暂停或急停。",
      ],
    },
  ],
  construction: [
    {
      title: "第一章 施工现场安全常识",
      paragraphs: [
        "进入施工现场必须正确佩戴安全帽，系好下颏带。安全帽受过重击或出现裂纹，即使外表看起来完好，也要立即更换。",
        "高处作业是指在坠落高度基准面两米以上有可能坠落的高处进行的作业。高处作业必须系好安全带，安全带要高挂低用，挂在牢固可靠的构件上。",
        "施工现场的“四口五临边”必须做好防护：楼梯口、电梯井口、预留洞口、通道口要设置盖板或防护栏；楼层、屋面、阳台、基坑等临边要设置防护栏杆和挡脚板。",
        "不要在吊物下方停留或通过，不要随意拆除脚手架连墙件、防护栏杆和安全网。发现隐患及时报告班组长。",
      ],
    },
    {
      title: "第二章 砌筑施工工艺",
      paragraphs: [
        "砌筑前要弹好墙身轴线和边线，立好皮数杆，皮数杆上标明每皮砖的高度、门窗洞口和过梁的位置。砖要提前一天浇水湿润，含水率控制在百分之十到十五。",
        "砌筑砂浆要随拌随用，一般应在拌成后三小时内用完。砌砖时采用“三一”砌筑法：一铲灰、一块砖、一揉压，使砂浆饱满。水平灰缝砂浆饱满度不低于百分之八十。",
        "砖墙的转角处和交接处应同时砌筑，不能同时砌筑时要留斜槎，斜槎水平投影长度不小于高度的三分之二。每天砌筑高度不宜超过一点五米。",
        "砌完一段要用靠尺检查墙面平整度和垂直度，发现偏差及时纠正，砂浆凝固后再纠正就会破坏砌体的粘结。",
      ],
    },
    {
      title: "第三章 钢筋与混凝土施工要点",
      paragraphs: [
        "钢筋进场要检查合格证和复试报告，按规格分类堆放并挂牌标识。钢筋加工要按配料单进行，弯钩角度和平直段长度要符合设计和规范要求。",
        "钢筋绑扎完成后要检查钢筋的品种、规格、数量、间距和保护层厚度，垫块要按规定间距放置。隐蔽工程验收合格后，才能浇筑混凝土。",
        "混凝土浇筑要连续进行，分层振捣。振动棒要快插慢拔，插点均匀，振捣到表面泛浆、不再冒气泡为止，避免漏振和过振。",
        "浇筑完成后十二小时内要开始养护，普通混凝土浇水养护不少于七天。养护做不好，混凝土容易开裂，强度也达不到要求。",
      ],
    },
    {
      title: "第四章 脚手架搭设与检查",
      paragraphs: [
        "脚手架搭设人员必须持证上岗。搭设前要对钢管、扣件进行检查，有裂纹、严重锈蚀或变形的不能使用。",
        "立杆底部要设置底座或垫板，地基要平整坚实、排水畅通。纵向和横向扫地杆要按规定设置，连墙件要随架体升高及时设置。",
        "作业层脚手板要铺满铺稳，外侧设置挡脚板和防护栏杆，并挂设密目安全网。脚手架上堆放材料不能超过设计荷载。",
        "大风、大雨后和停用超过一个月重新使用前，要对脚手架进行全面检查，确认安全后再使用。",
      ],
    },
  ],
  lifting: [
    {
      title: "第一章 叉车与起重作业安全规定",
      paragraphs: [
        "叉车、起重机械属于特种设备，司机和司索指挥人员必须取得相应的操作证书。叉车每班作业前要进行检查：轮胎气压、制动、转向、喇叭、灯光、货叉和链条是否正常，液压系统有没有渗漏。",
        "叉车行驶时货叉离地高度一般为十五到二十厘米，门架后倾。严禁货叉上站人，严禁超载，严禁高速急转弯。下坡时要倒车慢行，视线被货物挡住时也要倒车行驶。",
        "起重作业要坚持“十不吊”：超载不吊、指挥信号不明不吊、捆绑不牢不吊、吊物上站人不吊、安全装置失灵不吊、光线阴暗看不清不吊、斜拉斜牵不吊、棱角物件没有垫好不吊、埋在地下的物件不吊、六级以上大风露天不吊。",
        "吊运过程中，任何人都不能在吊物下方停留或通过。司机只听一个人的指挥，但任何人发出的紧急停止信号都必须立即执行。",
      ],
    },
    {
      title: "第二章 货物的装卸与堆码",
      paragraphs: [
        "叉取货物时，货叉要尽量插到底，两叉间距根据货物宽度调整，使货物重心位于两叉中间。货物起升离地后，先停一下，确认平稳再行驶。",
        "堆码要遵守“上轻下重、上小下大”的原则，堆码高度要符合仓库规定，货垛之间留出通道和消防间距。托盘破损的不能使用。",
        "易燃、易爆、有毒物品要按规定分区存放，装卸时轻拿轻放，严禁撞击和摔扔。",
        "作业结束后，叉车要停放在指定位置，货叉落地，拉紧手刹，关闭电源，拔下钥匙。",
      ],
    },
    {
      title: "第三章 吊索具的检查与使用",
      paragraphs: [
        "钢丝绳在一个捻距内断丝数达到报废标准、出现断股、严重锈蚀、压扁或扭结时，必须报废。吊带出现割伤、烧伤、缝线断裂时也要停止使用。",
        "吊索与水平面的夹角不宜小于四十五度，夹角越小，吊索受力越大。吊物有棱角时，要在吊索和棱角之间加垫保护。",
        "卸扣、吊钩要定期检查，吊钩出现裂纹或危险断面磨损超过百分之十时应报废，严禁焊补。",
        "吊索具要有专人管理，用完挂放在干燥通风的地方，避免和酸碱等腐蚀性物品接触。",
      ],
    },
    {
      title: "第四章 指挥信号与紧急处置",
      paragraphs: [
        "起重指挥使用国家标准规定的手势信号、旗语信号和音响信号。指挥人员要站在司机能清楚看到、又能看清吊物全过程的安全位置。",
        "多台起重机联合作业时，要统一指挥，明确每台设备的载荷分配，动作要协调一致。",
        "作业中突然停电，司机要把所有控制器拨回零位，断开总电源；吊物悬在空中时，要设置警戒区，禁止人员进入。",
        "发生事故时，首先停止作业、保护现场、救护伤员，并立即报告。事后要查清原因，落实整改措施。",
      ],
    },
  ],
  cooking: [
    {
      title: "第一章 厨房安全与食品卫生",
      paragraphs: [
        "厨房是火、电、燃气、刀具和热油集中的地方。上岗前要穿戴干净的工作服、工作帽和防滑鞋，头发全部收进帽子里，不留长指甲，不戴戒指手镯。",
        "燃气灶点火要遵循“先点火、后开气”的顺序。闻到燃气味时，严禁开关电器、严禁点火，要立即关闭总阀，打开门窗通风，到室外报告。",
        "油锅起火时，不能用水浇，要迅速关火，用锅盖盖住或用灭火毯覆盖。厨房要配备灭火毯和干粉灭火器，每个员工都要会用。",
        "生熟分开是防止食物中毒最重要的一条：生熟食品的刀、砧板、容器、冰箱要分开使用，并有明显标识。",
      ],
    },
    {
      title: "第二章 刀工与原料初加工",
      paragraphs: [
        "刀工是烹调的基本功。常用的刀法有直刀法、平刀法、斜刀法和剞刀法。切丝、切片要做到粗细均匀、厚薄一致，这样成菜才能受热均匀、口感一致。",
        "用刀时要精神集中，左手手指弯曲，用中指第一关节抵住刀面，刀刃不能高过手指关节。刀要放在砧板中间，刀刃向内，不能把刀放在砧板边缘或者水池里。",
        "蔬菜要先洗后切，减少营养流失；肉类解冻最好在冷藏室里缓慢进行，不要在室温下长时间放置。",
        "原料初加工后要及时冷藏，做好日期标签，坚持先进先出。",
      ],
    },
    {
      title: "第三章 火候与烹调方法",
      paragraphs: [
        "火候是指烹调时火力的大小和加热时间的长短。爆、炒、熘需要旺火速成，保持原料脆嫩；炖、焖、煨需要小火长时间加热，使原料酥烂入味。",
        "炒菜前要热锅凉油，防止粘锅。下料的顺序要根据原料成熟的难易程度安排，难熟的先下，易熟的后下。",
        "调味要掌握“先少后多、逐步调整”的原则。盐、糖、酱油的用量要准确，同一道菜每次出品的口味应当一致，这也是标准化厨房的要求。",
        "菜肴出锅后要尽快上桌，热菜中心温度应保持在六十摄氏度以上。",
      ],
    },
    {
      title: "第四章 收档与清洁消毒",
      paragraphs: [
        "每餐结束后要及时收档：剩余原料分类密封冷藏，灶台、操作台、地面清洗干净，排烟罩的油污定期清理，防止油垢起火。",
        "餐具消毒首选热力消毒，煮沸或蒸汽消毒十分钟以上；使用化学消毒剂要按说明配比浓度，浸泡后用清水冲净。",
        "下班前检查燃气阀门、电源开关、冰箱温度和门窗，确认安全后再离开。",
        "厨房员工每年要进行健康检查，取得健康证明后才能上岗。",
      ],
    },
  ],
  auto: [
    {
      title: "第一章 汽车维修车间安全",
      paragraphs: [
        "在举升机下作业前，要确认车辆支撑点放置正确，举升到位后锁止保险装置。只用千斤顶顶起的车辆下方严禁钻人，必须用安全支架支撑。",
        "发动机运转时，要注意风扇、皮带等旋转部件，不要穿宽松衣服，不要把手伸进去。发动机刚熄火时冷却液温度很高，严禁立即打开散热器盖。",
        "车间内要保持通风，发动机在室内运转时要连接尾气抽排装置，防止一氧化碳中毒。",
        "废机油、废电池、废冷却液属于危险废物，要分类收集，交给有资质的单位处理，不能随意倾倒。",
      ],
    },
    {
      title: "第二章 常用工具与检测设备",
      paragraphs: [
        "汽车维修常用工具有套筒扳手、梅花扳手、扭力扳手、螺丝刀、钳子和拉马。拆装螺栓时优先使用套筒和梅花扳手，开口扳手容易滑脱损坏螺栓棱角。",
        "重要部位的螺栓，例如缸盖螺栓、轮毂螺母、连杆螺栓，必须用扭力扳手按维修手册规定的力矩和顺序拧紧。",
        "故障诊断仪可以读取故障码和数据流。读到故障码后不要急着换件，要结合数据流和实际检查，找到真正的故障原因。",
        "万用表、示波器用于检查电路。测量前要弄清电路图，避免误接造成元件损坏。",
      ],
    },
    {
      title: "第三章 日常保养作业步骤",
      paragraphs: [
        "更换机油和机油滤清器是最常见的保养项目。先让发动机运转到正常温度再熄火，这样机油流动性好，放得更干净。拧下放油螺栓时注意热油烫手。",
        "安装新机油滤清器前，在密封圈上涂一层干净的机油，用手拧紧后再按规定拧四分之三圈左右。加注机油后启动发动机，检查有无渗漏，熄火几分钟后复查油位。",
        "检查轮胎时，要看胎压、花纹深度和有没有鼓包、割伤。花纹深度低于一点六毫米必须更换。",
        "保养完成后要填写保养记录，并提醒车主下次保养的里程和时间。",
      ],
    },
    {
      title: "第四章 制动系统检查",
      paragraphs: [
        "制动系统关系到行车安全，任何异常都不能放过。检查时看制动液液位和颜色，检查制动管路有无渗漏、老化。",
        "拆卸制动片后要测量厚度，低于厂家规定的极限值必须更换。制动盘要检查有无沟槽、裂纹和过度磨损。",
        "更换制动液或维修液压系统后，必须按规定顺序排出系统中的空气，一般从离制动主缸最远的车轮开始。",
        "维修完成后要进行路试，确认制动有力、不跑偏、无异响。",
      ],
    },
  ],
  safety: [
    {
      title: "第一章 安全生产法律常识",
      paragraphs: [
        "《中华人民共和国安全生产法》规定，从业人员有获得安全生产教育和培训的权利，有了解作业场所危险因素和防范措施的权利，有对违章指挥、强令冒险作业的拒绝权，发现直接危及人身安全的紧急情况时，有停止作业或者在采取可能的应急措施后撤离作业场所的权利。",
        "同时，从业人员也有相应的义务：遵守安全生产规章制度和操作规程，正确佩戴和使用劳动防护用品，接受安全生产教育和培训，发现事故隐患及时报告。",
        "新员工上岗前要接受厂级、车间级和班组级三级安全教育。换岗、离岗六个月以上重新上岗，以及采用新工艺、新技术、新设备时，都要重新进行培训。",
        "每一位员工都是安全生产的第一责任人。不伤害自己、不伤害他人、不被他人伤害、保护他人不受伤害，这“四不伤害”要记在心里、落在行动上。",
      ],
    },
    {
      title: "第二章 劳动防护用品的选用",
      paragraphs: [
        "劳动防护用品是保护劳动者的最后一道防线。要根据岗位危害选用：有粉尘的岗位戴防尘口罩，有噪声的岗位戴耳塞或耳罩，有化学品飞溅风险的岗位戴防护眼镜和面屏。",
        "防尘口罩要贴合面部，戴好后做气密性检查：双手捂住口罩快速吸气，口罩应向内凹陷，没有漏气的感觉。",
        "耳塞要搓细后塞入耳道，等它膨胀贴合。只有全程佩戴才有效果，噪声环境中摘下几分钟，听力保护效果就会大打折扣。",
        "防护用品要定期检查和更换，过期、破损的不能继续使用。",
      ],
    },
    {
      title: "第三章 危险化学品与有限空间",
      paragraphs: [
        "使用化学品前，先阅读安全技术说明书，了解它的危险性、防护措施和急救方法。化学品容器必须有清晰的标签，不能用饮料瓶装化学品。",
        "有限空间是指封闭或部分封闭、进出口受限、未被设计为固定工作场所的空间，比如储罐、地窖、污水井和管道。有限空间作业必须坚持“先通风、再检测、后作业”。",
        "进入有限空间前，要检测氧含量和有毒有害气体浓度，作业过程中持续监测。外面必须有人监护，并准备好救援设备。",
        "有限空间事故中，盲目施救造成的伤亡往往超过最初的事故。发现有人晕倒，要立即报告并呼叫救援，施救人员必须佩戴正压式空气呼吸器。",
      ],
    },
    {
      title: "第四章 隐患排查与应急处置",
      paragraphs: [
        "隐患排查要做到全员参与、全过程覆盖。班前检查、班中巡查、班后复查，发现的隐患要登记、整改、复查，形成闭环。",
        "每个岗位都应当有应急处置卡，写明可能发生的事故、处置步骤和报告电话。员工要熟悉本岗位的应急处置卡，参加应急演练。",
        "发生火灾时，要沿着疏散指示标志撤离，用湿毛巾捂住口鼻，低姿前进，不要乘坐电梯。",
        "受伤后，不论伤势轻重，都要及时报告。小伤口也可能感染，及时处理、如实记录，才能保护自己的权益。",
      ],
    },
  ],
};

export interface BookSeed {
  /** Fixed ids for the end-to-end tests; the others get generated ids. */
  id?: string;
  title: string;
  authors: string[];
  publisher: string;
  /** 12 digits: the seed adds the check digit (a plausible ISBN-13). Omitted for books without one. */
  isbn12?: string;
  description: string;
  trade: string;
  language: "zh-CN" | "en";
  format: "EPUB" | "PDF";
  /** EPUB: whose chapters the book is made of. PDF books are English handbooks (see PDF_CONTENT). */
  content: ContentKey;
  daysAgo: number;
  readCount: number;
}

export const DEMO_EPUB_ID = "demo-epub-welding";
export const DEMO_PDF_ID = "demo-pdf-electrical";

export const BOOKS: BookSeed[] = [
  { id: DEMO_EPUB_ID, title: "焊工安全操作与平焊入门", authors: ["高建国", "刘明"], publisher: "中国劳动社会保障出版社", isbn12: "978751672301", description: "从焊接作业安全讲起，介绍焊机与焊条的选用、引弧与运条的基本功、平焊操作步骤、常见焊接缺陷的成因与预防，以及焊后检查和现场收尾。适合初学焊工和准备考取焊接与热切割作业证的读者。", trade: "welder", language: "zh-CN", format: "EPUB", content: "welding", daysAgo: 12, readCount: 486 },
  { id: DEMO_PDF_ID, title: "Electrical Safety Basics for Site Electricians", authors: ["Li Wei", "Mark Evans"], publisher: "China Machine Press", isbn12: "978711167012", description: "A short English handbook on lock-out, voltage testing, earthing and first aid for electricians on construction and factory sites.", trade: "electrician", language: "en", format: "PDF", content: "electrical", daysAgo: 20, readCount: 173 },
  { title: "电焊工（初级）", authors: ["人力资源社会保障部教材办公室"], publisher: "中国劳动社会保障出版社", isbn12: "978751670841", description: "国家职业技能等级认定培训教材。内容包括焊接基础知识、焊条电弧焊、焊接安全与质量检验。", trade: "electric-welder", language: "zh-CN", format: "EPUB", content: "welding", daysAgo: 40, readCount: 352 },
  { title: "气焊与气割实用技术", authors: ["王立新"], publisher: "化学工业出版社", isbn12: "978712238654", description: "讲解氧乙炔火焰的调节、气瓶与减压器的安全使用、气割工艺参数和回火防止措施。", trade: "gas-cutter", language: "zh-CN", format: "EPUB", content: "welding", daysAgo: 95, readCount: 128 },
  { title: "焊接缺陷分析与返修", authors: ["周志强", "陈红"], publisher: "机械工业出版社", isbn12: "978711169230", description: "以大量现场案例说明气孔、夹渣、未焊透、裂纹等缺陷的成因、检测与返修工艺。", trade: "welder", language: "zh-CN", format: "EPUB", content: "welding", daysAgo: 150, readCount: 214 },
  { title: "低压电工作业（特种作业人员培训教材）", authors: ["应急管理部培训中心"], publisher: "应急管理出版社", isbn12: "978750208899", description: "低压电工特种作业操作证考前培训用书：电气安全基础、电工仪表、低压电器、线路安装和触电急救。", trade: "low-voltage-electrician", language: "zh-CN", format: "EPUB", content: "electrical", daysAgo: 30, readCount: 402 },
  { title: "维修电工技能训练", authors: ["孙海燕"], publisher: "机械工业出版社", isbn12: "978711171455", description: "从常用工具仪表到配电线路安装、电动机控制电路，按技能训练项目编排，每个项目都有考核标准。", trade: "maintenance-electrician", language: "zh-CN", format: "EPUB", content: "electrical", daysAgo: 210, readCount: 167 },
  { title: "家装电工一本通", authors: ["赵国庆"], publisher: "化学工业出版社", isbn12: "978712240231", description: "住宅配电设计、导线选择、开关插座安装、漏电保护和常见故障排查。", trade: "electrician", language: "zh-CN", format: "EPUB", content: "electrical", daysAgo: 330, readCount: 96 },
  { title: "车工工艺与技能训练", authors: ["杨建华", "许静"], publisher: "中国劳动社会保障出版社", isbn12: "978751673117", description: "车床结构与安全操作、车刀刃磨与安装、外圆和端面车削、量具使用，按实训课题逐步展开。", trade: "turner", language: "zh-CN", format: "EPUB", content: "machining", daysAgo: 55, readCount: 238 },
  { title: "钳工基本操作图解", authors: ["何志明"], publisher: "机械工业出版社", isbn12: "978711172086", description: "划线、锯削、锉削、钻孔、攻丝和装配的要领，配合量具使用与车间安全规矩。", trade: "fitter", language: "zh-CN", format: "EPUB", content: "machining", daysAgo: 120, readCount: 145 },
  { title: "数控车床编程与操作入门", authors: ["林峰"], publisher: "电子工业出版社", isbn12: "978712146809", description: "数控车床的坐标系、常用 G 代码、对刀与程序校验，首件加工的安全步骤。", trade: "cnc-lathe-operator", language: "zh-CN", format: "EPUB", content: "machining", daysAgo: 75, readCount: 309 },
  { title: "Practical CNC Machining Checklists", authors: ["Zhang Lei"], publisher: "China Machine Press", isbn12: "978711170334", description: "Checklists in English for setting up, proving out and running CNC lathes and mills safely.", trade: "cnc-milling-machinist", language: "en", format: "PDF", content: "machining", daysAgo: 260, readCount: 41 },
  { title: "砌筑工（中级）", authors: ["人力资源社会保障部教材办公室"], publisher: "中国劳动社会保障出版社", isbn12: "978751671985", description: "砌筑材料、砌筑工艺、质量检验与施工安全，适合中级砌筑工培训与自学。", trade: "bricklayer", language: "zh-CN", format: "EPUB", content: "construction", daysAgo: 140, readCount: 88 },
  { title: "建筑施工安全一百问", authors: ["郑伟"], publisher: "中国建筑工业出版社", isbn12: "978711228610", description: "用问答的形式讲清高处作业、临边防护、脚手架、施工用电和起重吊装中最常见的安全问题。", trade: "scaffolder", language: "zh-CN", format: "EPUB", content: "construction", daysAgo: 18, readCount: 275 },
  { title: "钢筋工实用手册", authors: ["曹立军", "马丽"], publisher: "中国建筑工业出版社", isbn12: "978711229154", description: "钢筋的识图、下料、加工、绑扎与验收，附常用构造要求。", trade: "rebar-worker", language: "zh-CN", format: "EPUB", content: "construction", daysAgo: 185, readCount: 73 },
  { title: "Site Safety Pocket Guide", authors: ["Wang Fang", "David Clark"], publisher: "China Architecture & Building Press", isbn12: "978711227901", description: "An English pocket guide to fall protection, scaffolds, edges and openings on building sites.", trade: "concrete-worker", language: "en", format: "PDF", content: "construction", daysAgo: 300, readCount: 35 },
  { title: "叉车司机安全操作指南", authors: ["韩东"], publisher: "中国劳动社会保障出版社", isbn12: "978751672516", description: "叉车的日常检查、安全驾驶、货物装卸与堆码、常见事故案例分析。", trade: "forklift-driver", language: "zh-CN", format: "EPUB", content: "lifting", daysAgo: 25, readCount: 198 },
  { title: "塔式起重机司机与信号司索", authors: ["钱永刚"], publisher: "中国建筑工业出版社", isbn12: "978711230018", description: "塔式起重机的安全装置、十不吊、吊索具检查与指挥信号。", trade: "tower-crane-operator", language: "zh-CN", format: "EPUB", content: "lifting", daysAgo: 165, readCount: 112 },
  { title: "仓储作业与货物堆码", authors: ["冯晓"], publisher: "中国财富出版社", isbn12: "978750472309", description: "收货、上架、拣选、盘点和堆码的标准作业方法，兼顾叉车配合与仓库消防。", trade: "warehouse-keeper", language: "zh-CN", format: "EPUB", content: "lifting", daysAgo: 230, readCount: 64 },
  { title: "中式烹调师（初级）", authors: ["人力资源社会保障部教材办公室"], publisher: "中国劳动社会保障出版社", isbn12: "978751670492", description: "厨房安全与食品卫生、刀工、火候与基本烹调方法，中式烹调师职业技能等级认定培训教材。", trade: "chinese-cook", language: "zh-CN", format: "EPUB", content: "cooking", daysAgo: 60, readCount: 331 },
  { title: "厨房食品安全操作规范", authors: ["罗晓红"], publisher: "中国轻工业出版社", isbn12: "978751844012", description: "生熟分开、冷链管理、清洁消毒和留样制度，帮助后厨建立日常食品安全习惯。", trade: "chinese-pastry-cook", language: "zh-CN", format: "EPUB", content: "cooking", daysAgo: 280, readCount: 57 },
  { title: "汽车维修工基础", authors: ["唐军", "吴斌"], publisher: "人民交通出版社", isbn12: "978711418223", description: "维修车间安全、常用工具、日常保养与制动系统检查，面向刚入行的汽车维修学徒。", trade: "auto-mechanic", language: "zh-CN", format: "EPUB", content: "auto", daysAgo: 45, readCount: 226 },
  { title: "汽车制动系统检修", authors: ["蒋涛"], publisher: "机械工业出版社", isbn12: "978711173306", description: "盘式与鼓式制动器、ABS 的结构原理和检修步骤。", trade: "auto-mechanical-repairer", language: "zh-CN", format: "EPUB", content: "auto", daysAgo: 195, readCount: 82 },
  { title: "Auto Workshop Safety Handbook", authors: ["Chen Yu"], publisher: "China Communications Press", isbn12: "978711419007", description: "Lifts, jacks, fumes and waste: the safety rules of a car repair workshop in English.", trade: "auto-electrician", language: "en", format: "PDF", content: "auto", daysAgo: 340, readCount: 22 },
  { title: "煤矿井下安全知识读本", authors: ["国家矿山安全监察局宣教中心"], publisher: "应急管理出版社", isbn12: "978750209261", description: "井下作业的权利与义务、劳动防护、有限空间与应急避险。", trade: "underground-coal-miner", language: "zh-CN", format: "EPUB", content: "safety", daysAgo: 100, readCount: 141 },
  { title: "化工操作工安全培训教程", authors: ["邵文博"], publisher: "化学工业出版社", isbn12: "978712241108", description: "危险化学品、有限空间作业、个人防护和事故应急处置。", trade: "chemical-process-control-operator", language: "zh-CN", format: "EPUB", content: "safety", daysAgo: 130, readCount: 99 },
  { title: "质检员岗位手册", authors: ["邱晨"], publisher: "中国标准出版社", isbn12: "978750669842", description: "检验依据、抽样方法、记录与不合格品处置，以及检验现场的安全要求。", trade: "quality-inspector", language: "zh-CN", format: "EPUB", content: "safety", daysAgo: 245, readCount: 48 },
  { title: "缝纫工安全与质量", authors: ["许丽娟"], publisher: "中国纺织出版社", isbn12: "978752299531", description: "缝纫设备安全、车间防火、劳动防护与常见质量问题。", trade: "sewing-machine-operator", language: "zh-CN", format: "EPUB", content: "safety", daysAgo: 315, readCount: 31 },
  { title: "锅炉操作工安全技术", authors: ["贺宏伟"], publisher: "中国劳动社会保障出版社", isbn12: "978751673520", description: "锅炉运行的安全法规、防护用品、隐患排查和应急处置。", trade: "boiler-operator", language: "zh-CN", format: "EPUB", content: "safety", daysAgo: 355, readCount: 27 },
  { title: "Working Safely: A Handbook for New Employees", authors: ["Liu Yang", "Sarah Brown"], publisher: "China Labour and Social Security Publishing House", description: "The rights and duties of employees, protective equipment, chemicals, confined spaces and emergencies, in plain English.", trade: "refrigeration-ac-technician", language: "en", format: "PDF", content: "safety", daysAgo: 70, readCount: 66 },
];

export interface PeriodicalSeed {
  title: string;
  publisher: string;
  description: string;
  trade: string;
  language: "zh-CN" | "en";
  format: "EPUB" | "PDF";
  content: ContentKey;
  /** Issues of the current year, newest first: [year, number]. */
  issues: Array<[number, number]>;
  readCount: number;
}

export const PERIODICALS: PeriodicalSeed[] = [
  {
    title: "焊接技术",
    publisher: "天津市焊接学会",
    description: "面向焊接一线的技术期刊：焊接工艺、设备、材料与质量控制，以及焊工的经验交流。",
    trade: "welder",
    language: "zh-CN",
    format: "EPUB",
    content: "welding",
    issues: [[2026, 11], [2026, 10], [2026, 9], [2026, 8], [2026, 7], [2026, 6]],
    readCount: 215,
  },
  {
    title: "电工技术",
    publisher: "电工技术杂志社",
    description: "电气安装、运行维护与安全用电的实用技术，面向电工和电气技术人员。",
    trade: "electrician",
    language: "zh-CN",
    format: "EPUB",
    content: "electrical",
    issues: [[2026, 11], [2026, 9], [2026, 7], [2026, 5], [2026, 3]],
    readCount: 168,
  },
  {
    title: "现代班组",
    publisher: "中国职工报社",
    description: "班组管理、安全生产与技能提升，讲一线班组长和职工自己的故事。",
    trade: "equipment-inspector",
    language: "zh-CN",
    format: "EPUB",
    content: "safety",
    issues: [[2026, 10], [2026, 8], [2026, 6], [2026, 4]],
    readCount: 97,
  },
  {
    title: "Workplace Safety Digest",
    publisher: "Jiangxin Community",
    description: "A monthly English digest of safety practice for workshops and building sites.",
    trade: "quality-inspector",
    language: "en",
    format: "PDF",
    content: "safety",
    issues: [[2026, 10], [2026, 9], [2026, 8], [2026, 7]],
    readCount: 18,
  },
];

/** The English pages of the generated PDFs, by subject: a heading and its paragraphs per page. */
export const PDF_CONTENT: Record<ContentKey, Array<{ heading: string; paragraphs: string[] }>> = {
  electrical: [
    { heading: "1. Why electricity hurts", paragraphs: ["A current of about 30 mA through the body can kill. Wet skin and wet floors lower the body's resistance, so the same voltage drives a larger current.", "Never judge by feel whether a conductor is live. Test it, every time, with a tester you have just proved on a known live source."] },
    { heading: "2. Isolate, lock and tag", paragraphs: ["Switch off, isolate, lock the isolator in the off position and hang a tag with your name. Keep the key in your pocket.", "Only the person who locked the isolator removes the lock. Never agree a time to switch back on by telephone."] },
    { heading: "3. Prove dead and earth", paragraphs: ["Test each phase on both sides of the work. Then fit temporary earths: connect the earth end first and remove it last.", "Put up barriers and signs so that nobody walks into the work area by mistake."] },
    { heading: "4. Tools and meters", paragraphs: ["Check insulated tools before use: a cracked handle is a live handle. Choose the meter range before measuring and start from the highest range.", "Measure insulation resistance only on dead, discharged equipment, and discharge it again afterwards."] },
    { heading: "5. Residual current devices", paragraphs: ["Press the test button of every RCD once a month. An RCD that trips again and again is telling you about a fault: find it, never bridge the device.", "Label every circuit in the distribution board so that the right one is switched off."] },
    { heading: "6. Fire and first aid", paragraphs: ["Switch off before fighting an electrical fire; use CO2 or dry powder, never water.", "Free a casualty from the supply with a dry insulating object, call for help and start CPR: 100 to 120 compressions a minute, 30 compressions to 2 breaths."] },
  ],
  machining: [
    { heading: "1. Before you start the machine", paragraphs: ["Tight sleeves, no gloves near rotating parts, long hair tied up. Check guards, limit switches and the emergency stop.", "Remove the chuck key every time. A key left in the chuck becomes a projectile."] },
    { heading: "2. Proving a new program", paragraphs: ["Dry-run or simulate every new program. Run the first part in single block with rapid override turned down and a hand near the stop.", "Check every tool offset after setting: one misplaced decimal point can crash the spindle."] },
    { heading: "3. Measuring", paragraphs: ["Clean the jaws and check the zero of calipers before measuring. Use the ratchet of a micrometer for a constant measuring force.", "Never measure a part while the spindle turns."] },
    { heading: "4. Chips and coolant", paragraphs: ["Clear chips with a hook and brush, with the machine stopped. Never blow them away with compressed air towards people.", "Keep coolant clean and at the right concentration; report skin irritation."] },
    { heading: "5. End of shift", paragraphs: ["Stop the machine, clean the table and ways, store tools and gauges, and note any fault in the machine log."] },
  ],
  construction: [
    { heading: "1. Hard hats and harnesses", paragraphs: ["Wear a hard hat with the chin strap fastened. Replace a hat that has taken a heavy blow.", "Above two metres, wear a harness and clip it high, to a strong anchor."] },
    { heading: "2. Edges and openings", paragraphs: ["Cover or guard every opening: stairwells, lift shafts, service holes. Fit guard rails and toe boards along every open edge.", "Never remove a guard rail to make a job easier without putting an equivalent protection in place."] },
    { heading: "3. Scaffolds", paragraphs: ["Only trained scaffolders erect or alter scaffolds. Check base plates, ties, boards, guard rails and netting before use.", "Inspect after strong wind, heavy rain or a month out of use."] },
    { heading: "4. Concrete work", paragraphs: ["Vibrate in layers, insert quickly and withdraw slowly. Start curing within twelve hours and keep it wet for at least seven days."] },
    { heading: "5. Lifting near people", paragraphs: ["Never stand or walk under a suspended load. Follow one signaller; anyone may give the stop signal."] },
  ],
  auto: [
    { heading: "1. Lifts and jacks", paragraphs: ["Place lift pads at the vehicle's lifting points and engage the locks. Never work under a car held only by a jack: use stands."] },
    { heading: "2. Running engines", paragraphs: ["Connect the exhaust extraction before running an engine indoors. Keep hands and clothing away from fans and belts.", "Never open a hot radiator cap."] },
    { heading: "3. Torque", paragraphs: ["Tighten wheel nuts, cylinder head bolts and connecting rod bolts with a torque wrench, to the values and in the order of the manual."] },
    { heading: "4. Brakes", paragraphs: ["Measure pad thickness and disc wear; bleed the system from the wheel farthest from the master cylinder; road-test before handing the car back."] },
    { heading: "5. Waste", paragraphs: ["Used oil, batteries and coolant are hazardous waste: collect them separately and hand them to a licensed contractor."] },
  ],
  safety: [
    { heading: "1. Your rights and duties", paragraphs: ["You have the right to training, to know the hazards of your workplace and to refuse unsafe orders. You have the duty to follow the rules and report hazards."] },
    { heading: "2. Protective equipment", paragraphs: ["Choose protection for the hazard: dust masks for dust, ear plugs for noise, goggles and face shields for splashes. Check the fit every time."] },
    { heading: "3. Chemicals", paragraphs: ["Read the safety data sheet before using a chemical. Keep every container labelled; never use drink bottles."] },
    { heading: "4. Confined spaces", paragraphs: ["Ventilate, test, then enter. Keep a watcher outside. Never rush in to rescue without breathing apparatus."] },
    { heading: "5. Emergencies", paragraphs: ["Know your workstation's emergency card. In a fire, follow the exit signs, stay low and do not use lifts. Report every injury, however small."] },
  ],
  welding: [],
  lifting: [],
  cooking: [],
};
