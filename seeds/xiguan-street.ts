/**
 * The facts of Xiguan Street (Jiexiu, Shanxi) behind the demo seed: the "1 + 6 + N" organisation, the wish
 * categories and the demo accounts. Plain data, no logic. Where the source article gives a fact (the street's
 * population of 54,506, six communities, 66 compound branches of which 26 have no property management,
 * Wenxiangyuan, the Shanxi Printing and Dyeing Factory compound, the Landscaping Center, the secretaries'
 * names) it is used as given; everything else is invented but plausible.
 */
import type { Role } from '../server/src/entities/index.ts';

export type HandlingLevel = 'COMPOUND' | 'COMMUNITY' | 'STREET';

export interface CompoundFacts {
  name: string;
  nameZh: string;
  hasPropertyManagement: boolean;
  population: number;
  households: number;
  /** Has a grid (and grid worker) of its own; otherwise the community's general grid covers it. */
  ownGrid: boolean;
}

export interface CommunityFacts {
  name: string;
  nameZh: string;
  partyOrganization: string;
  population: number;
  households: number;
  generalGrid: { name: string; nameZh: string; partyOrganization: string };
  compounds: readonly CompoundFacts[];
}

export type PartnerKey = 'landscaping' | 'power' | 'water' | 'property' | 'hospital' | 'incubator';

export interface PartnerFacts {
  key: PartnerKey;
  name: string;
  nameZh: string;
  description: string;
  partyOrganization: string | null;
  /** Display name of the contact person who receives dispatched orders (role VOLUNTEER at the partner). */
  contactName: string;
}

export type CategoryCode =
  | 'parking'
  | 'greenery'
  | 'repairs'
  | 'street_lamps'
  | 'sanitation'
  | 'safety'
  | 'property_disputes'
  | 'elderly_care'
  | 'other';

export interface CategoryFacts {
  code: CategoryCode;
  nameZh: string;
  nameEn: string;
  defaultLevel: HandlingLevel;
  dueInDays: number;
  sortOrder: number;
  /** The partner unit usually brought in for this kind of wish, if any. */
  partner: PartnerKey | null;
}

export interface AccountFacts {
  username: string;
  displayName: string;
  role: Role;
  /** English name of the unit the role is attached to. */
  unit: string;
  phone: string | null;
}

export const STREET = {
  name: 'Xiguan Street',
  nameZh: '西关街道',
  partyOrganization: 'Xiguan Street Party Working Committee',
  population: 54506,
  households: 20187,
  description:
    'Sub-district in the northwest of Jiexiu City, Shanxi, at the urban-rural junction: old, new and ' +
    'under-construction compounds side by side, dense and mobile population.',
} as const;

const compound = (
  name: string,
  nameZh: string,
  hasPropertyManagement: boolean,
  population: number,
  households: number,
  ownGrid = false,
): CompoundFacts => ({ name, nameZh, hasPropertyManagement, population, households, ownGrid });

const generalGrid = (name: string, nameZh: string) => ({
  name: `${name} General Grid`,
  nameZh: `${nameZh}总网格`,
  partyOrganization: `${name} General Grid Party Group`,
});

