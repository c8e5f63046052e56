/**
 * Zhenping county (镇平县, Henan) as listed in 《镇平县行政执法改革与管理专项整治工作实施方案》 §二: 22 streets and townships, 27 county
 * departments and 4 vertically managed units, plus a few sub-units that sit under a department.
 * `short` is the name used in the county's own notices; codes are the county's illustrative scheme.
 */
export const REGION = '镇平县';

export const COUNTY_GOVERNMENT = { code: '411324-G00', name: '镇平县人民政府', kind: 'OTHER' as const };

/** The county's discipline inspection and supervision commission (纪委监委), which receives leads of misconduct (an organization of the OTHER kind). */
export const DISCIPLINE_COMMISSION = { code: '411324-G01', name: '中共镇平县纪律检查委员会 镇平县监察委员会', kind: 'OTHER' as const, short: '纪委监委' };

export const townships: { short: string; name: string }[] = [
  '涅阳街道', '玉都街道', '雪枫街道', '安字营镇', '晁陂镇', '二龙乡', '高丘镇', '郭庄乡', '侯集镇', '贾宋镇', '老庄镇',
  '柳泉铺镇', '卢医镇', '马庄乡', '张林镇', '王岗乡', '枣园镇', '彭营镇', '石佛寺镇', '遮山镇', '曲屯镇', '杨营镇',
].map((name) => ({ short: name.replace(/(街道|镇|乡)$/, ''), name }));

export const departments: { short: string; name: string }[] = [
  ['发改委', '镇平县发展和改革委员会'],
  ['教体局', '镇平县教育体育局'],
  ['公安局', '镇平县公安局'],
  ['财政局', '镇平县财政局'],
  ['人社局', '镇平县人力资源和社会保障局'],
  ['扶贫办', '镇平县扶贫开发办公室'],
  ['住建局', '镇平县住房和城乡建设局'],
  ['民政局', '镇平县民政局'],
  ['司法局', '镇平县司法局'],
  ['自然资源局', '镇平县自然资源局'],
  ['城市管理局', '镇平县城市管理局'],
  ['水利局', '镇平县水利局'],
  ['交通运输局', '镇平县交通运输局'],
  ['农业农村局', '镇平县农业农村局'],
  ['商务局', '镇平县商务局'],
  ['文广旅局', '镇平县文化广电和旅游局'],
  ['卫健委', '镇平县卫生健康委员会'],
  ['应急管理局', '镇平县应急管理局'],
  ['审计局', '镇平县审计局'],
  ['市场监管局', '镇平县市场监督管理局'],
  ['科工局', '镇平县科学技术和工业信息化局'],
  ['民宗局', '镇平县民族宗教事务局'],
  ['统计局', '镇平县统计局'],
  ['医保局', '镇平县医疗保障局'],
  ['林业局', '镇平县林业局'],
  ['信访局', '镇平县信访局'],
  ['退役军人事务局', '镇平县退役军人事务局'],
].map(([short, name]) => ({ short, name }));

export const verticalUnits: { short: string; name: string }[] = [
  ['市生态环境局镇平分局', '南阳市生态环境局镇平分局'],
  ['税务局', '国家税务总局镇平县税务局'],
  ['气象局', '镇平县气象局'],
  ['烟草局', '镇平县烟草专卖局'],
].map(([short, name]) => ({ short, name }));

/** Units that belong to a department (公安局 含交警大队、派出所; 市场监管局 含市场监管所). */
export const subUnits: { name: string; parent: string }[] = [
  { name: '镇平县公安局交通警察大队', parent: '公安局' },
  { name: '镇平县公安局涅阳派出所', parent: '公安局' },
  { name: '镇平县公安局石佛寺派出所', parent: '公安局' },
  { name: '镇平县市场监督管理局涅阳市场监管所', parent: '市场监管局' },
  { name: '镇平县市场监督管理局石佛寺市场监管所', parent: '市场监管局' },
];

