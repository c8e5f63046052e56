/** Demo power items (执法事项) for Zhenping county. Legal bases cite real PRC laws and regulations. */
export type PowerCategorySeed =
  | 'LICENSING' | 'PENALTY' | 'COERCION' | 'LEVY' | 'PAYMENT'
  | 'INSPECTION' | 'CONFIRMATION' | 'REWARD' | 'ADJUDICATION' | 'OTHER';
export type PenaltyKindSeed =
  | 'WARNING'        // 警告、通报批评
  | 'FINE'           // 罚款
  | 'CONFISCATION'   // 没收违法所得、没收非法财物
  | 'PERMIT_SUSPENSION' // 暂扣许可证件、降低资质等级
  | 'PERMIT_REVOCATION' // 吊销许可证件
  | 'BUSINESS_RESTRICTION' // 限制开展生产经营活动、责令停产停业、责令关闭、限制从业
  | 'DETENTION'      // 行政拘留
  | 'OTHER';         // 法律、行政法规规定的其他行政处罚
export interface PowerItemSeed {
  code: string;              // see coding rule below
  name: string;              // 事项名称, as printed in a real catalog, e.g. '对擅自在街道两侧和公共场地堆放物料的处罚'
  category: PowerCategorySeed;
  domainCode: string;        // one of the domain codes below
  sourceDepartment: string;  // 原实施部门: one of the department short names below, exactly
  settingBasis: string;      // 设定依据: law name in 《》 plus article number(s), and the article text summarised or quoted
  implementationBasis: string; // 实施依据: e.g. a Henan regulation or the same law's procedural article, or '同设定依据'
  penaltyKinds: PenaltyKindSeed[]; // [] for non-PENALTY items
  parentCode?: string;       // for a 子项: the code of its 主项, which must appear EARLIER in the array
  description?: string;      // one sentence: what conduct the item covers and any boundary note (职责边界)
}