/** Populations sum to the street's 54,506; compound populations leave room for scattered housing. */
export const COMMUNITIES: readonly CommunityFacts[] = [
  {
    name: 'Hongshun Road Community',
    nameZh: '洪顺路社区',
    partyOrganization: 'Hongshun Road Community Party Branch',
    population: 10326,
    households: 3824,
    generalGrid: generalGrid('Hongshun Road', '洪顺路社区'),
    compounds: [
      compound('Wenxiangyuan', '文香苑', true, 1036, 361),
      compound('Hongshun Garden', '洪顺花园', true, 1079, 372, true),
      compound('Mianshan Garden', '绵山花园', true, 1117, 400),
      compound('Cotton Mill Dormitory', '棉织厂宿舍', false, 520, 178, true),
      compound('Shuncheng Jiayuan', '顺城佳苑', true, 965, 358),
      compound('Grain Bureau Dormitory', '粮食局宿舍', false, 432, 167, true),
      compound('Jinxiu Homeland', '锦绣家园', true, 1057, 362),
      compound('Supply and Marketing Cooperative Compound', '供销社家属院', false, 518, 197),
      compound('Xingfu Lane Compound', '幸福巷小区', false, 567, 209),
      compound('Yujing Garden', '御景园', true, 1175, 435),
      compound('Hongshun Road No. 2 Compound', '洪顺路二号院', false, 358, 122),
      compound('Taihe Mingju', '泰和名居', true, 915, 343),
    ],
  },
  {
    name: 'Financial Road Community',
    nameZh: '金融路社区',
    partyOrganization: 'Financial Road Community Party Branch',
    population: 9874,
    households: 3657,
    generalGrid: generalGrid('Financial Road', '金融路社区'),
    compounds: [
      compound('Shanxi Printing and Dyeing Factory Compound', '山西印染厂小区', false, 811, 301),
      compound("People's Bank Dormitory", '人民银行宿舍', false, 530, 203, true),
      compound('ICBC Staff Compound', '工商银行家属院', true, 643, 245),
      compound('Agricultural Bank Compound', '农业银行小区', true, 707, 263, true),
      compound('Jinrong Garden', '金融花园', true, 1626, 559),
      compound('Rural Credit Cooperative Compound', '信用社家属院', false, 520, 177, true),
      compound('Post Office Compound', '邮政局家属院', false, 397, 151),
      compound('Caiyuan Compound', '财苑小区', true, 1067, 388),
      compound('Tax Bureau Dormitory', '税务局宿舍', true, 591, 209),
      compound('Fuxing Garden', '福星苑', true, 1105, 392),
      compound('Jianxin Compound', '建信小区', true, 1271, 461),
    ],
  },
  {
    name: 'Xinjian Road Community',
    nameZh: '新建路社区',
    partyOrganization: 'Xinjian Road Community Party Branch',
    population: 9120,
    households: 3378,
    generalGrid: generalGrid('Xinjian Road', '新建路社区'),
    compounds: [
      compound('Xinjian Garden', '新建花园', true, 1243, 459),
      compound('Coking Plant Compound', '焦化厂家属院', false, 605, 218, true),
      compound('Power Bureau Dormitory', '电业局宿舍', true, 628, 230),
      compound('No. 1 Middle School Staff Compound', '介休一中教师宿舍', false, 403, 156, true),
      compound('Xinyuan Compound', '馨园小区', true, 1122, 397),
      compound('Fertilizer Plant Compound', '化肥厂家属院', false, 552, 209, true),
      compound('Lanting Garden', '兰亭花园', true, 1055, 384),
      compound('Mingzhu Apartments', '明珠公寓', true, 702, 275),
      compound('Agricultural Machinery Plant Compound', '农机厂小区', false, 560, 200),
      compound('Kangning Jiayuan', '康宁家园', true, 1008, 379),
      compound('Xinjian Road No. 8 Compound', '新建路八号院', true, 638, 221),
    ],
  },
  {
    name: 'Beiguan Community',
    nameZh: '北关社区',
    partyOrganization: 'Beiguan Community Party Branch',
    population: 8452,
    households: 3130,
    generalGrid: generalGrid('Beiguan', '北关社区'),
    compounds: [
      compound('Beiguan Old Street Compound', '北关老街小区', false, 705, 242),
      compound('Jielin Garden', '介林苑', true, 1175, 460, true),
      compound('Railway Station Dormitory', '火车站宿舍', false, 519, 184),
      compound('Beiguan New Village', '北关新村', false, 660, 233, true),
      compound('Ruifeng Garden', '瑞丰苑', true, 978, 379),
      compound('Construction Company Compound', '建筑公司家属院', false, 444, 154, true),
      compound('Jinsheng Garden', '锦盛花园', true, 996, 371),
      compound('Fenhe Jiayuan', '汾河佳苑', true, 1014, 368),
      compound('Brewery Compound', '酒厂家属院', false, 469, 160),
      compound('Beichen Apartments', '北辰公寓', true, 714, 273),
    ],
  },
  {
    name: 'Longfeng Community',
    nameZh: '龙凤社区',
    partyOrganization: 'Longfeng Community Party Branch',
    population: 8915,
    households: 3302,
    generalGrid: generalGrid('Longfeng', '龙凤社区'),
    compounds: [
      compound('Longfeng Garden', '龙凤花园', true, 1263, 494),
      compound('Steel Plant Dormitory', '钢厂宿舍', false, 579, 209, true),
      compound('Fengming Garden', '凤鸣苑', true, 1003, 344),
      compound('Longquan Compound', '龙泉小区', true, 761, 295, true),
      compound('Transport Company Compound', '运输公司家属院', false, 377, 137),
      compound('Xiangyun Jiayuan', '祥云家园', true, 855, 316, true),
      compound('Hospital Staff Compound', '医院家属院', false, 464, 159),
      compound('Jinlong Apartments', '金龙公寓', true, 808, 308),
      compound('Glass Factory Compound', '玻璃厂小区', false, 459, 160),
      compound('Huafu Garden', '华府花园', true, 934, 346),
      compound('Longfeng No. 3 Compound', '龙凤三号院', true, 622, 226),
    ],
  },
  {
    name: 'Yingbin Road Community',
    nameZh: '迎宾路社区',
    partyOrganization: 'Yingbin Road Community Party Branch',
    population: 7819,
    households: 2896,
    generalGrid: generalGrid('Yingbin Road', '迎宾路社区'),
    compounds: [
      compound('Yingbin Garden', '迎宾花园', true, 855, 332),
      compound('Hotel Staff Dormitory', '宾馆职工宿舍', false, 375, 143, true),
      compound('Dongfang Jiayuan', '东方家园', true, 819, 316),
      compound('Water Company Compound', '自来水公司家属院', false, 409, 142, true),
      compound('Xiyuan Compound', '西苑小区', true, 695, 238),
      compound('Chengjian Compound', '城建小区', false, 463, 181, true),
      compound('Boya Garden', '博雅苑', true, 943, 362),
      compound('Anju Compound', '安居小区', true, 751, 279),
      compound('Flour Mill Compound', '面粉厂家属院', false, 286, 103),
      compound('Lvyuan Jiayuan', '绿苑家园', true, 878, 313),
      compound('Tianyi Apartments', '天一公寓', true, 698, 253),
    ],
  },
];

