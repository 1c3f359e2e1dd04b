/**
 * The texts of the volunteer side of the demo seed: the three service brands, the theme of each month, the
 * activity titles and descriptions of each brand, and the points each brand's activities give.
 */

export type BrandCode = 'neighbourhood_festival' | 'emergency_drill' | 'red_saturday';

export const BRANDS: readonly { code: BrandCode; nameZh: string; nameEn: string; description: string }[] = [
  {
    code: 'neighbourhood_festival',
    nameZh: '邻里节',
    nameEn: 'Happy Neighbourhood Festival',
    description: '邻里守望、互助共享：百家宴、跳蚤市场、亲子手工和节庆联欢，让邻居成为亲人。',
  },
  {
    code: 'emergency_drill',
    nameZh: '应急演练',
    nameEn: 'Community Emergency Drill',
    description: '消防、防汛、地震疏散和急救培训，由社区公共服务队伍和共建单位一起组织。',
  },
  {
    code: 'red_saturday',
    nameZh: '红色星期六',
    nameEn: 'Red Saturday',
    description: '每月一个星期六，党员带头、居民参与，清洁家园、关爱老人、文明劝导。',
  },
];

/** The theme of each month of the year: brand and zh title, goals. */
export const THEMES: readonly { brand: BrandCode; title: string; goals: string }[] = [
  { brand: 'neighbourhood_festival', title: '新春邻里节·共度团圆年', goals: '走访慰问困难家庭，组织百家宴和写春联' },
  {
    brand: 'neighbourhood_festival',
    title: '元宵邻里情·猜灯谜闹元宵',
    goals: '每个社区至少一场元宵活动，党员带头参与',
  },
  { brand: 'red_saturday', title: '学雷锋志愿服务月', goals: '党员志愿者人人参与一次学雷锋服务' },
  { brand: 'emergency_drill', title: '春季消防安全应急演练', goals: '老旧小区消防通道全部畅通，演练覆盖每个社区' },
  { brand: 'red_saturday', title: '劳动创造美好家园·环境整治', goals: '清理楼道杂物和小广告，补植绿地' },
  { brand: 'emergency_drill', title: '安全生产月·防灾减灾演练', goals: '地震疏散和燃气泄漏处置演练进小区' },
  { brand: 'red_saturday', title: '七一党员先锋·红色星期六', goals: '庆祝党的生日，党员亮身份、办实事' },
  { brand: 'emergency_drill', title: '汛期防汛应急演练', goals: '低洼小区排涝演练，检查排水设施' },
  { brand: 'neighbourhood_festival', title: '中秋邻里节·月圆人团圆', goals: '中秋联欢和月饼DIY，关爱独居老人' },
  { brand: 'neighbourhood_festival', title: '重阳敬老邻里情', goals: '为高龄老人义诊、理发、送餐上门' },
  { brand: 'emergency_drill', title: '119消防宣传月应急演练', goals: '高层住宅火灾逃生演练和电动车充电安全宣传' },
  { brand: 'red_saturday', title: '冬季暖心红色星期六', goals: '清雪除冰，为困难群众送温暖' },
];

export const TITLES: Readonly<Record<BrandCode, readonly string[]>> = {
  neighbourhood_festival: [
    '邻里百家宴',
    '邻里互助跳蚤市场',
    '亲子手工课',
    '楼道文化墙共绘',
    '社区厨艺大赛',
    '家风家训分享会',
    '邻里联欢会',
    '老照片里的社区故事会',
  ],
  emergency_drill: [
    '消防安全应急演练',
    '地震应急疏散演练',
    '燃气泄漏处置演练',
    '急救知识与心肺复苏培训',
    '高层住宅火灾逃生演练',
    '电动车充电安全宣传',
    '防汛排涝应急演练',
  ],
  red_saturday: [
    '小区环境大扫除',
    '楼道杂物清理',
    '绿地补植与树木养护',
    '小广告清理',
    '为独居老人送温暖',
    '文明交通劝导',
    '垃圾分类宣传',
  ],
};

export const DESCRIPTIONS: Readonly<Record<BrandCode, string>> = {
  neighbourhood_festival: '欢迎邻居们携家人参加，党员志愿者负责组织和场地布置。',
  emergency_drill: '请参加者准时到场，演练由社区公共服务队伍和共建单位现场指导。',
  red_saturday: '党员带头、居民参与，工具由社区统一准备，请穿方便劳动的衣服。',
};

export const POINTS: Readonly<Record<BrandCode, number>> = {
  neighbourhood_festival: 2,
  emergency_drill: 3,
  red_saturday: 5,
};