// Article texts were checked against the current versions: 土地管理法(2019)及实施条例(2021)、城乡规划法(2019)、
// 大气污染防治法(2018)、固体废物污染环境防治法(2020)、噪声污染防治法(2021)、安全生产法(2021)、
// 互联网上网服务营业场所管理条例(2022)、市场主体登记管理条例(2021) 等。
export const powerItemSeeds: PowerItemSeed[] = [
  // ───────────────────────── 城市管理局（URBAN / CG） ─────────────────────────
  {
    code: '02-CG-001',
    name: '对擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市市容和环境卫生管理条例》第三十六条第（二）项：未经城市人民政府市容环境卫生行政主管部门批准，擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容的，由城市人民政府市容环境卫生行政主管部门或者其委托的单位责令其停止违法行为，限期清理、拆除或者采取其他补救措施，并可处以罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '主项，含乱堆乱放、乱搭乱建两个子项；在城市道路范围内擅自占道的适用《城市道路管理条例》，在公路用地范围内的由交通运输部门查处。',
  },
  {
    code: '02-CG-001-01',
    name: '对擅自在街道两侧和公共场地堆放物料的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市市容和环境卫生管理条例》第三十六条第（二）项：未经批准擅自在街道两侧和公共场地堆放物料，影响市容的，责令停止违法行为，限期清理或者采取其他补救措施，并可处以罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    parentCode: '02-CG-001',
    description: '未经批准在街道两侧、广场等公共场地堆放建材、杂物、货物等影响市容的行为。',
  },
  {
    code: '02-CG-001-02',
    name: '对擅自在街道两侧和公共场地搭建建筑物、构筑物或者其他设施的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市市容和环境卫生管理条例》第三十六条第（二）项：未经批准擅自在街道两侧和公共场地搭建建筑物、构筑物或者其他设施，影响市容的，责令停止违法行为，限期拆除或者采取其他补救措施，并可处以罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    parentCode: '02-CG-001',
    description: '临街乱搭棚亭、雨篷、门头等影响市容的行为；未取得建设工程规划许可证进行建设的，由自然资源部门依《中华人民共和国城乡规划法》第六十四条查处。',
  },
  {
    code: '02-CG-002',
    name: '对未经同意擅自设置大型户外广告影响市容的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市市容和环境卫生管理条例》第三十六条第（一）项：未经城市人民政府市容环境卫生行政主管部门同意，擅自设置大型户外广告，影响市容的，责令其停止违法行为，限期清理、拆除或者采取其他补救措施，并可处以罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '擅自设置大型户外广告牌、霓虹灯、楼顶广告等影响市容的行为；广告内容违法的由市场监管部门依《中华人民共和国广告法》查处。',
  },
  {
    code: '02-CG-003',
    name: '对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市市容和环境卫生管理条例》第三十四条第（二）项：在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的，城市人民政府市容环境卫生行政主管部门或者其委托的单位除责令其纠正违法行为、采取补救措施外，可以并处警告、罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'FINE'],
    description: '乱贴乱画、乱涂乱写、乱挂横幅及“牛皮癣”小广告等行为。',
  },
  {
    code: '02-CG-004',
    name: '对不履行卫生责任区清扫保洁义务或者不按规定清运、处理垃圾和粪便的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市市容和环境卫生管理条例》第三十四条第（五）项：不履行卫生责任区清扫保洁义务或者不按规定清运、处理垃圾和粪便的，除责令其纠正违法行为、采取补救措施外，可以并处警告、罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'FINE'],
    description: '沿街单位和个体工商户未落实“门前三包”卫生责任区清扫保洁义务等行为。',
  },
  {
    code: '02-CG-005',
    name: '对随意倾倒、抛撒、堆放或者焚烧生活垃圾的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项、第二款：随意倾倒、抛撒、堆放或者焚烧生活垃圾的，由县级以上地方人民政府环境卫生主管部门责令改正，处以罚款，没收违法所得；单位处五万元以上五十万元以下的罚款，个人处一百元以上五百元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '主项，按单位、个人分设子项；露天焚烧垃圾同时违反《中华人民共和国大气污染防治法》第一百一十九条第二款的，按县人民政府确定的部门分工办理，不重复处罚。',
  },
  {
    code: '02-CG-005-01',
    name: '对单位随意倾倒、抛撒、堆放或者焚烧生活垃圾的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项、第二款：单位随意倾倒、抛撒、堆放或者焚烧生活垃圾的，责令改正，没收违法所得，处五万元以上五十万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    parentCode: '02-CG-005',
    description: '企业、商户等单位乱倒、乱堆或者焚烧生活垃圾的行为。',
  },
  {
    code: '02-CG-005-02',
    name: '对个人随意倾倒、抛撒、堆放或者焚烧生活垃圾的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项、第二款：个人随意倾倒、抛撒、堆放或者焚烧生活垃圾的，责令改正，没收违法所得，处一百元以上五百元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    parentCode: '02-CG-005',
    description: '个人在街巷、沟渠、空地等处乱倒、乱堆或者焚烧生活垃圾的行为。',
  },
  {
    code: '02-CG-006',
    name: '对擅自占用或者挖掘城市道路的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市道路管理条例》第四十二条：违反本条例第二十七条规定（城市道路范围内禁止擅自占用或者挖掘城市道路等），或者未按照批准的位置、面积、期限占用或者挖掘城市道路的，由市政工程行政主管部门或者其他有关部门责令限期改正，可以处以2万元以下的罚款；造成损失的，应当依法承担赔偿责任。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '擅自占用城市道路摆摊设点、占道经营、店外经营或者擅自挖掘城市道路的行为；公路及公路用地范围内的由交通运输部门依《中华人民共和国公路法》查处。',
  },
  {
    code: '02-CG-007',
    name: '对损坏各类环境卫生设施及其附属设施的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市市容和环境卫生管理条例》第三十八条：损坏各类环境卫生设施及其附属设施的，城市人民政府市容环境卫生行政主管部门或者其委托的单位除责令其恢复原状外，可以并处罚款；应当给予治安管理处罚的，依照《中华人民共和国治安管理处罚法》的规定处罚。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '损坏果皮箱、垃圾收集点、公厕等环卫设施的行为；盗窃环卫设施的移送公安机关。',
  },
  {
    code: '02-CG-008',
    name: '对运输煤炭、垃圾、渣土、砂石等散装、流体物料的车辆未采取密闭或者其他措施防止物料遗撒的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十六条：运输煤炭、垃圾、渣土、砂石、土方、灰浆等散装、流体物料的车辆，未采取密闭或者其他措施防止物料遗撒的，由县级以上地方人民政府确定的监督管理部门责令改正，处二千元以上二万元以下的罚款；拒不改正的，车辆不得上道路行驶。',
    implementationBasis:
      '《城市市容和环境卫生管理条例》第三十四条第（六）项：运输液体、散装货物不作密封、包扎、覆盖，造成泄漏、遗撒的，责令纠正、采取补救措施，可以并处警告、罚款。',
    penaltyKinds: ['FINE'],
    description: '渣土车、砂石运输车辆未密闭运输造成遗撒的行为；车辆遗撒污染公路路面的由交通运输部门依《公路安全保护条例》第六十九条查处。',
  },
  {
    code: '02-CG-009',
    name: '对损坏城市树木花草、擅自砍伐城市树木或者损坏城市绿化设施的处罚',
    category: 'PENALTY',
    domainCode: 'URBAN',
    sourceDepartment: '城市管理局',
    settingBasis:
      '《城市绿化条例》第二十六条：损坏城市树木花草的，擅自砍伐城市树木的，砍伐、擅自迁移古树名木或者因养护不善致使古树名木受到损伤或者死亡的，损坏城市绿化设施的，由城市人民政府城市绿化行政主管部门或者其授权的单位责令停止侵害，可以并处罚款；造成损失的，应当负赔偿责任。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '城区道路绿化带、游园内毁绿、乱砍树木等行为；城市规划区外林木的盗伐、滥伐由林业部门依《中华人民共和国森林法》查处。',
  },

  // ─────────────────── 市生态环境局镇平分局（ECOLOGY / HB） ───────────────────
  {
    code: '02-HB-001',
    name: '对餐饮服务业经营者超标排放油烟和违规露天烧烤食品的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十八条第一款、第三款：餐饮服务业经营者未安装油烟净化设施、不正常使用油烟净化设施或者未采取其他油烟净化措施，超过排放标准排放油烟的，责令改正，处五千元以上五万元以下的罚款，拒不改正的责令停业整治；在当地人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地的，责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'BUSINESS_RESTRICTION'],
    description: '主项，含油烟超标排放、露天烧烤两个子项；执法主体为县人民政府确定的监督管理部门，以县政府分工文件为准。',
  },
  {
    code: '02-HB-001-01',
    name: '对排放油烟的餐饮服务业经营者未安装或者不正常使用油烟净化设施，超过排放标准排放油烟的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十八条第一款：排放油烟的餐饮服务业经营者未安装油烟净化设施、不正常使用油烟净化设施或者未采取其他油烟净化措施，超过排放标准排放油烟的，由县级以上地方人民政府确定的监督管理部门责令改正，处五千元以上五万元以下的罚款；拒不改正的，责令停业整治。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    parentCode: '02-HB-001',
    description: '饭店、小吃店等餐饮单位油烟直排或者净化设施闲置导致油烟超标排放的行为。',
  },
  {
    code: '02-HB-001-02',
    name: '对在当地人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十八条第三款：在当地人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地的，由县级以上地方人民政府确定的监督管理部门责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    parentCode: '02-HB-001',
    description: '在县政府划定的禁烤时段、区域内露天烧烤或者为其提供场地的行为；未划定禁烤区域的不适用本项。',
  },
  {
    code: '02-HB-002',
    name: '对在居民住宅楼、未配套设立专用烟道的商住综合楼等内新建、改建、扩建产生油烟、异味、废气的餐饮服务项目的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十八条第二款：在居民住宅楼、未配套设立专用烟道的商住综合楼、商住综合楼内与居住层相邻的商业楼层内新建、改建、扩建产生油烟、异味、废气的餐饮服务项目的，由县级以上地方人民政府确定的监督管理部门责令改正；拒不改正的，予以关闭，并处一万元以上十万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '在禁止区域内开设产生油烟的餐饮项目的行为。',
  },
  {
    code: '02-HB-003',
    name: '对在人口集中地区焚烧沥青、油毡、橡胶、塑料、皮革、垃圾等产生有毒有害烟尘和恶臭气体物质的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十九条第二款：在人口集中地区和其他依法需要特殊保护的区域内，焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的，由县级人民政府确定的监督管理部门责令改正，对单位处一万元以上十万元以下的罚款，对个人处五百元以上二千元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '露天焚烧废旧轮胎、塑料、电缆皮等行为；露天焚烧秸秆、落叶的适用第一百一十九条第一款。',
  },
  {
    code: '02-HB-004',
    name: '对从事服装干洗和机动车维修等服务活动未设置异味和废气处理装置等污染防治设施并保持正常使用的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百二十条：从事服装干洗和机动车维修等服务活动，未设置异味和废气处理装置等污染防治设施并保持正常使用，影响周边环境的，由县级以上地方人民政府生态环境主管部门责令改正，处二千元以上二万元以下的罚款；拒不改正的，责令停业整治。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '干洗店、汽修店喷漆作业等无废气处理设施影响周边环境的行为。',
  },
  {
    code: '02-HB-005',
    name: '对超过噪声排放标准排放社会生活噪声或者在商业经营活动中使用高音广播喇叭等进行广告宣传的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国噪声污染防治法》第八十一条：超过噪声排放标准排放社会生活噪声的，在商业经营活动中使用高音广播喇叭或者采用其他持续反复发出高噪声的方法进行广告宣传的，未对商业经营活动中产生的其他噪声采取有效措施造成噪声污染的，由地方人民政府指定的部门责令改正，处五千元以上五万元以下的罚款；拒不改正的，处五万元以上二十万元以下的罚款，并可以报经有批准权的人民政府批准，责令停业。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '沿街商铺用高音喇叭招揽顾客、经营场所噪声超标等行为；执法主体为县人民政府指定的部门。',
  },
  {
    code: '02-HB-006',
    name: '对在噪声敏感建筑物集中区域使用高音广播喇叭或者在公共场所开展娱乐、健身等活动造成噪声污染的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国噪声污染防治法》第八十二条：在噪声敏感建筑物集中区域使用高音广播喇叭的，在公共场所组织或者开展娱乐、健身等活动未遵守活动区域、时段、音量等规定造成噪声污染的，对已竣工交付使用的建筑物进行室内装修活动未按照规定在限定的作业时间内进行的，由地方人民政府指定的部门说服教育，责令改正；拒不改正的，给予警告，对个人可以处二百元以上一千元以下的罚款，对单位可以处二千元以上二万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'FINE'],
    description: '广场舞音响音量过大、居民区高音喇叭、夜间装修扰民等社会生活噪声行为；经劝阻仍持续干扰他人的，由公安机关依第八十七条给予治安管理处罚。',
  },
  {
    code: '02-HB-007',
    name: '对超过噪声排放标准排放建筑施工噪声或者未按照规定取得证明在噪声敏感建筑物集中区域夜间施工的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国噪声污染防治法》第七十七条：建设单位、施工单位超过噪声排放标准排放建筑施工噪声的，或者未按照规定取得证明，在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业的，由工程所在地人民政府指定的部门责令改正，处一万元以上十万元以下的罚款；拒不改正的，可以责令暂停施工。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '夜间（22时至次日6时）未经证明在居民区附近施工扰民等行为。',
  },
  {
    code: '02-HB-008',
    name: '对未密闭易产生扬尘的物料或者对不能密闭的物料未设置严密围挡、未采取有效覆盖措施的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十七条第（一）项、第（二）项：未密闭煤炭、煤矸石、煤渣、煤灰、水泥、石灰、石膏、砂土等易产生扬尘的物料的，或者对不能密闭的易产生扬尘的物料未设置不低于堆放物高度的严密围挡、未采取有效覆盖措施防治扬尘污染的，由县级以上人民政府生态环境等主管部门按照职责责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治或者停业整治。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '砂石料场、煤场、搅拌站等物料堆场扬尘防治不到位的行为；建筑施工工地扬尘由住建部门依第一百一十五条查处。',
  },
  {
    code: '02-HB-009',
    name: '对从事畜禽规模养殖未及时收集、贮存、利用或者处置养殖过程中产生的畜禽粪污等固体废物的处罚',
    category: 'PENALTY',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国固体废物污染环境防治法》第一百零七条：从事畜禽规模养殖未及时收集、贮存、利用或者处置养殖过程中产生的畜禽粪污等固体废物的，由生态环境主管部门责令改正，可以处十万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业或者关闭。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '规模养殖场粪污乱堆乱排的行为；散养户不适用本项。',
  },
  {
    code: '06-HB-001',
    name: '对排放污染物的企业事业单位和其他生产经营者的现场检查',
    category: 'INSPECTION',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国环境保护法》第二十四条：县级以上人民政府环境保护主管部门及其委托的环境监察机构和其他负有环境保护监督管理职责的部门，有权对排放污染物的企业事业单位和其他生产经营者进行现场检查；被检查者应当如实反映情况，提供必要的资料。',
    implementationBasis: '同设定依据',
    penaltyKinds: [],
    description: '对辖区排污单位、餐饮油烟、噪声源等开展日常巡查和现场检查。',
  },
  {
    code: '03-HB-001',
    name: '查封、扣押造成污染物排放的设施、设备',
    category: 'COERCION',
    domainCode: 'ECOLOGY',
    sourceDepartment: '市生态环境局镇平分局',
    settingBasis:
      '《中华人民共和国环境保护法》第二十五条：企业事业单位和其他生产经营者违反法律法规规定排放污染物，造成或者可能造成严重污染的，县级以上人民政府环境保护主管部门和其他负有环境保护监督管理职责的部门，可以查封、扣押造成污染物排放的设施、设备。',
    implementationBasis: '《中华人民共和国行政强制法》关于查封、扣押的程序规定。',
    penaltyKinds: [],
    description: '针对“散乱污”企业等造成或者可能造成严重污染的情形实施查封、扣押。',
  },

  // ───────────────────────── 交通运输局（TRANSPORT / JT） ─────────────────────────
  {
    code: '02-JT-001',
    name: '对擅自占用、挖掘公路的处罚',
    category: 'PENALTY',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《中华人民共和国公路法》第七十六条第（一）项：违反本法第四十四条第一款规定，擅自占用、挖掘公路的，由交通主管部门责令停止违法行为，可以处三万元以下的罚款。',
    implementationBasis: '《中华人民共和国公路法》第八十二条：本章规定由交通主管部门行使的行政处罚权和行政措施，可以依照本法第八条第四款的规定由公路管理机构行使。',
    penaltyKinds: ['FINE'],
    description: '未经许可在国道、省道、县道、乡道上占用或者挖掘路面的行为；村道参照执行。',
  },
  {
    code: '02-JT-002',
    name: '对在公路上及公路用地范围内摆摊设点、堆放物品、倾倒垃圾等造成公路路面损坏、污染或者影响公路畅通的处罚',
    category: 'PENALTY',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《中华人民共和国公路法》第七十七条：违反本法第四十六条的规定（不得在公路上及公路用地范围内摆摊设点、堆放物品、倾倒垃圾、设置障碍、挖沟引水、利用公路边沟排放污物等），造成公路路面损坏、污染或者影响公路畅通的，或者将公路作为试车场地的，由交通主管部门责令停止违法行为，可以处五千元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '集镇过境公路占道经营、打场晒粮、堆放柴草砂石等行为；城市道路范围内的由城市管理部门查处。',
  },
  {
    code: '02-JT-003',
    name: '对在公路用地范围内设置公路标志以外的其他标志的处罚',
    category: 'PENALTY',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《中华人民共和国公路法》第七十九条：违反本法第五十四条规定，在公路用地范围内设置公路标志以外的其他标志的，由交通主管部门责令限期拆除，可以处二万元以下的罚款；逾期不拆除的，由交通主管部门拆除，有关费用由设置者负担。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '在公路用地范围内擅自设置广告牌、指路牌等非公路标志的行为。',
  },
  {
    code: '02-JT-004',
    name: '对在公路建筑控制区内修建、扩建建筑物、地面构筑物或者未经许可埋设管道、电缆等设施的处罚',
    category: 'PENALTY',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《中华人民共和国公路法》第八十一条：违反本法第五十六条规定，在公路建筑控制区内修建建筑物、地面构筑物或者擅自埋设管线、电缆等设施的，由交通主管部门责令限期拆除，并可以处五万元以下的罚款；逾期不拆除的，由交通主管部门拆除，有关费用由建筑者、构筑者承担。',
    implementationBasis:
      '《公路安全保护条例》第五十六条：在公路建筑控制区内修建、扩建建筑物、地面构筑物或者未经许可埋设管道、电缆等设施的，由公路管理机构责令限期拆除，可以处5万元以下的罚款；逾期不拆除的，由公路管理机构拆除，有关费用由违法行为人承担。',
    penaltyKinds: ['FINE'],
    description: '沿路村民在公路两侧建筑控制区内建房、建围墙等行为。',
  },
  {
    code: '02-JT-005',
    name: '对车货总体的外廓尺寸、轴荷或者总质量超过公路、公路桥梁限定标准的车辆在公路上行驶的处罚',
    category: 'PENALTY',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《中华人民共和国公路法》第七十六条第（五）项：车辆超限使用汽车渡船或者在公路上擅自超限行驶的，由交通主管部门责令停止违法行为，可以处三万元以下的罚款。',
    implementationBasis:
      '《公路安全保护条例》第六十四条：在公路上行驶的车辆，车货总体的外廓尺寸、轴荷或者总质量超过公路、公路桥梁、公路隧道、汽车渡船限定标准的，由公路管理机构责令改正，可以处3万元以下的罚款。',
    penaltyKinds: ['FINE'],
    description: '货车超限超载行驶损害县乡公路、农村公路桥梁的行为；超载涉及道路交通安全的由公安机关交通管理部门处理。',
  },
  {
    code: '02-JT-006',
    name: '对指使、强令车辆驾驶人超限运输货物的处罚',
    category: 'PENALTY',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《公路安全保护条例》第六十八条：违反本条例的规定，指使、强令车辆驾驶人超限运输货物的，由道路运输管理机构责令改正，处3万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '砂石料场、货运源头单位指使驾驶人超限装载运输的行为。',
  },
  {
    code: '02-JT-007',
    name: '对车辆装载物触地拖行、掉落、遗洒或者飘散造成公路路面损坏、污染的处罚',
    category: 'PENALTY',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《公路安全保护条例》第六十九条：车辆装载物触地拖行、掉落、遗洒或者飘散，造成公路路面损坏、污染的，由公路管理机构责令改正，处5000元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '运输砂石、渣土、农用物资的车辆在公路上遗洒污染路面的行为。',
  },
  {
    code: '06-JT-001',
    name: '对公路、公路用地和公路建筑控制区的监督检查',
    category: 'INSPECTION',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《中华人民共和国公路法》第六十九条、第七十条、第七十一条：交通主管部门、公路管理机构依法对有关公路的法律、法规执行情况进行监督检查，有权检查、制止各种侵占、损坏公路、公路用地、公路附属设施及其他违反本法规定的行为；公路监督检查人员依法在公路、建筑控制区、车辆停放场所、车辆所属单位等进行监督检查时，任何单位和个人不得阻挠。',
    implementationBasis: '同设定依据',
    penaltyKinds: [],
    description: '路政巡查，发现侵占、损坏公路及路产路权的行为。',
  },
  {
    code: '03-JT-001',
    name: '扣留造成公路、公路附属设施损坏且拒不接受现场调查处理的车辆、工具',
    category: 'COERCION',
    domainCode: 'TRANSPORT',
    sourceDepartment: '交通运输局',
    settingBasis:
      '《公路安全保护条例》第七十二条：造成公路、公路附属设施损坏，拒不接受公路管理机构现场调查处理的，公路管理机构可以扣留车辆、工具；扣留车辆、工具的，应当当场出具凭证，并告知当事人在规定期限内到公路管理机构接受处理。',
    implementationBasis: '同设定依据',
    penaltyKinds: [],
    description: '损坏路产后拒不接受调查处理时对车辆、工具实施扣留。',
  },

  // ───────────────────────── 农业农村局（AGRICULTURE / NY） ─────────────────────────
  {
    code: '02-NY-001',
    name: '对农药使用者违反规定使用农药的处罚',
    category: 'PENALTY',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《农药管理条例》第六十条：农药使用者不按照标签标注的使用范围、方法、剂量和安全间隔期使用农药，使用禁用的农药，将剧毒、高毒农药用于蔬菜、瓜果、茶叶、菌类、中草药材生产等，在饮用水水源保护区内使用农药，使用农药毒鱼、虾、鸟、兽等，或者在饮用水水源保护区、河道内丢弃农药、农药包装物或者清洗施药器械的，由县级人民政府农业主管部门责令改正，单位处5万元以上10万元以下罚款，个人处1万元以下罚款；使用禁用农药的，还应当没收禁用的农药。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '主项，下设使用禁用农药、违规使用剧毒高毒农药两个子项。',
  },
  {
    code: '02-NY-001-01',
    name: '对使用禁用的农药的处罚',
    category: 'PENALTY',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《农药管理条例》第六十条第一款第（二）项、第二款：使用禁用的农药的，由县级人民政府农业主管部门责令改正，单位处5万元以上10万元以下罚款，个人处1万元以下罚款，并没收禁用的农药。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    parentCode: '02-NY-001',
    description: '使用国家明令禁用农药的行为。',
  },
  {
    code: '02-NY-001-02',
    name: '对将剧毒、高毒农药用于蔬菜、瓜果、茶叶、菌类、中草药材生产或者用于防治卫生害虫、水生植物病虫害的处罚',
    category: 'PENALTY',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《农药管理条例》第六十条第一款第（三）项：将剧毒、高毒农药用于防治卫生害虫，用于蔬菜、瓜果、茶叶、菌类、中草药材生产或者用于水生植物的病虫害防治的，由县级人民政府农业主管部门责令改正，单位处5万元以上10万元以下罚款，个人处1万元以下罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    parentCode: '02-NY-001',
    description: '在蔬菜、瓜果等种植中违规使用剧毒、高毒农药的行为。',
  },
  {
    code: '02-NY-002',
    name: '对未取得农药经营许可证经营农药、经营假农药或者在农药中添加物质的处罚',
    category: 'PENALTY',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《农药管理条例》第五十五条：农药经营者未取得农药经营许可证经营农药、经营假农药或者在农药中添加物质的，由县级以上地方人民政府农业主管部门责令停止经营，没收违法所得、违法经营的农药和用于违法经营的工具、设备等，货值金额不足1万元的，并处5000元以上5万元以下罚款，货值金额1万元以上的，并处货值金额5倍以上10倍以下罚款；经营假农药或者添加物质情节严重的，由发证机关吊销农药经营许可证。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'PERMIT_REVOCATION'],
    description: '乡村农资店无证经营农药、销售假农药的行为；吊销许可证由发证机关决定。',
  },
  {
    code: '02-NY-003',
    name: '对农药经营者不执行农药采购台账、销售台账制度等的处罚',
    category: 'PENALTY',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《农药管理条例》第五十八条：农药经营者不执行农药采购台账、销售台账制度，在卫生用农药以外的农药经营场所内经营食品、食用农产品、饲料等，未将卫生用农药与其他商品分柜销售，或者不履行农药废弃物回收义务的，由县级以上地方人民政府农业主管部门责令改正；拒不改正或者情节严重的，处2000元以上2万元以下罚款，并由发证机关吊销农药经营许可证。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'PERMIT_REVOCATION'],
    description: '农资经营门店台账缺失、农药与食品饲料混放经营等行为。',
  },
  {
    code: '02-NY-004',
    name: '对露天焚烧秸秆、落叶等产生烟尘污染的物质的处罚',
    category: 'PENALTY',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十九条第一款：在人口集中地区对树木、花草喷洒剧毒、高毒农药，或者露天焚烧秸秆、落叶等产生烟尘污染的物质的，由县级以上地方人民政府确定的监督管理部门责令改正，并可以处五百元以上二千元以下的罚款。',
    implementationBasis: '《中华人民共和国大气污染防治法》第七十七条关于划定区域禁止露天焚烧秸秆、落叶等产生烟尘污染物质的规定及县人民政府秸秆禁烧工作安排。',
    penaltyKinds: ['FINE'],
    description: '夏秋两季在禁烧区域内焚烧麦秸、玉米秆等行为；执法主体以县人民政府确定的监督管理部门为准，焚烧沥青、塑料、垃圾等的适用第一百一十九条第二款。',
  },
  {
    code: '02-NY-005',
    name: '对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚',
    category: 'PENALTY',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《中华人民共和国土地管理法》第七十八条：农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的，由县级以上人民政府农业农村主管部门责令退还非法占用的土地，限期拆除在非法占用的土地上新建的房屋；超过省、自治区、直辖市规定的标准，多占的土地以非法占用土地论处。',
    implementationBasis:
      '《中华人民共和国土地管理法》第八十三条：责令限期拆除的，建设单位或者个人必须立即停止施工，自行拆除；期满不起诉又不自行拆除的，由作出处罚决定的机关依法申请人民法院强制执行。',
    penaltyKinds: ['OTHER'],
    description: '2019年《土地管理法》修正后该项由农业农村部门负责；非村民个人建住宅以外的非法占地由自然资源部门依第七十七条查处。',
  },
  {
    code: '02-NY-006',
    name: '对饲养动物未按照规定实施强制免疫或者对饲养犬只未按照规定定期进行狂犬病免疫接种的处罚',
    category: 'PENALTY',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《中华人民共和国动物防疫法》第九十二条：对饲养的动物未按照动物疫病强制免疫计划或者免疫技术规范实施免疫接种的，对饲养的犬只未按照规定定期进行狂犬病免疫接种的，由县级以上地方人民政府农业农村主管部门责令限期改正，可以处一千元以下罚款；逾期不改正的，处一千元以上五千元以下罚款，由农业农村主管部门委托动物诊疗机构、无害化处理场所等代为处理，所需费用由违法行为人承担。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '养殖户拒不实施强制免疫、养犬人未按规定为犬只接种狂犬病疫苗的行为。',
  },
  {
    code: '06-NY-001',
    name: '对农村宅基地管理法律、法规执行情况的监督检查',
    category: 'INSPECTION',
    domainCode: 'AGRICULTURE',
    sourceDepartment: '农业农村局',
    settingBasis:
      '《中华人民共和国土地管理法》第六十七条第二款：县级以上人民政府农业农村主管部门对违反农村宅基地管理法律、法规的行为进行监督检查的，适用本法关于自然资源主管部门监督检查的规定。',
    implementationBasis:
      '《中华人民共和国土地管理法实施条例》第四十八条：自然资源主管部门、农业农村主管部门按照职责分工进行监督检查时，可以询问违法案件涉及的单位或者个人，进入涉嫌土地违法的现场进行拍照、摄像，责令当事人停止正在进行的土地违法行为等。',
    penaltyKinds: [],
    description: '对农村村民建房用地开展巡查，及时发现和制止违法占地建房。',
  },

  // ───────────────────────── 文广旅局（CULTURE_TOURISM / WL） ─────────────────────────
  {
    code: '02-WL-001',
    name: '对擅自从事互联网上网服务经营活动的处罚',
    category: 'PENALTY',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《互联网上网服务营业场所管理条例》第二十七条：擅自从事互联网上网服务经营活动的，由文化行政部门或者由文化行政部门会同公安机关依法予以取缔，查封其从事违法经营活动的场所，扣押从事违法经营活动的专用工具、设备；尚不够刑事处罚的，由文化行政部门没收违法所得及其从事违法经营活动的专用工具、设备；违法经营额1万元以上的，并处违法经营额5倍以上10倍以下的罚款；违法经营额不足1万元的，并处1万元以上5万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '未取得《网络文化经营许可证》开设“黑网吧”的行为；涉嫌非法经营罪的移送公安机关。',
  },
  {
    code: '02-WL-002',
    name: '对互联网上网服务营业场所经营单位违反经营管理规定的处罚',
    category: 'PENALTY',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《互联网上网服务营业场所管理条例》第三十一条：互联网上网服务营业场所经营单位在规定的营业时间以外营业、接纳未成年人进入营业场所、经营非网络游戏、擅自停止实施经营管理技术措施，或者未悬挂《网络文化经营许可证》或者未成年人禁入标志的，由文化行政部门给予警告，可以并处15000元以下的罚款；情节严重的，责令停业整顿，直至吊销《网络文化经营许可证》。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'FINE', 'BUSINESS_RESTRICTION', 'PERMIT_REVOCATION'],
    description: '主项，下设接纳未成年人、超时营业两个子项；信息网络安全、消防安全由公安机关依第三十二条、第三十四条处理。',
  },
  {
    code: '02-WL-002-01',
    name: '对互联网上网服务营业场所经营单位接纳未成年人进入营业场所的处罚',
    category: 'PENALTY',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《互联网上网服务营业场所管理条例》第三十一条第（二）项：接纳未成年人进入营业场所的，由文化行政部门给予警告，可以并处15000元以下的罚款；情节严重的，责令停业整顿，直至吊销《网络文化经营许可证》。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'FINE', 'BUSINESS_RESTRICTION', 'PERMIT_REVOCATION'],
    parentCode: '02-WL-002',
    description: '网吧违反第二十一条规定接纳未成年人的行为。',
  },
  {
    code: '02-WL-002-02',
    name: '对互联网上网服务营业场所经营单位在规定的营业时间以外营业的处罚',
    category: 'PENALTY',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《互联网上网服务营业场所管理条例》第三十一条第（一）项：在规定的营业时间以外营业的，由文化行政部门给予警告，可以并处15000元以下的罚款；情节严重的，责令停业整顿，直至吊销《网络文化经营许可证》。',
    implementationBasis: '《互联网上网服务营业场所管理条例》第二十二条：互联网上网服务营业场所每日营业时间限于8时至24时。',
    penaltyKinds: ['WARNING', 'FINE', 'BUSINESS_RESTRICTION', 'PERMIT_REVOCATION'],
    parentCode: '02-WL-002',
    description: '网吧在24时至次日8时营业的行为。',
  },
  {
    code: '02-WL-003',
    name: '对互联网上网服务营业场所经营单位未按规定核对、登记上网消费者有效身份证件或者记录有关上网信息的处罚',
    category: 'PENALTY',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《互联网上网服务营业场所管理条例》第三十三条第（三）项：未按规定核对、登记上网消费者的有效身份证件或者记录有关上网信息的，由文化行政部门、公安机关依据各自职权给予警告，可以并处15000元以下的罚款；情节严重的，责令停业整顿，直至由文化行政部门吊销《网络文化经营许可证》。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'FINE', 'BUSINESS_RESTRICTION', 'PERMIT_REVOCATION'],
    description: '网吧“一人一证”实名登记不落实的行为，文化、公安依各自职权处理。',
  },
  {
    code: '02-WL-004',
    name: '对歌舞娱乐场所接纳未成年人或者娱乐场所容纳的消费者超过核定人数等的处罚',
    category: 'PENALTY',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《娱乐场所管理条例》第四十八条：歌舞娱乐场所的歌曲点播系统与境外的曲库联接，播放的曲目、屏幕画面或者游戏项目含有禁止内容，歌舞娱乐场所接纳未成年人，游艺娱乐场所的电子游戏机在国家法定节假日外向未成年人提供，或者娱乐场所容纳的消费者超过核定人数的，由县级人民政府文化主管部门没收违法所得和非法财物，并处违法所得1倍以上3倍以下的罚款；没有违法所得或者违法所得不足1万元的，并处1万元以上3万元以下的罚款；情节严重的，责令停业整顿1个月至6个月。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'BUSINESS_RESTRICTION'],
    description: 'KTV、游艺厅接纳未成年人或者超员经营等行为。',
  },
  {
    code: '02-WL-005',
    name: '对娱乐场所在禁止营业时间内营业等的处罚',
    category: 'PENALTY',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《娱乐场所管理条例》第四十九条：娱乐场所变更有关事项未按照规定申请重新核发娱乐经营许可证，在规定的禁止营业时间内营业，或者从业人员在营业期间未统一着装并佩带工作标志的，由县级人民政府文化主管部门责令改正，给予警告；情节严重的，责令停业整顿1个月至3个月。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'BUSINESS_RESTRICTION'],
    description: '娱乐场所在凌晨2时至上午8时禁止营业时段营业等行为。',
  },
  {
    code: '02-WL-006',
    name: '对娱乐场所未按照规定悬挂警示标志、未成年人禁入或者限入标志的处罚',
    category: 'PENALTY',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《娱乐场所管理条例》第五十一条：娱乐场所未按照本条例规定悬挂警示标志、未成年人禁入或者限入标志的，由县级人民政府文化主管部门、县级公安部门依据法定职权责令改正，给予警告。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING'],
    description: '娱乐场所入口处未悬挂未成年人禁入、限入标志等行为。',
  },
  {
    code: '06-WL-001',
    name: '对互联网上网服务营业场所经营单位经营活动的监督检查',
    category: 'INSPECTION',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《互联网上网服务营业场所管理条例》第四条：县级以上人民政府文化行政部门负责互联网上网服务营业场所经营单位的设立审批，并负责对依法设立的互联网上网服务营业场所经营单位经营活动的监督管理。',
    implementationBasis: '同设定依据',
    penaltyKinds: [],
    description: '对网吧营业时间、未成年人禁入、实名登记等落实情况开展日常检查。',
  },
  {
    code: '03-WL-001',
    name: '查封擅自从事互联网上网服务经营活动的场所，扣押从事违法经营活动的专用工具、设备',
    category: 'COERCION',
    domainCode: 'CULTURE_TOURISM',
    sourceDepartment: '文广旅局',
    settingBasis:
      '《互联网上网服务营业场所管理条例》第二十七条：擅自从事互联网上网服务经营活动的，由文化行政部门或者由文化行政部门会同公安机关依法予以取缔，查封其从事违法经营活动的场所，扣押从事违法经营活动的专用工具、设备。',
    implementationBasis: '《中华人民共和国行政强制法》关于查封、扣押的程序规定。',
    penaltyKinds: [],
    description: '取缔“黑网吧”时对场所、电脑等专用设备实施查封、扣押。',
  },

  // ───────────────────────── 应急管理局（EMERGENCY / YJ） ─────────────────────────
  {
    code: '02-YJ-001',
    name: '对未经许可生产、经营烟花爆竹制品，或者向未取得烟花爆竹安全生产许可的单位或者个人销售黑火药、烟火药、引火线的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《烟花爆竹安全管理条例》第三十六条第一款：对未经许可生产、经营烟花爆竹制品，或者向未取得烟花爆竹安全生产许可的单位或者个人销售黑火药、烟火药、引火线的，由安全生产监督管理部门责令停止非法生产、经营活动，处2万元以上10万元以下的罚款，并没收非法生产、经营的物品及违法所得。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '春节前后集镇无证销售烟花爆竹的行为；未经许可道路运输烟花爆竹、违规燃放由公安机关依第三十六条第二款、第四十二条处罚。',
  },
  {
    code: '02-YJ-002',
    name: '对烟花爆竹经营单位供应、销售非法生产、经营的烟花爆竹或者应由专业燃放人员燃放的烟花爆竹的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《烟花爆竹安全管理条例》第三十八条：从事烟花爆竹批发的企业向零售经营者供应非法生产、经营的烟花爆竹，或者供应应由专业燃放人员燃放的烟花爆竹的，处2万元以上10万元以下的罚款；从事烟花爆竹零售的经营者销售上述烟花爆竹的，处1000元以上5000元以下的罚款；均由安全生产监督管理部门责令停止违法行为，没收非法经营的物品及违法所得，情节严重的，吊销烟花爆竹经营许可证。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'PERMIT_REVOCATION'],
    description: '主项，按批发企业、零售经营者分设子项。',
  },
  {
    code: '02-YJ-002-01',
    name: '对烟花爆竹批发企业向零售经营者供应非法生产、经营的烟花爆竹或者应由专业燃放人员燃放的烟花爆竹的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《烟花爆竹安全管理条例》第三十八条第一款：从事烟花爆竹批发的企业向从事烟花爆竹零售的经营者供应非法生产、经营的烟花爆竹，或者供应按照国家标准规定应由专业燃放人员燃放的烟花爆竹的，由安全生产监督管理部门责令停止违法行为，处2万元以上10万元以下的罚款，并没收非法经营的物品及违法所得；情节严重的，吊销烟花爆竹经营许可证。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'PERMIT_REVOCATION'],
    parentCode: '02-YJ-002',
    description: '批发企业向零售点供应非法产品或者专业燃放类产品的行为。',
  },
  {
    code: '02-YJ-002-02',
    name: '对烟花爆竹零售经营者销售非法生产、经营的烟花爆竹或者应由专业燃放人员燃放的烟花爆竹的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《烟花爆竹安全管理条例》第三十八条第二款：从事烟花爆竹零售的经营者销售非法生产、经营的烟花爆竹，或者销售按照国家标准规定应由专业燃放人员燃放的烟花爆竹的，由安全生产监督管理部门责令停止违法行为，处1000元以上5000元以下的罚款，并没收非法经营的物品及违法所得；情节严重的，吊销烟花爆竹经营许可证。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'PERMIT_REVOCATION'],
    parentCode: '02-YJ-002',
    description: '持证零售点销售“三无”烟花爆竹或者专业燃放类产品的行为。',
  },
  {
    code: '02-YJ-003',
    name: '对生产经营单位未按照规定对从业人员进行安全生产教育和培训等的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《中华人民共和国安全生产法》第九十七条：生产经营单位未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训，未如实记录安全生产教育和培训情况，未将事故隐患排查治理情况如实记录或者未向从业人员通报，未按照规定制定生产安全事故应急救援预案或者未定期组织演练，或者特种作业人员未经专门培训取得相应资格上岗作业等的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '乡镇辖区小微企业、家庭式作坊安全培训和应急预案不落实等行为。',
  },
  {
    code: '02-YJ-004',
    name: '对生产经营单位未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志等的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《中华人民共和国安全生产法》第九十九条第（一）项至第（五）项：未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志，安全设备的安装、使用、检测、改造和报废不符合标准，未对安全设备进行经常性维护、保养和定期检测，或者未为从业人员提供符合标准的劳动防护用品等的，责令限期改正，处五万元以下的罚款；逾期未改正的，处五万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；情节严重的，责令停产停业整顿。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '小作坊、加工厂等未设置安全警示标志、未配发劳动防护用品等行为。',
  },
  {
    code: '02-YJ-005',
    name: '对餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《中华人民共和国安全生产法》第九十九条第（八）项：餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置的，责令限期改正，处五万元以下的罚款；逾期未改正的，处五万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；情节严重的，责令停产停业整顿。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '饭店、小吃店使用瓶装液化气或管道燃气但未安装可燃气体报警器的行为；燃气经营和燃气用户违规用气由燃气管理部门依《城镇燃气管理条例》查处。',
  },
  {
    code: '02-YJ-006',
    name: '对生产经营单位未采取措施消除事故隐患的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《中华人民共和国安全生产法》第一百零二条：生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除，处五万元以下的罚款；生产经营单位拒不执行的，责令停产停业整顿，对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '经检查发现事故隐患后拒不整改或者逾期未消除的行为。',
  },
  {
    code: '02-YJ-007',
    name: '对生产经营场所和员工宿舍未设有符合要求的出口、疏散通道，或者占用、锁闭、封堵出口、疏散通道等的处罚',
    category: 'PENALTY',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《中华人民共和国安全生产法》第一百零五条：生产、经营、储存、使用危险物品的车间、商店、仓库与员工宿舍在同一座建筑内或者距离不符合安全要求，或者生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口、疏散通道，或者占用、锁闭、封堵出口、疏散通道的，责令限期改正，处五万元以下的罚款，对其直接负责的主管人员和其他直接责任人员可以处一万元以下的罚款；逾期未改正的，责令停产停业整顿。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '“三合一”场所、小作坊锁闭封堵安全出口等行为；消防安全违法行为由消防救援机构依《中华人民共和国消防法》查处。',
  },
  {
    code: '06-YJ-001',
    name: '对生产经营单位执行安全生产法律、法规和国家标准或者行业标准情况的监督检查',
    category: 'INSPECTION',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《中华人民共和国安全生产法》第六十五条：应急管理部门和其他负有安全生产监督管理职责的部门依法开展安全生产行政执法工作，对生产经营单位执行有关安全生产的法律、法规和国家标准或者行业标准的情况进行监督检查，有权进入生产经营单位进行检查，调阅有关资料，向有关单位和人员了解情况，对检查中发现的安全生产违法行为当场予以纠正或者要求限期改正，对检查中发现的事故隐患责令立即排除。',
    implementationBasis: '同设定依据',
    penaltyKinds: [],
    description: '对辖区工贸企业、小作坊、烟花爆竹零售点等开展安全生产检查。',
  },
  {
    code: '03-YJ-001',
    name: '对不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押',
    category: 'COERCION',
    domainCode: 'EMERGENCY',
    sourceDepartment: '应急管理局',
    settingBasis:
      '《中华人民共和国安全生产法》第六十五条第一款第（四）项：对有根据认为不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押，对违法生产、储存、使用、经营危险物品的作业场所予以查封，并依法作出处理决定。',
    implementationBasis: '《中华人民共和国行政强制法》关于查封、扣押的程序规定。',
    penaltyKinds: [],
    description: '对非法储存的烟花爆竹、危险化学品及其作业场所实施查封、扣押。',
  },

  // ───────────────────────── 市场监管局（MARKET / SJ） ─────────────────────────
  {
    code: '02-SJ-001',
    name: '对无照经营及为无照经营提供条件的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《无证无照经营查处办法》第十三条、第十四条：从事无照经营的，由工商行政管理部门（现市场监督管理部门）依照相关法律、行政法规的规定予以处罚；明知属于无照经营而为经营者提供经营场所，或者提供运输、保管、仓储等条件的，责令停止违法行为，没收违法所得，可以处5000元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'BUSINESS_RESTRICTION'],
    description: '主项，下设无照经营、为无照经营提供条件两个子项；无证经营（未取得许可）由相应许可部门依第十二条查处。',
  },
  {
    code: '02-SJ-001-01',
    name: '对未经设立登记从事经营活动的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国市场主体登记管理条例》第四十三条：未经设立登记从事经营活动的，由登记机关责令改正，没收违法所得；拒不改正的，处1万元以上10万元以下的罚款；情节严重的，依法责令关闭停业，并处10万元以上50万元以下的罚款。',
    implementationBasis: '《无证无照经营查处办法》第十三条：从事无照经营的，依照相关法律、行政法规的规定予以处罚。',
    penaltyKinds: ['FINE', 'CONFISCATION', 'BUSINESS_RESTRICTION'],
    parentCode: '02-SJ-001',
    description: '未办理营业执照从事经营活动的行为；依法无须登记的便民劳务等不适用本项。',
  },
  {
    code: '02-SJ-001-02',
    name: '对明知属于无照经营而为经营者提供经营场所或者运输、保管、仓储等条件的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《无证无照经营查处办法》第十四条：明知属于无照经营而为经营者提供经营场所，或者提供运输、保管、仓储等条件的，由工商行政管理部门责令停止违法行为，没收违法所得，可以处5000元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    parentCode: '02-SJ-001',
    description: '房东、仓储业主等明知无照仍提供场所、仓储条件的行为。',
  },
  {
    code: '02-SJ-002',
    name: '对市场主体未将营业执照置于住所或者主要经营场所醒目位置的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国市场主体登记管理条例》第四十八条第一款：市场主体未依照本条例将营业执照置于住所或者主要经营场所醒目位置的，由登记机关责令改正；拒不改正的，处3万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '个体工商户等未亮照经营的行为。',
  },
  {
    code: '02-SJ-003',
    name: '对未取得食品生产经营许可从事食品生产经营活动的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国食品安全法》第一百二十二条第一款：未取得食品生产经营许可从事食品生产经营活动的，由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品以及用于违法生产经营的工具、设备、原料等物品；违法生产经营的食品货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '未取得食品经营许可证开办超市、餐馆等行为；食品小作坊、小经营店、小摊点按《河南省食品小作坊、小经营店和小摊点管理条例》管理。',
  },
  {
    code: '02-SJ-004',
    name: '对生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项：生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂的，由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、设备、原料等物品；货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'PERMIT_REVOCATION'],
    description: '乡村超市、小卖部销售过期食品的行为。',
  },
  {
    code: '02-SJ-005',
    name: '对食品生产经营者安排未取得健康证明或者患有有碍食品安全疾病的人员从事接触直接入口食品工作的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国食品安全法》第一百二十六条第一款第（六）项：食品生产经营者安排未取得健康证明或者患有国务院卫生行政部门规定的有碍食品安全疾病的人员从事接触直接入口食品的工作的，由县级以上人民政府食品安全监督管理部门责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款；情节严重的，责令停产停业，直至吊销许可证。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'FINE', 'BUSINESS_RESTRICTION', 'PERMIT_REVOCATION'],
    description: '餐饮店从业人员无健康证上岗的行为；公共场所从业人员健康证明由卫生健康部门管理。',
  },
  {
    code: '02-SJ-006',
    name: '对食品小作坊、小经营店和小摊点违反食品安全管理规定的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国食品安全法》第一百二十七条：对食品生产加工小作坊、食品摊贩等的违法行为的处罚，依照省、自治区、直辖市制定的具体管理办法执行。',
    implementationBasis: '《河南省食品小作坊、小经营店和小摊点管理条例》法律责任章的有关规定。',
    penaltyKinds: ['WARNING', 'FINE', 'CONFISCATION'],
    description: '粉条、豆制品、馍坊等食品小作坊及小经营店、小摊点未依法登记或者违反生产经营规范的行为。',
  },
  {
    code: '02-SJ-007',
    name: '对经营者违反明码标价规定的处罚',
    category: 'PENALTY',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国价格法》第四十二条：经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。',
    implementationBasis: '《明码标价和禁止价格欺诈规定》有关明码标价的具体要求。',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '集贸市场、商超、餐饮店等不明码标价或者不按规定标价的行为。',
  },
  {
    code: '06-SJ-001',
    name: '对食品生产经营者遵守食品安全法律法规情况的监督检查',
    category: 'INSPECTION',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国食品安全法》第一百一十条第（一）项至第（三）项：县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责，有权进入生产经营场所实施现场检查，对生产经营的食品、食品添加剂、食品相关产品进行抽样检验，查阅、复制有关合同、票据、账簿以及其他有关资料。',
    implementationBasis: '同设定依据',
    penaltyKinds: [],
    description: '对辖区食品经营户、小作坊、农村集体聚餐等开展日常监督检查。',
  },
  {
    code: '03-SJ-001',
    name: '查封、扣押不符合食品安全标准或者存在安全隐患以及用于违法生产经营的食品、食品添加剂、食品相关产品，查封违法从事生产经营活动的场所',
    category: 'COERCION',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《中华人民共和国食品安全法》第一百一十条第（四）项、第（五）项：查封、扣押有证据证明不符合食品安全标准或者有证据证明存在安全隐患以及用于违法生产经营的食品、食品添加剂、食品相关产品；查封违法从事生产经营活动的场所。',
    implementationBasis: '《中华人民共和国行政强制法》关于查封、扣押的程序规定。',
    penaltyKinds: [],
    description: '对问题食品及违法生产经营场所实施查封、扣押。',
  },
  {
    code: '03-SJ-002',
    name: '查封涉嫌从事无照经营的场所，查封、扣押涉嫌用于无照经营的工具、设备、原材料、产品（商品）等物品',
    category: 'COERCION',
    domainCode: 'MARKET',
    sourceDepartment: '市场监管局',
    settingBasis:
      '《无证无照经营查处办法》第十一条第二款：对涉嫌从事无照经营的场所，可以予以查封；对涉嫌用于无照经营的工具、设备、原材料、产品（商品）等物品，可以予以查封、扣押。',
    implementationBasis: '《中华人民共和国行政强制法》关于查封、扣押的程序规定。',
    penaltyKinds: [],
    description: '查处无照经营时对经营场所和涉案物品采取的强制措施。',
  },

  // ───────────────────────── 自然资源局（NATURAL_RESOURCES / ZR） ─────────────────────────
  {
    code: '02-ZR-001',
    name: '对未经批准或者采取欺骗手段骗取批准，非法占用土地的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法》第七十七条：未经批准或者采取欺骗手段骗取批准，非法占用土地的，由县级以上人民政府自然资源主管部门责令退还非法占用的土地，对违反土地利用总体规划擅自将农用地改为建设用地的，限期拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状，对符合土地利用总体规划的，没收在非法占用的土地上新建的建筑物和其他设施，可以并处罚款；超过批准的数量占用土地，多占的土地以非法占用土地论处。',
    implementationBasis: '《中华人民共和国土地管理法实施条例》第五十七条第一款：依照《土地管理法》第七十七条的规定处以罚款的，罚款额为非法占用土地每平方米100元以上1000元以下。',
    penaltyKinds: ['FINE', 'CONFISCATION', 'OTHER'],
    description: '单位和个人未经批准占地建厂房、建设施等行为；农村村民非法占用土地建住宅的，由农业农村部门依第七十八条查处。',
  },
  {
    code: '02-ZR-002',
    name: '对占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等破坏种植条件的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法》第七十五条：违反本法规定，占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等，破坏种植条件的，或者因开发土地造成土地荒漠化、盐渍化的，由县级以上人民政府自然资源主管部门、农业农村主管部门等按照职责责令限期改正或者治理，可以并处罚款。',
    implementationBasis: '《中华人民共和国土地管理法实施条例》第五十五条：依照《土地管理法》第七十五条的规定处以罚款的，罚款额为耕地开垦费的5倍以上10倍以下；破坏黑土地等优质耕地的，从重处罚。',
    penaltyKinds: ['FINE'],
    description: '主项，下设建窑建坟、耕地上建房挖砂取土两个子项；由自然资源、农业农村部门按照职责分工查处。',
  },
  {
    code: '02-ZR-002-01',
    name: '对占用耕地建窑、建坟破坏种植条件的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法》第七十五条：占用耕地建窑、建坟，破坏种植条件的，由县级以上人民政府自然资源主管部门、农业农村主管部门等按照职责责令限期改正或者治理，可以并处罚款。',
    implementationBasis: '《中华人民共和国土地管理法实施条例》第五十五条：罚款额为耕地开垦费的5倍以上10倍以下。',
    penaltyKinds: ['FINE'],
    parentCode: '02-ZR-002',
    description: '在耕地上建砖瓦窑、修建坟墓等破坏种植条件的行为。',
  },
  {
    code: '02-ZR-002-02',
    name: '对擅自在耕地上建房、挖砂、采石、采矿、取土等破坏种植条件的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法》第七十五条：擅自在耕地上建房、挖砂、采石、采矿、取土等，破坏种植条件的，由县级以上人民政府自然资源主管部门、农业农村主管部门等按照职责责令限期改正或者治理，可以并处罚款。',
    implementationBasis: '《中华人民共和国土地管理法实施条例》第五十五条：罚款额为耕地开垦费的5倍以上10倍以下。',
    penaltyKinds: ['FINE'],
    parentCode: '02-ZR-002',
    description: '在耕地上挖砂取土、堆放砂石等破坏耕作层的行为。',
  },
  {
    code: '02-ZR-003',
    name: '对买卖或者以其他形式非法转让土地的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法》第七十四条：买卖或者以其他形式非法转让土地的，由县级以上人民政府自然资源主管部门没收违法所得；对违反土地利用总体规划擅自将农用地改为建设用地的，限期拆除在非法转让的土地上新建的建筑物和其他设施，恢复土地原状，对符合土地利用总体规划的，没收在非法转让的土地上新建的建筑物和其他设施；可以并处罚款。',
    implementationBasis: '《中华人民共和国土地管理法实施条例》第五十四条：依照《土地管理法》第七十四条的规定处以罚款的，罚款额为违法所得的10%以上50%以下。',
    penaltyKinds: ['FINE', 'CONFISCATION', 'OTHER'],
    description: '私下买卖集体土地、以“以租代征”等形式非法转让土地的行为。',
  },
  {
    code: '02-ZR-004',
    name: '对临时使用土地期满拒不归还或者不按照批准的用途使用国有土地等的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法》第八十一条：依法收回国有土地使用权当事人拒不交出土地的，临时使用土地期满拒不归还的，或者不按照批准的用途使用国有土地的，由县级以上人民政府自然资源主管部门责令交还土地，处以罚款。',
    implementationBasis: '《中华人民共和国土地管理法实施条例》第五十九条：依照《土地管理法》第八十一条的规定处以罚款的，罚款额为非法占用土地每平方米100元以上500元以下。',
    penaltyKinds: ['FINE'],
    description: '工程临时用地到期不归还、擅自改变国有土地用途等行为。',
  },
  {
    code: '02-ZR-005',
    name: '对擅自将农民集体所有的土地通过出让、转让使用权或者出租等方式用于非农业建设的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法》第八十二条：擅自将农民集体所有的土地通过出让、转让使用权或者出租等方式用于非农业建设，或者违反本法规定，将集体经营性建设用地通过出让、出租等方式交由单位或者个人使用的，由县级以上人民政府自然资源主管部门责令限期改正，没收违法所得，并处罚款。',
    implementationBasis: '《中华人民共和国土地管理法实施条例》第六十条：依照《土地管理法》第八十二条的规定处以罚款的，罚款额为违法所得的10%以上30%以下。',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '村集体擅自出租集体土地用于建厂、建仓库等非农业建设的行为。',
  },
  {
    code: '02-ZR-006',
    name: '对非法占用永久基本农田发展林果业或者挖塘养鱼的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法实施条例》第五十一条：违反《土地管理法》第三十七条的规定，非法占用永久基本农田发展林果业或者挖塘养鱼的，由县级以上人民政府自然资源主管部门责令限期改正；逾期不改正的，按占用面积处耕地开垦费2倍以上5倍以下的罚款；破坏种植条件的，依照《土地管理法》第七十五条的规定处罚。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '在永久基本农田上栽植果树苗木、挖塘养鱼的行为。',
  },
  {
    code: '02-ZR-007',
    name: '对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国城乡规划法》第六十四条：未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的，由县级以上地方人民政府城乡规划主管部门责令停止建设；尚可采取改正措施消除对规划实施的影响的，限期改正，处建设工程造价百分之五以上百分之十以下的罚款；无法采取改正措施消除影响的，限期拆除，不能拆除的，没收实物或者违法收入，可以并处建设工程造价百分之十以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION', 'OTHER'],
    description: '城镇规划区内违法建设行为；乡、村庄规划区内未取得乡村建设规划许可证的，由乡镇人民政府依第六十五条处理。',
  },
  {
    code: '02-ZR-008',
    name: '对未经批准进行临时建设、未按照批准内容进行临时建设或者临时建筑物、构筑物超过批准期限不拆除的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国城乡规划法》第六十六条：建设单位或者个人未经批准进行临时建设的，未按照批准内容进行临时建设的，或者临时建筑物、构筑物超过批准期限不拆除的，由所在地城市、县人民政府城乡规划主管部门责令限期拆除，可以并处临时建设工程造价一倍以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '擅自搭建临时工棚、临时售楼部或者临建到期不拆除的行为。',
  },
  {
    code: '02-ZR-009',
    name: '对损毁、擅自移动永久性测量标志或者侵占永久性测量标志用地等的处罚',
    category: 'PENALTY',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国测绘法》第六十四条：损毁、擅自移动永久性测量标志或者正在使用中的临时性测量标志，侵占永久性测量标志用地，在永久性测量标志安全控制范围内从事危害测量标志安全和使用效能的活动，擅自拆迁永久性测量标志或者使永久性测量标志失去使用效能，或者违反操作规程使用永久性测量标志造成毁损的，给予警告，责令改正，可以并处二十万元以下的罚款。',
    implementationBasis: '《中华人民共和国测绘法》第六十六条第一款：除降低、暂扣、吊销测绘资质证书外的其他行政处罚，由县级以上人民政府测绘地理信息主管部门决定。',
    penaltyKinds: ['WARNING', 'FINE'],
    description: '农田耕作、工程施工中损毁三角点、水准点等测量标志的行为。',
  },
  {
    code: '06-ZR-001',
    name: '对土地管理法律、法规执行情况的监督检查',
    category: 'INSPECTION',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国土地管理法》第六十七条第一款、第六十八条：县级以上人民政府自然资源主管部门对违反土地管理法律、法规的行为进行监督检查，有权要求被检查的单位或者个人提供有关土地权利的文件和资料并予以查阅、复制，要求其就有关土地权利的问题作出说明，进入非法占用的土地现场进行勘测，责令非法占用土地的单位或者个人停止违反土地管理法律、法规的行为。',
    implementationBasis: '《中华人民共和国土地管理法实施条例》第四十八条关于监督检查措施的规定。',
    penaltyKinds: [],
    description: '土地卫片执法、耕地保护动态巡查等日常监督检查。',
  },
  {
    code: '03-ZR-001',
    name: '对责令停止建设后仍继续建设的违法建设工程查封施工现场',
    category: 'COERCION',
    domainCode: 'NATURAL_RESOURCES',
    sourceDepartment: '自然资源局',
    settingBasis:
      '《中华人民共和国城乡规划法》第六十八条：城乡规划主管部门作出责令停止建设或者限期拆除的决定后，当事人不停止建设或者逾期不拆除的，建设工程所在地县级以上地方人民政府可以责成有关部门采取查封施工现场、强制拆除等措施。',
    implementationBasis: '《中华人民共和国行政强制法》关于查封的程序规定。',
    penaltyKinds: [],
    description: '经县人民政府责成后对拒不停工的违法建设施工现场实施查封；强制拆除另按行政强制执行程序办理。',
  },

  // ───────────────────────── 住建局（HOUSING / ZJ） ─────────────────────────
  {
    code: '02-ZJ-001',
    name: '对施工工地未设置硬质围挡或者未采取覆盖、洒水抑尘等有效防尘降尘措施的处罚',
    category: 'PENALTY',
    domainCode: 'HOUSING',
    sourceDepartment: '住建局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十五条第一款：施工单位施工工地未设置硬质围挡，或者未采取覆盖、分段作业、择时施工、洒水抑尘、冲洗地面和车辆等有效防尘降尘措施的，建筑土方、工程渣土、建筑垃圾未及时清运或者未采用密闭式防尘网遮盖的，由县级以上人民政府住房城乡建设等主管部门按照职责责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '房屋建筑和市政工程施工扬尘防治措施不落实的行为。',
  },
  {
    code: '02-ZJ-002',
    name: '对建设单位未对暂时不能开工的建设用地的裸露地面进行覆盖等的处罚',
    category: 'PENALTY',
    domainCode: 'HOUSING',
    sourceDepartment: '住建局',
    settingBasis:
      '《中华人民共和国大气污染防治法》第一百一十五条第二款：建设单位未对暂时不能开工的建设用地的裸露地面进行覆盖，或者未对超过三个月不能开工的建设用地的裸露地面进行绿化、铺装或者遮盖的，由县级以上人民政府住房城乡建设等主管部门依照第一款规定予以处罚。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '已供地未开工地块裸土未覆盖的行为。',
  },
  {
    code: '02-ZJ-003',
    name: '对未取得燃气经营许可证从事燃气经营活动的处罚',
    category: 'PENALTY',
    domainCode: 'HOUSING',
    sourceDepartment: '住建局',
    settingBasis:
      '《城镇燃气管理条例》第四十五条第一款：未取得燃气经营许可证从事燃气经营活动的，由燃气管理部门责令停止违法行为，处5万元以上50万元以下罚款；有违法所得的，没收违法所得。',
    implementationBasis: '《城镇燃气管理条例》第五十四条：农村的燃气管理参照本条例的规定执行。',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '无证销售、配送瓶装液化石油气（“黑气点”）的行为。',
  },
  {
    code: '02-ZJ-004',
    name: '对燃气用户在不具备安全条件的场所使用、储存燃气或者擅自安装、改装、拆除户内燃气设施等的处罚',
    category: 'PENALTY',
    domainCode: 'HOUSING',
    sourceDepartment: '住建局',
    settingBasis:
      '《城镇燃气管理条例》第四十九条第一款：燃气用户及相关单位和个人擅自操作公用燃气阀门，安装、使用不符合气源要求的燃气燃烧器具，擅自安装、改装、拆除户内燃气设施和燃气计量装置，在不具备安全条件的场所使用、储存燃气，或者改变燃气用途、转供燃气等的，由燃气管理部门责令限期改正；逾期不改正的，对单位可以处10万元以下罚款，对个人可以处1000元以下罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '餐饮商户在地下室、密闭空间使用储存液化气钢瓶等行为；未安装可燃气体报警装置的由应急管理部门依《中华人民共和国安全生产法》第九十九条查处。',
  },
  {
    code: '02-ZJ-005',
    name: '对建设单位未取得施工许可证或者开工报告未经批准擅自施工的处罚',
    category: 'PENALTY',
    domainCode: 'HOUSING',
    sourceDepartment: '住建局',
    settingBasis:
      '《中华人民共和国建筑法》第六十四条：违反本法规定，未取得施工许可证或者开工报告未经批准擅自施工的，责令改正，对不符合开工条件的责令停止施工，可以处以罚款。',
    implementationBasis: '《建设工程质量管理条例》第五十七条：建设单位未取得施工许可证或者开工报告未经批准，擅自施工的，责令停止施工，限期改正，处工程合同价款百分之一以上百分之二以下的罚款。',
    penaltyKinds: ['FINE', 'BUSINESS_RESTRICTION'],
    description: '房屋建筑和市政基础设施工程未办理施工许可擅自开工的行为；限额以下小型工程和农民自建低层住宅不适用本项。',
  },

  // ───────────────────────── 水利局（WATER / SL） ─────────────────────────
  {
    code: '02-SL-001',
    name: '对在河道管理范围内建设妨碍行洪的建筑物、构筑物或者从事影响河势稳定、危害河岸堤防安全等活动的处罚',
    category: 'PENALTY',
    domainCode: 'WATER',
    sourceDepartment: '水利局',
    settingBasis:
      '《中华人民共和国水法》第六十五条第一款：在河道管理范围内建设妨碍行洪的建筑物、构筑物，或者从事影响河势稳定、危害河岸堤防安全和其他妨碍河道行洪的活动的，由县级以上人民政府水行政主管部门或者流域管理机构依据职权，责令停止违法行为，限期拆除违法建筑物、构筑物，恢复原状；逾期不拆除、不恢复原状的，强行拆除，所需费用由违法单位或者个人负担，并处一万元以上十万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '在赵河、潦河等河道管理范围内违法建房、建养殖棚等行为。',
  },
  {
    code: '02-SL-002',
    name: '对在江河、湖泊、水库、运河、渠道内弃置、堆放阻碍行洪的物体和种植阻碍行洪的林木及高秆作物的处罚',
    category: 'PENALTY',
    domainCode: 'WATER',
    sourceDepartment: '水利局',
    settingBasis:
      '《中华人民共和国水法》第六十六条第（一）项：在江河、湖泊、水库、运河、渠道内弃置、堆放阻碍行洪的物体和种植阻碍行洪的林木及高秆作物，且防洪法未作规定的，由县级以上人民政府水行政主管部门或者流域管理机构依据职权，责令停止违法行为，限期清除障碍或者采取其他补救措施，处一万元以上五万元以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '在河道、渠道内倾倒垃圾渣土、堆放秸秆或者种植高秆作物阻碍行洪的行为。',
  },
  {
    code: '02-SL-003',
    name: '对在水土保持方案确定的专门存放地以外的区域倾倒砂、石、土、矸石、尾矿、废渣等的处罚',
    category: 'PENALTY',
    domainCode: 'WATER',
    sourceDepartment: '水利局',
    settingBasis:
      '《中华人民共和国水土保持法》第五十五条：在水土保持方案确定的专门存放地以外的区域倾倒砂、石、土、矸石、尾矿、废渣等的，由县级以上地方人民政府水行政主管部门责令停止违法行为，限期清理，按照倾倒数量处每立方米十元以上二十元以下的罚款；逾期仍不清理的，可以指定有清理能力的单位代为清理，所需费用由违法行为人承担。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE'],
    description: '生产建设项目乱倒弃土弃渣的行为。',
  },

  // ───────────────────────── 卫健委（HEALTH / WS） ─────────────────────────
  {
    code: '02-WS-001',
    name: '对未取得公共场所卫生许可证擅自营业的处罚',
    category: 'PENALTY',
    domainCode: 'HEALTH',
    sourceDepartment: '卫健委',
    settingBasis:
      '《公共场所卫生管理条例》第十四条第一款第（四）项：未取得“卫生许可证”，擅自营业的，可以根据情节轻重，给予警告、罚款、停业整顿、吊销“卫生许可证”的行政处罚。',
    implementationBasis:
      '《公共场所卫生管理条例实施细则》第三十五条第一款：对未依法取得公共场所卫生许可证擅自营业的，由县级以上地方人民政府卫生行政部门责令限期改正，给予警告，并处以五百元以上五千元以下罚款；擅自营业曾受过处罚、擅自营业时间在三个月以上或者以涂改、转让、倒卖、伪造的卫生许可证擅自营业的，处以五千元以上三万元以下罚款。',
    penaltyKinds: ['WARNING', 'FINE', 'BUSINESS_RESTRICTION'],
    description: '宾馆、浴室、理发店、美容店等公共场所无卫生许可证经营的行为。',
  },
  {
    code: '02-WS-002',
    name: '对公共场所经营者安排未获得有效健康合格证明的从业人员从事直接为顾客服务工作的处罚',
    category: 'PENALTY',
    domainCode: 'HEALTH',
    sourceDepartment: '卫健委',
    settingBasis:
      '《公共场所卫生管理条例》第十四条第一款第（二）项：未获得“健康合格证”，而从事直接为顾客服务的，可以根据情节轻重，给予警告、罚款、停业整顿、吊销“卫生许可证”的行政处罚。',
    implementationBasis:
      '《公共场所卫生管理条例实施细则》第三十八条：公共场所经营者安排未获得有效健康合格证明的从业人员从事直接为顾客服务工作的，由县级以上地方人民政府卫生行政部门责令限期改正，给予警告，并处以五百元以上五千元以下罚款；逾期不改正的，处以五千元以上一万五千元以下罚款。',
    penaltyKinds: ['WARNING', 'FINE'],
    description: '理发、沐浴、住宿等场所从业人员无健康合格证明上岗的行为；餐饮从业人员健康证明由市场监管部门管理。',
  },
  {
    code: '02-WS-003',
    name: '对非医师行医的处罚',
    category: 'PENALTY',
    domainCode: 'HEALTH',
    sourceDepartment: '卫健委',
    settingBasis:
      '《中华人民共和国医师法》第五十九条：违反本法规定，非医师行医的，由县级以上人民政府卫生健康主管部门责令停止非法执业活动，没收违法所得和药品、医疗器械，并处违法所得二倍以上十倍以下的罚款，违法所得不足一万元的，按一万元计算。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'CONFISCATION'],
    description: '未取得医师资格从事诊疗活动的“黑诊所”“游医”行为；未取得医疗机构执业许可证擅自执业的依《中华人民共和国基本医疗卫生与健康促进法》有关规定处理。',
  },

  // ───────────────────────── 林业局（FORESTRY / LY） ─────────────────────────
  {
    code: '02-LY-001',
    name: '对盗伐、滥伐林木的处罚',
    category: 'PENALTY',
    domainCode: 'FORESTRY',
    sourceDepartment: '林业局',
    settingBasis:
      '《中华人民共和国森林法》第七十六条：盗伐林木的，由县级以上人民政府林业主管部门责令限期在原地或者异地补种盗伐株数一倍以上五倍以下的树木，并处盗伐林木价值五倍以上十倍以下的罚款；滥伐林木的，责令限期补种滥伐株数一倍以上三倍以下的树木，可以处滥伐林木价值三倍以上五倍以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'OTHER'],
    description: '主项，下设盗伐、滥伐两个子项；依第八十二条公安机关也可行使本项处罚权，构成犯罪的移送公安机关。',
  },
  {
    code: '02-LY-001-01',
    name: '对盗伐林木的处罚',
    category: 'PENALTY',
    domainCode: 'FORESTRY',
    sourceDepartment: '林业局',
    settingBasis:
      '《中华人民共和国森林法》第七十六条第一款：盗伐林木的，由县级以上人民政府林业主管部门责令限期在原地或者异地补种盗伐株数一倍以上五倍以下的树木，并处盗伐林木价值五倍以上十倍以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'OTHER'],
    parentCode: '02-LY-001',
    description: '以非法占有为目的擅自采伐他人或者集体林木的行为。',
  },
  {
    code: '02-LY-001-02',
    name: '对滥伐林木的处罚',
    category: 'PENALTY',
    domainCode: 'FORESTRY',
    sourceDepartment: '林业局',
    settingBasis:
      '《中华人民共和国森林法》第七十六条第二款：滥伐林木的，由县级以上人民政府林业主管部门责令限期在原地或者异地补种滥伐株数一倍以上三倍以下的树木，可以处滥伐林木价值三倍以上五倍以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'OTHER'],
    parentCode: '02-LY-001',
    description: '未取得采伐许可证或者超出许可范围采伐本人所有林木的行为。',
  },
  {
    code: '02-LY-002',
    name: '对进行开垦、采石、采砂、采土或者其他活动造成林木或者林地毁坏的处罚',
    category: 'PENALTY',
    domainCode: 'FORESTRY',
    sourceDepartment: '林业局',
    settingBasis:
      '《中华人民共和国森林法》第七十四条第一款：进行开垦、采石、采砂、采土或者其他活动，造成林木毁坏的，由县级以上人民政府林业主管部门责令停止违法行为，限期补种毁坏株数一倍以上三倍以下的树木，可以处毁坏林木价值五倍以下的罚款；造成林地毁坏的，责令停止违法行为，限期恢复植被和林业生产条件，可以处恢复植被和林业生产条件所需费用三倍以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'OTHER'],
    description: '在林地内毁林开垦、采石取土等行为。',
  },
  {
    code: '02-LY-003',
    name: '对未经县级以上人民政府林业主管部门审核同意擅自改变林地用途的处罚',
    category: 'PENALTY',
    domainCode: 'FORESTRY',
    sourceDepartment: '林业局',
    settingBasis:
      '《中华人民共和国森林法》第七十三条第一款：未经县级以上人民政府林业主管部门审核同意，擅自改变林地用途的，由县级以上人民政府林业主管部门责令限期恢复植被和林业生产条件，可以处恢复植被和林业生产条件所需费用三倍以下的罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['FINE', 'OTHER'],
    description: '擅自在林地上修建设施、硬化场地等改变林地用途的行为；经审核同意但未办理建设用地审批擅自占用林地的，依《中华人民共和国土地管理法》处罚。',
  },
  {
    code: '02-LY-004',
    name: '对森林防火期内未经批准擅自在森林防火区内野外用火的处罚',
    category: 'PENALTY',
    domainCode: 'FORESTRY',
    sourceDepartment: '林业局',
    settingBasis:
      '《森林防火条例》第五十条：森林防火期内未经批准擅自在森林防火区内野外用火的，由县级以上地方人民政府林业主管部门责令停止违法行为，给予警告，对个人并处200元以上3000元以下罚款，对单位并处1万元以上5万元以下罚款。',
    implementationBasis: '同设定依据',
    penaltyKinds: ['WARNING', 'FINE'],
    description: '森林防火期内在林区上坟烧纸、烧荒、野炊等野外用火行为。',
  },
];