/** The "N": agencies, enterprises, institutions, social organisations and volunteer teams. */
export const PARTNERS: readonly PartnerFacts[] = [
  {
    key: 'landscaping',
    name: 'Jiexiu Landscaping Center',
    nameZh: '介休市园林绿化中心',
    description: 'Prunes and plants street and compound trees; takes greenery orders from the branches.',
    partyOrganization: 'Jiexiu Landscaping Center Party Branch',
    contactName: '白志强',
  },
  {
    key: 'power',
    name: 'State Grid Jiexiu Power Supply Company',
    nameZh: '国网介休市供电公司',
    description: 'Street lamps, compound transformers and charging piles.',
    partyOrganization: 'State Grid Jiexiu Power Supply Company Party Committee',
    contactName: '冀宏伟',
  },
  {
    key: 'water',
    name: 'Jiexiu Water Supply Company',
    nameZh: '介休市自来水公司',
    description: 'Water mains, drains and sewage pumping in old compounds.',
    partyOrganization: 'Jiexiu Water Supply Company Party Branch',
    contactName: '闫振华',
  },
  {
    key: 'property',
    name: 'Jiexiu Xinyuan Property Management Co., Ltd.',
    nameZh: '介休市馨苑物业管理有限公司',
    description: 'Professional property company brought in for compounds without property management.',
    partyOrganization: null,
    contactName: '孟晓东',
  },
  {
    key: 'hospital',
    name: "Jiexiu People's Hospital Volunteer Team",
    nameZh: '介休市人民医院志愿服务队',
    description: 'Home visits, health checks and medicine runs for elderly residents.',
    partyOrganization: "Jiexiu People's Hospital Party Committee",
    contactName: '冯雅琴',
  },
  {
    key: 'incubator',
    name: 'Xiguan Street Social Organisation Incubation Base',
    nameZh: '西关街道社区社会组织孵化基地',
    description: 'Hosts community social organisations and the public service teams behind the volunteer brands.',
    partyOrganization: 'Xiguan Street Social Organisations Joint Party Branch',
    contactName: '乔丽萍',
  },
];

