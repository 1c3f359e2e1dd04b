/**
 * The scripted wishes: the article's two stories (Wenxiangyuan's parking, the dripping trees at the printing
 * and dyeing factory compound), a street-level escalation, and enough history around the demo accounts to try
 * every screen. They count towards the status targets; the generated wishes fill the rest.
 */
import type { Rng } from './rng.ts';
import { minutes } from './time.ts';
import type { WishSpec } from './wish-spec.ts';
import type { CompoundWorld, PersonDraft, World } from './world.ts';

/** The article's two stories, and enough history around the demo accounts to try every screen. */
export function scriptedSpecs(world: World, rng: Rng): WishSpec[] {
  const u = world.person;
  const [admin, hs, ws, fs, grid] = [
    'admin',
    'hongshun.secretary',
    'wenxiangyuan.secretary',
    'financial.secretary',
    'grid.hongshun',
  ].map(u) as [PersonDraft, PersonDraft, PersonDraft, PersonDraft, PersonDraft];
  const [m1, m2, m3, m4, m5] = [1, 2, 3, 4, 5].map((i) => u(`member.wenxiangyuan.${i}`)) as [
    PersonDraft,
    PersonDraft,
    PersonDraft,
    PersonDraft,
    PersonDraft,
  ];
  const [r1, r2, r3] = [1, 2, 3].map((i) => u(`resident.wenxiangyuan.${i}`)) as [PersonDraft, PersonDraft, PersonDraft];
  const v1 = u('volunteer.wenxiangyuan.1');
  const mf = u('member.financial.1');
  const rf = u('resident.financial.1');
  const landscaping = world.partnerContacts.get('landscaping') as PersonDraft;
  const power = world.partnerContacts.get('power') as PersonDraft;

  const wenxiangyuan = world.compound('Wenxiangyuan');
  const printing = world.compound('Shanxi Printing and Dyeing Factory Compound');
  const peoplesBank = world.compound("People's Bank Dormitory");
  const otherResident = (k: CompoundWorld) => rng.pick(k.residents.filter((p) => p.username === null));
  const app = (k: CompoundWorld, resident: PersonDraft) => ({
    compound: k,
    channel: 'APP' as const,
    resident,
    listedBy: resident,
  });

  return [
    {
      // The article: a grid worker hears it on a visit; the community secretary coordinates on site.
      title: '文香苑停车难，希望规划停车位',
      description:
        '小区车位长期紧张，回家总要绕好几圈才能找到地方停车，又怕乱停耽误邻居出行。车位规划的事物业和居民一直没谈拢，' +
        '大家希望社区出面协调解决。（网格员入户走访时记录）',
      category: 'parking',
      compound: wenxiangyuan,
      channel: 'GRID_VISIT',
      resident: r1,
      listedBy: grid,
      resolveNote: '经多次协调，文香苑新增机动车停车位12个、电动车充电桩10个，停车难问题有效缓解。',
      steps: [
        {
          action: 'ESCALATE',
          actor: ws,
          note: '车位规划物业与居民未达成一致，居民希望社区出面协调。',
          after: [180, minutes(1)],
        },
        {
          action: 'DISPATCH',
          actor: hs,
          assignees: [m1, m2, grid],
          supervisor: ws,
          note: '王润梅书记到文香苑实地了解情况后派单：参会党员和网格员参与协调，监督落实。',
          after: [minutes(1), minutes(2)],
        },
        { action: 'ACCEPT', actor: m1, after: [60, 240] },
        {
          action: 'RESOLVE',
          actor: m1,
          after: [minutes(18), minutes(25)],
          meetings: [
            {
              place: '文香苑小区现场',
              participants:
                '王润梅（洪顺路社区党支部书记）、李建华（文香苑党支部书记）、物业项目经理、党员郭志刚、刘桂兰、网格员赵敏、居民代表6名',
              decisions:
                '现场协调会：物业与居民代表共同重新规划小区停车区域；利用东侧空地建设电动车充电桩；党员和网格员监督落实。',
              after: [minutes(1), minutes(3)],
            },
            {
              place: '文香苑小区活动室',
              participants: '王润梅（洪顺路社区党支部书记）、物业项目经理、党员代表5名、居民代表6名',
              decisions:
                '确认新增12个机动车停车位和10个电动车充电桩的位置与施工时间；物业负责施工，党员志愿者负责施工期间秩序引导。',
              after: [minutes(10), minutes(15)],
            },
          ],
        },
        { action: 'EVALUATE', actor: r1, rating: 5, note: '车位和充电桩都有了，停车不用再绕圈子，感谢社区和党员们！' },
      ],
      lastEventDaysAgo: [215, 190],
    },
    {
      // The article: the Landscaping Center and the grid worker prune the branches together.
      title: '雨天树枝往居民家里滴水',
      description:
        '小区里的几棵大树长得比楼还高，下雨天树枝侧面漏下来的雨水直接滴进居民家里，窗台和墙面都泡坏了，希望尽快修剪。',
      category: 'greenery',
      ...app(printing, rf),
      resolveNote: '园林绿化中心工作人员与网格员一起修剪了高大树枝，雨天不再往居民家中滴水。',
      steps: [
        {
          action: 'DISPATCH',
          actor: fs,
          assignees: [landscaping, printing.gridWorker],
          note: '联系园林部门处理，网格员配合。',
        },
        { action: 'ACCEPT', actor: landscaping },
        { action: 'RESOLVE', actor: landscaping },
        { action: 'EVALUATE', actor: rf, rating: 5, note: '修剪得很及时，下雨再也不往家里滴水了。' },
      ],
      lastEventDaysAgo: [150, 120],
    },
    {
      // Too big for the community: escalated to the street, which brings in the power company.
      title: '小区变压器老化，夏天频繁跳闸停电',
      description: '小区变压器用了二十多年，一到夏天用电高峰就跳闸，老人怕热，冰箱里的东西也坏了，希望彻底解决。',
      category: 'safety',
      ...app(peoplesBank, otherResident(peoplesBank)),
      resolveNote: '供电公司完成小区变压器增容改造，改造期间安排临时供电，跳闸问题已解决。',
      steps: [
        { action: 'ESCALATE', actor: peoplesBank.secretary },
        { action: 'ESCALATE', actor: fs },
        { action: 'DISPATCH', actor: admin, assignees: [power, peoplesBank.gridWorker] },
        { action: 'ACCEPT', actor: power },
        {
          action: 'RESOLVE',
          actor: power,
          after: [minutes(5), minutes(9)],
          meetings: [
            {
              place: '人民银行宿舍现场',
              participants: `王秀芳（西关街道党工委书记）、宋杰（金融路社区党支部书记）、${power.displayName}（国网介休市供电公司）、${peoplesBank.secretary.displayName}（人民银行宿舍党支部书记）、居民代表5名`,
              decisions: '供电公司对小区变压器进行增容改造；街道协调改造期间临时供电；网格员每日巡查并及时通知居民。',
            },
          ],
        },
        { action: 'EVALUATE', rating: 5 },
      ],
      lastEventDaysAgo: [180, 160],
    },
    // --- Wenxiangyuan, around the demo accounts
    {
      title: '3号楼2单元楼道堆放杂物',
      description: '3号楼2单元楼道里堆着旧家具和纸箱，晚上上下楼容易磕碰，也有火灾隐患，希望帮忙清理。',
      category: 'sanitation',
      ...app(wenxiangyuan, r1),
      resolveNote: '协助住户清理楼道杂物，共清运两车，楼道已恢复通畅。',
      steps: [{ action: 'DISPATCH', actor: ws, assignees: [m2] }, { action: 'ACCEPT' }, { action: 'RESOLVE' }],
      lastEventDaysAgo: [2, 0.2],
    },
    {
      title: '5号楼1单元楼梯台阶破损',
      description: '5号楼1单元一楼到二楼的台阶塌了两级角，老人上下楼容易绊倒，希望尽快修补。',
      category: 'repairs',
      ...app(wenxiangyuan, r2),
      resolveNote: '已用水泥修补破损台阶，并加装防滑条。',
      steps: [],
      lastEventDaysAgo: [1.5, 0.02],
    },
    {
      title: '7号楼3单元楼道声控灯坏了',
      description: '7号楼3单元三楼到五楼的声控灯都不亮了，晚上上下楼只能用手机照明。',
      category: 'street_lamps',
      ...app(wenxiangyuan, r3),
      resolveNote: '更换声控灯三盏，楼道照明恢复。',
      steps: [{ action: 'DISPATCH', actor: ws, assignees: [m1], supervisor: null }],
      lastEventDaysAgo: [1.5, 0.02],
    },
    {
      title: '独居老人希望有人定期探望',
      description: '对门的李奶奶八十多岁了，子女都在外地，一个人住，前几天还摔了一跤，希望有人能定期上门看看。',
      category: 'elderly_care',
      ...app(wenxiangyuan, r2),
      resolveNote: '安排党员结对帮扶，每周上门探望两次。',
      steps: [
        { action: 'DISPATCH', actor: ws, assignees: [m3, m4], supervisor: null },
        { action: 'ACCEPT', actor: m3 },
      ],
      lastEventDaysAgo: [4, 0.5],
    },
    {
      title: '小区中心绿地杂草丛生',
      description: '小区中心绿地很久没人打理，杂草有半人高，蚊子特别多，希望组织大家清理一下。',
      category: 'greenery',
      ...app(wenxiangyuan, r3),
      resolveNote: '党员志愿者清除杂草并补种了花草。',
      steps: [{ action: 'OPEN_FOR_CLAIM', actor: ws }],
      lastEventDaysAgo: [3, 0.02],
    },
    {
      title: '希望小区增设健身器材',
      description: '小区里没有健身器材，老人和孩子没有活动的地方，希望在东侧空地安装一些。（网格员走访时记录）',
      category: 'other',
      compound: wenxiangyuan,
      channel: 'GRID_VISIT',
      resident: otherResident(wenxiangyuan),
      listedBy: grid,
      resolveNote: '协调体育部门在小区空地安装健身器材一套。',
      steps: [{ action: 'OPEN_FOR_CLAIM', actor: hs }],
      lastEventDaysAgo: [5, 0.02],
    },
    {
      title: '2号楼1单元单元门关不上',
      description: '2号楼1单元的闭门器坏了，单元门总是关不上，冬天楼道里很冷，也不安全。',
      category: 'repairs',
      ...app(wenxiangyuan, r1),
      resolveNote: '已更换闭门器，单元门恢复正常。',
      steps: [
        { action: 'DISPATCH', actor: ws, assignees: [m4], supervisor: null },
        { action: 'ACCEPT' },
        { action: 'RESOLVE' },
        { action: 'REOPEN', rating: 2, note: '闭门器换了没两天又坏了，问题没有解决。' },
        { action: 'DISPATCH', actor: ws, assignees: [m5], supervisor: null },
        { action: 'ACCEPT' },
        { action: 'RESOLVE', note: '更换了质量更好的液压闭门器并反复调试，单元门已能自动关严。' },
        { action: 'EVALUATE', rating: 4, note: '这次修好了，就是跑了两趟。' },
      ],
      lastEventDaysAgo: [90, 60],
    },
    {
      title: '楼道墙上小广告太多',
      description: '1号楼各单元楼道墙上贴满了小广告，很影响环境。',
      category: 'sanitation',
      ...app(wenxiangyuan, r2),
      resolveNote: '志愿者清除小广告并粉刷了墙面。',
      steps: [
        { action: 'OPEN_FOR_CLAIM', actor: ws },
        { action: 'CLAIM', actor: v1 },
        { action: 'RESOLVE' },
        { action: 'AUTO_CLOSE' },
      ],
      lastEventDaysAgo: [50, 30],
    },
    {
      title: '4号楼门口长期被私家车占用',
      description: '4号楼门口常年停着一辆私家车，老人推轮椅进出很不方便，希望协调挪走。',
      category: 'parking',
      ...app(wenxiangyuan, r3),
      resolveNote: '联系车主挪车，已设置禁停标识。',
      steps: [{ action: 'CANCEL', note: '车主已经自己挪走了，撤回诉求。' }],
      lastEventDaysAgo: [40, 20],
    },
    {
      title: '楼上邻居装修噪音扰民',
      description: '楼上邻居装修了两个多月，周末一大早就开始电钻，希望管一管。',
      category: 'other',
      ...app(wenxiangyuan, r2),
      resolveNote: '已协调。',
      steps: [
        {
          action: 'REJECT',
          actor: ws,
          note: '经核实属于邻里之间的民事纠纷，已请人民调解员上门调解，不作为工单受理。',
        },
      ],
      lastEventDaysAgo: [120, 100],
    },
    {
      title: '6号楼旁树枝遮挡窗户影响采光',
      description: '6号楼南侧的几棵杨树长得比楼还高，树枝伸到窗前，屋里白天都要开灯，希望修剪。',
      category: 'greenery',
      ...app(wenxiangyuan, r3),
      resolveNote: '联系园林部门对树枝进行修剪，已不再遮挡窗户。',
      steps: [
        { action: 'DISPATCH', actor: ws, assignees: [m5], supervisor: null },
        { action: 'DECLINE', note: '本人近期外出，无法按时处理，申请改派。' },
        { action: 'DISPATCH', actor: ws, assignees: [m2, landscaping], supervisor: null },
        { action: 'ACCEPT', actor: m2 },
        { action: 'RESOLVE' },
        { action: 'EVALUATE', rating: 5 },
      ],
      lastEventDaysAgo: [160, 140],
    },
    {
      title: '希望楼道加装扶手方便老人',
      description: '8号楼2单元住的多是老年人，希望在楼梯靠墙一侧加装扶手。',
      category: 'elderly_care',
      ...app(wenxiangyuan, r1),
      resolveNote: '在楼道靠墙一侧加装了扶手。',
      steps: [
        { action: 'OPEN_FOR_CLAIM', actor: ws },
        { action: 'CLAIM', actor: m4 },
        { action: 'ABANDON', note: '需要专业施工队安装，志愿者无法完成，申请退回。' },
        { action: 'DISPATCH', actor: ws, assignees: [m1], supervisor: null },
        { action: 'ACCEPT' },
        { action: 'RESOLVE' },
        { action: 'EVALUATE', rating: 3 },
      ],
      lastEventDaysAgo: [250, 230],
    },
    // --- Hongshun Road: wishes waiting for dispatch
    ...(['Hongshun Garden', 'Mianshan Garden'] as const).map((name, i): WishSpec => {
      const k = world.compound(name);
      return {
        title: i === 0 ? '小区路灯不亮，夜间出行不便' : '垃圾清运不及时',
        description:
          i === 0
            ? '小区里靠近3号楼的几盏路灯坏了很久，晚上黑漆漆的，老人下楼遛弯都不敢走。'
            : '小区垃圾桶满了好几天没人清运，气味很大，还招苍蝇。',
        category: i === 0 ? 'street_lamps' : 'sanitation',
        ...app(k, otherResident(k)),
        resolveNote: '已处理。',
        steps: [],
        lastEventDaysAgo: [3, 0.02],
      };
    }),
    {
      title: '物业撤出后小区无人管理',
      description: '原物业公司合同到期撤走了，小区没人管，垃圾没人清，大门也没人看。',
      category: 'property_disputes',
      ...app(world.compound('Cotton Mill Dormitory'), otherResident(world.compound('Cotton Mill Dormitory'))),
      resolveNote: '协助成立物业管理委员会，引入社区托管服务。',
      steps: [{ action: 'ESCALATE' }],
      lastEventDaysAgo: [4, 0.02],
    },
    // --- Financial Road, around resident.financial.1 and member.financial.1
    {
      title: '9号楼门牌号脱落',
      description: '9号楼的楼号牌掉了，快递和来访的人经常找错楼，希望重新安装。',
      category: 'repairs',
      ...app(printing, rf),
      resolveNote: '已重新安装楼号牌。',
      steps: [],
      lastEventDaysAgo: [2, 0.02],
    },
    {
      title: '2号楼1单元楼道堆放杂物',
      description: '2号楼1单元楼道里堆放了旧家具和自行车，影响通行，希望清理。',
      category: 'sanitation',
      ...app(printing, rf),
      resolveNote: '协助住户清理楼道杂物。',
      steps: [
        { action: 'DISPATCH', actor: printing.secretary, assignees: [mf], supervisor: null },
        { action: 'ACCEPT' },
      ],
      lastEventDaysAgo: [3, 0.2],
    },
    {
      title: '老人行动不便，需要代买药品',
      description: '家里老人腿脚不便，常吃的降压药需要定期去医院开，希望志愿者帮忙代购。',
      category: 'elderly_care',
      ...app(printing, otherResident(printing)),
      resolveNote: '志愿者每月代购药品并送药上门。',
      steps: [{ action: 'DISPATCH', actor: printing.secretary, assignees: [mf], supervisor: null }],
      lastEventDaysAgo: [1.5, 0.02],
    },
    {
      title: '快递无处存放，经常丢件',
      description: '小区没有快递柜，快递经常放在门口丢失。',
      category: 'other',
      ...app(printing, otherResident(printing)),
      resolveNote: '协调快递企业设置智能快递柜。',
      steps: [{ action: 'OPEN_FOR_CLAIM', actor: fs }],
      lastEventDaysAgo: [4, 0.02],
    },
    {
      title: '小区路面坑洼积水',
      description: '小区主路有几处大坑，下雨后积水，老人和孩子走路容易摔倒。',
      category: 'repairs',
      ...app(printing, rf),
      resolveNote: '已对坑洼路面进行硬化修补。',
      steps: [
        { action: 'DISPATCH', actor: printing.secretary, assignees: [mf, printing.gridWorker], supervisor: null },
        { action: 'ACCEPT', actor: mf },
        { action: 'RESOLVE' },
        { action: 'EVALUATE', rating: 4 },
      ],
      lastEventDaysAgo: [80, 60],
    },
    {
      title: '主路窨井盖缺失',
      description: '小区主路上有一个窨井盖不见了，晚上很危险。',
      category: 'safety',
      ...app(printing, rf),
      resolveNote: '已补装井盖并设置警示标志。',
      steps: [
        { action: 'DISPATCH', actor: fs, assignees: [mf], supervisor: null },
        { action: 'ACCEPT' },
        { action: 'RESOLVE' },
      ],
      lastEventDaysAgo: [3, 0.2],
    },
  ];
}