/** Seed 004 §三(二)4: which department guides which streets and townships (by short name). */
export const guidance: { department: string; townships: string[] }[] = [
  { department: '城市管理局', townships: ['涅阳', '玉都', '雪枫', '杨营', '石佛寺'] },
  { department: '市生态环境局镇平分局', townships: ['老庄', '二龙'] },
  { department: '交通运输局', townships: ['遮山', '柳泉铺'] },
  { department: '农业农村局', townships: ['侯集', '安字营', '彭营'] },
  { department: '文广旅局', townships: ['郭庄'] },
  { department: '应急管理局', townships: ['卢医', '曲屯'] },
  { department: '市场监管局', townships: ['枣园', '贾宋', '马庄', '张林'] },
  { department: '自然资源局', townships: ['高丘', '王岗', '晁陂'] },
];

/**
 * Which streets and townships each department hands its own power items down to, in the catalogs.
 * The guidance mapping above says who guides a team; it does not decide who delegates: every
 * department that holds items delegates them, so 住建、水利、卫健、林业 items reach townships that no
 * one from those departments guides, and urban management's reach every street and township. Each
 * department also names its enforcement staff to the townships its items reach (各行政执法部门要将执法
 * 人员分包到各乡镇(街道)). A guiding department reaches the townships it guides and a few more.
 */
export const delegationReach: { department: string; townships: string[] }[] = [
  { department: '城市管理局', townships: townships.map((t) => t.short) },
  { department: '市生态环境局镇平分局', townships: ['老庄', '二龙', '石佛寺', '贾宋'] },
  { department: '交通运输局', townships: ['遮山', '柳泉铺', '涅阳', '卢医'] },
  { department: '农业农村局', townships: ['侯集', '安字营', '彭营', '郭庄', '马庄'] },
  { department: '文广旅局', townships: ['郭庄', '石佛寺', '涅阳'] },
  { department: '应急管理局', townships: ['卢医', '曲屯', '枣园', '玉都'] },
  { department: '市场监管局', townships: ['枣园', '贾宋', '马庄', '张林', '石佛寺'] },
  { department: '自然资源局', townships: ['高丘', '王岗', '晁陂', '杨营'] },
  { department: '住建局', townships: ['涅阳', '玉都', '雪枫', '石佛寺', '杨营'] },
  { department: '水利局', townships: ['二龙', '老庄', '高丘', '遮山'] },
  { department: '卫健委', townships: ['涅阳', '玉都', '雪枫', '侯集'] },
  { department: '林业局', townships: ['二龙', '高丘', '老庄', '王岗', '枣园'] },
];

export const domains: { code: string; name: string; description: string }[] = [
  { code: 'URBAN', name: '城市管理', description: '市容环境卫生、城乡规划建设管理、园林绿化等' },
  { code: 'MARKET', name: '市场监管', description: '市场主体登记、食品安全、产品质量、价格等' },
  { code: 'NATURAL_RESOURCES', name: '自然资源', description: '土地管理、矿产资源、测绘等' },
  { code: 'ECOLOGY', name: '生态环境', description: '大气、水、噪声、固体废物污染防治等' },
  { code: 'EMERGENCY', name: '应急管理', description: '安全生产、危险化学品、烟花爆竹等' },
  { code: 'AGRICULTURE', name: '农业农村', description: '农药、兽药、种子、农机、秸秆禁烧等' },
  { code: 'CULTURE_TOURISM', name: '文化旅游', description: '文化市场、旅游市场、广播电视等' },
  { code: 'TRANSPORT', name: '交通运输', description: '公路路政、道路运输、水路运输等' },
  { code: 'HEALTH', name: '卫生健康', description: '公共场所卫生、医疗机构、控烟等' },
  { code: 'WATER', name: '水利', description: '河道管理、水资源、水土保持等' },
  { code: 'HOUSING', name: '住房城乡建设', description: '建筑市场、房地产、物业管理等' },
  { code: 'FORESTRY', name: '林业', description: '林地、林木、野生动植物保护等' },
];