export const CATEGORIES: readonly CategoryFacts[] = [
  {
    code: 'parking',
    nameZh: '停车管理',
    nameEn: 'Parking',
    defaultLevel: 'COMMUNITY',
    dueInDays: 30,
    sortOrder: 10,
    partner: 'power',
  },
  {
    code: 'greenery',
    nameZh: '绿化与树木',
    nameEn: 'Greenery and trees',
    defaultLevel: 'COMPOUND',
    dueInDays: 14,
    sortOrder: 20,
    partner: 'landscaping',
  },
  {
    code: 'repairs',
    nameZh: '维修（台阶、楼梯、门牌）',
    nameEn: 'Repairs (steps, stairs, house numbers)',
    defaultLevel: 'COMPOUND',
    dueInDays: 10,
    sortOrder: 30,
    partner: 'water',
  },
  {
    code: 'street_lamps',
    nameZh: '路灯照明',
    nameEn: 'Street lamps',
    defaultLevel: 'COMMUNITY',
    dueInDays: 7,
    sortOrder: 40,
    partner: 'power',
  },
  {
    code: 'sanitation',
    nameZh: '环境卫生（楼道杂物）',
    nameEn: 'Sanitation (stairwell debris)',
    defaultLevel: 'COMPOUND',
    dueInDays: 5,
    sortOrder: 50,
    partner: null,
  },
  {
    code: 'safety',
    nameZh: '安全隐患',
    nameEn: 'Safety hazards',
    defaultLevel: 'STREET',
    dueInDays: 3,
    sortOrder: 60,
    partner: 'power',
  },
  {
    code: 'property_disputes',
    nameZh: '物业纠纷',
    nameEn: 'Property disputes',
    defaultLevel: 'COMMUNITY',
    dueInDays: 30,
    sortOrder: 70,
    partner: 'property',
  },
  {
    code: 'elderly_care',
    nameZh: '为老服务',
    nameEn: 'Elderly care',
    defaultLevel: 'COMPOUND',
    dueInDays: 7,
    sortOrder: 80,
    partner: 'hospital',
  },
  {
    code: 'other',
    nameZh: '其他',
    nameEn: 'Other',
    defaultLevel: 'COMPOUND',
    dueInDays: 14,
    sortOrder: 90,
    partner: 'incubator',
  },
];

/** Exactly the table of contract/DEMO-ACCOUNTS.md. Secretaries' names are the article's. */
export const DEMO_ACCOUNTS: readonly AccountFacts[] = [
  { username: 'admin', displayName: '王秀芳', role: 'STREET_ADMIN', unit: 'Xiguan Street', phone: '13903540001' },
  {
    username: 'hongshun.secretary',
    displayName: '王润梅',
    role: 'BRANCH_SECRETARY',
    unit: 'Hongshun Road Community',
    phone: '13903540102',
  },
  {
    username: 'wenxiangyuan.secretary',
    displayName: '李建华',
    role: 'BRANCH_SECRETARY',
    unit: 'Wenxiangyuan',
    phone: '13903540103',
  },
  {
    username: 'financial.secretary',
    displayName: '宋杰',
    role: 'BRANCH_SECRETARY',
    unit: 'Financial Road Community',
    phone: '13903540204',
  },
  {
    username: 'grid.hongshun',
    displayName: '赵敏',
    role: 'GRID_WORKER',
    unit: 'Hongshun Road General Grid',
    phone: '13903540105',
  },
  {
    username: 'member.wenxiangyuan.1',
    displayName: '郭志刚',
    role: 'PARTY_MEMBER',
    unit: 'Wenxiangyuan',
    phone: '13903540111',
  },
  {
    username: 'member.wenxiangyuan.2',
    displayName: '刘桂兰',
    role: 'PARTY_MEMBER',
    unit: 'Wenxiangyuan',
    phone: '13903540112',
  },
  {
    username: 'member.wenxiangyuan.3',
    displayName: '张国庆',
    role: 'PARTY_MEMBER',
    unit: 'Wenxiangyuan',
    phone: '13903540113',
  },
  {
    username: 'member.wenxiangyuan.4',
    displayName: '武文斌',
    role: 'PARTY_MEMBER',
    unit: 'Wenxiangyuan',
    phone: '13903540114',
  },
  {
    username: 'member.wenxiangyuan.5',
    displayName: '任秀英',
    role: 'PARTY_MEMBER',
    unit: 'Wenxiangyuan',
    phone: '13903540115',
  },
  {
    username: 'member.financial.1',
    displayName: '侯建军',
    role: 'PARTY_MEMBER',
    unit: 'Shanxi Printing and Dyeing Factory Compound',
    phone: '13903540211',
  },
  {
    username: 'volunteer.wenxiangyuan.1',
    displayName: '田晓燕',
    role: 'VOLUNTEER',
    unit: 'Wenxiangyuan',
    phone: '13903540121',
  },
  {
    username: 'resident.wenxiangyuan.1',
    displayName: '王建国',
    role: 'RESIDENT',
    unit: 'Wenxiangyuan',
    phone: '13903540131',
  },
  {
    username: 'resident.wenxiangyuan.2',
    displayName: '梁淑珍',
    role: 'RESIDENT',
    unit: 'Wenxiangyuan',
    phone: '13903540132',
  },
  {
    username: 'resident.wenxiangyuan.3',
    displayName: '贾永红',
    role: 'RESIDENT',
    unit: 'Wenxiangyuan',
    phone: '13903540133',
  },
  {
    username: 'resident.financial.1',
    displayName: '温丽娟',
    role: 'RESIDENT',
    unit: 'Shanxi Printing and Dyeing Factory Compound',
    phone: '13903540231',
  },
  {
    username: 'screen.hongshun',
    displayName: '洪顺路社区服务大厅大屏',
    role: 'DISPLAY',
    unit: 'Hongshun Road Community',
    phone: null,
  },
];

/** Named in the article, no login: Zhang Jing, deputy secretary of the working committee and office director. */
export const STREET_STAFF: readonly { displayName: string; role: Role }[] = [
  { displayName: '张静', role: 'STREET_ADMIN' },
];

/** Pools for invented Chinese names (surnames weighted towards those common in central Shanxi). */
export const SURNAMES = [
  '王',
  '王',
  '王',
  '张',
  '张',
  '李',
  '李',
  '郭',
  '郭',
  '武',
  '任',
  '梁',
  '侯',
  '贾',
  '田',
  '温',
  '宋',
  '赵',
  '刘',
  '杨',
  '陈',
  '闫',
  '冀',
  '孟',
  '乔',
  '白',
  '马',
  '高',
  '韩',
  '段',
  '史',
  '范',
  '薛',
  '曹',
  '程',
  '胡',
  '朱',
  '吴',
  '冯',
  '董',
  '韦',
  '牛',
  '秦',
  '常',
  '郝',
  '康',
  '霍',
  '卫',
  '解',
  '原',
] as const;

export const GIVEN_NAME_CHARS = [
  '建',
  '国',
  '华',
  '明',
  '志',
  '伟',
  '俊',
  '军',
  '平',
  '红',
  '秀',
  '英',
  '兰',
  '芳',
  '丽',
  '敏',
  '静',
  '霞',
  '燕',
  '梅',
  '玲',
  '桂',
  '淑',
  '珍',
  '凤',
  '云',
  '海',
  '涛',
  '斌',
  '强',
  '刚',
  '勇',
  '峰',
  '鹏',
  '磊',
  '文',
  '武',
  '保',
  '宝',
  '成',
  '德',
  '福',
  '贵',
  '荣',
  '生',
  '永',
  '春',
  '晓',
  '丽',
  '娟',
  '琴',
  '萍',
  '宏',
  '振',
  '东',
  '亮',
  '林',
  '瑞',
  '鑫',
  '慧',
  '婷',
  '雪',
  '晨',
  '浩',
  '宇',
  '博',
  '佳',
  '欣',
  '月',
  '玉',
  '金',
  '银',
  '喜',
  '旺',
  '存',
  '锁',
] as const;

/** Mobile prefixes for invented phone numbers. */
export const PHONE_PREFIXES = [
  '139',
  '138',
  '137',
  '135',
  '136',
  '150',
  '151',
  '152',
  '158',
  '159',
  '186',
  '187',
  '133',
  '153',
  '180',
  '189',
] as const;
