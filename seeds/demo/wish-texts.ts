/**
 * Chinese texts for the generated demo wishes: per category, what residents ask for and what the
 * assignee reports when it is done. Placeholders: {compound} (the compound's Chinese name),
 * {building} ("3号楼"), {unit} ("2单元").
 */
import type { CategoryCode } from '../xiguan-street.ts';

export interface WishTemplate {
  title: string;
  description: string;
  resolveNote: string;
}

export const WISH_TEMPLATES: Readonly<Record<CategoryCode, readonly WishTemplate[]>> = {
  parking: [
    {
      title: '{compound}停车位不足，车辆乱停乱放',
      description:
        '小区车位太少，晚上回来经常找不到地方停车，车辆停在消防通道和单元门口，影响邻居出行，希望社区协调规划停车位。',
      resolveNote: '与物业和业主代表协商，重新施划车位，清理长期占位车辆，新增临时停车位。',
    },
    {
      title: '{building}门口长期被私家车占用',
      description: '{building}{unit}门口常年停着一辆私家车，老人推轮椅进出很不方便，希望协调挪走并设置禁停标识。',
      resolveNote: '联系车主挪车，已在单元门口设置禁停标识和隔离桩。',
    },
    {
      title: '电动车充电难，有人从楼上拉电线充电',
      description: '小区没有电动车充电桩，不少住户从楼上拉电线下来充电，既不方便又有火灾隐患，希望加装充电桩。',
      resolveNote: '协调供电部门和物业，在小区东侧空地安装集中充电桩。',
    },
    {
      title: '小区门口僵尸车长期占道',
      description: '小区门口有两辆落满灰尘的车停了半年多，一直占着通道，希望尽快处理。',
      resolveNote: '联系交警部门依法拖移僵尸车，通道已恢复畅通。',
    },
    {
      title: '外来车辆随意进出停放',
      description: '小区没有门禁，外来车辆随意进出停放，本小区居民反而没有地方停车，希望加装道闸。',
      resolveNote: '经业主协商，小区加装了道闸，本小区车辆登记后出入。',
    },
    {
      title: '消防通道被车辆堵塞',
      description: '{building}北侧的消防通道天天停满了车，万一着火消防车根本进不来，希望管一管。',
      resolveNote: '在消防通道施划禁停标线，党员志愿者轮流劝导，通道已保持畅通。',
    },
  ],
  greenery: [
    {
      title: '{building}旁树枝遮挡窗户影响采光',
      description: '{building}南侧的几棵杨树长得比楼还高，树枝伸到窗前，屋里白天都要开灯，希望修剪。',
      resolveNote: '联系园林部门对树枝进行修剪，已不再遮挡窗户。',
    },
    {
      title: '树枝伸进阳台，雨天往屋里滴水',
      description: '{building}{unit}窗外的树枝伸进了阳台，一下雨雨水就顺着树枝流进屋里，墙都泡了，希望修剪。',
      resolveNote: '已修剪伸入阳台的树枝，雨天不再往屋里滴水。',
    },
    {
      title: '小区绿地杂草丛生',
      description: '小区中心绿地很久没人打理，杂草有半人高，夏天蚊虫特别多，希望组织清理。',
      resolveNote: '党员志愿者清除杂草，并补种了花草。',
    },
    {
      title: '枯树存在倒伏隐患',
      description: '{building}东侧有一棵枯死的大树，刮大风时摇晃得厉害，担心砸到行人和车辆，希望尽快处理。',
      resolveNote: '园林部门已将枯树伐除并清运，补种了一棵国槐。',
    },
    {
      title: '楼前绿化带被挖开种菜',
      description: '有住户把{building}前的绿化带挖开种菜，还浇粪肥，气味很大，希望恢复绿化。',
      resolveNote: '入户劝导住户，已恢复绿化带。',
    },
    {
      title: '杨絮飘飞，希望治理',
      description: '每年春天小区里的杨树飘絮严重，老人孩子过敏，窗户都不敢开，希望采取措施。',
      resolveNote: '园林部门对杨树注射抑制剂并适当修剪。',
    },
  ],
  repairs: [
    {
      title: '{building}{unit}楼梯台阶破损',
      description: '{building}{unit}一楼到二楼的台阶有两级塌了角，老人上下楼容易绊倒，希望尽快修补。',
      resolveNote: '已用水泥修补破损台阶，并加装防滑条。',
    },
    {
      title: '{building}门牌号脱落',
      description: '{building}的楼号牌掉了，快递和来访的人经常找错楼，希望重新安装。',
      resolveNote: '已重新制作并安装楼号牌和单元牌。',
    },
    {
      title: '老旧楼梯扶手锈蚀松动',
      description: '{building}{unit}楼梯扶手锈蚀松动，有的地方已经断开，扶着很不安全。',
      resolveNote: '更换了锈蚀的扶手，并重新刷漆加固。',
    },
    {
      title: '{building}{unit}单元门关不上',
      description: '{building}{unit}的单元门闭门器坏了，门总是关不上，冬天楼道很冷，也不安全。',
      resolveNote: '已更换闭门器，单元门恢复正常。',
    },
    {
      title: '{building}楼顶漏水',
      description: '{building}顶层住户反映，下雨时楼顶漏水，墙面已经发霉，希望维修防水层。',
      resolveNote: '协调维修资金，对楼顶防水层进行了修补。',
    },
    {
      title: '小区路面坑洼积水',
      description: '小区主路有几处大坑，下雨后积水，老人和孩子走路容易摔倒。',
      resolveNote: '已对坑洼路面进行硬化修补。',
    },
    {
      title: '{building}{unit}下水道堵塞返水',
      description: '{building}{unit}下水管道堵塞，一楼住户家里返水，味道很大。',
      resolveNote: '联系专业人员疏通管道，已恢复通畅。',
    },
    {
      title: '单元门口台阶缺少坡道',
      description: '{building}{unit}门口只有台阶，坐轮椅的老人和推婴儿车的家长进出很困难，希望修一个坡道。',
      resolveNote: '在单元门口修建了无障碍坡道并安装扶手。',
    },
  ],
  street_lamps: [
    {
      title: '小区路灯不亮，夜间出行不便',
      description: '小区里靠近{building}的几盏路灯坏了很久，晚上黑漆漆的，老人下楼遛弯都不敢走。',
      resolveNote: '已更换灯具，路灯恢复照明。',
    },
    {
      title: '{building}{unit}楼道声控灯坏了',
      description: '{building}{unit}三楼到五楼的声控灯都不亮了，晚上上下楼要用手机照明。',
      resolveNote: '更换声控灯五盏，楼道照明恢复。',
    },
    {
      title: '巷口缺少照明，夜里回家害怕',
      description: '小区后门出来的巷子没有路灯，晚上下班回家很害怕，希望加装路灯。',
      resolveNote: '协调供电公司在巷口新装两盏太阳能路灯。',
    },
    {
      title: '路灯白天亮晚上不亮',
      description: '小区门口的路灯时控坏了，白天亮着，晚上反而不亮。',
      resolveNote: '维修时控开关，路灯已按时开关。',
    },
  ],
  sanitation: [
    {
      title: '{building}{unit}楼道堆放杂物',
      description: '{building}{unit}楼道里堆放了旧家具、纸箱和自行车，既影响通行又有火灾隐患，希望清理。',
      resolveNote: '党员志愿者协助住户清理楼道杂物，共清运两车。',
    },
    {
      title: '垃圾清运不及时',
      description: '小区垃圾桶满了好几天没人清运，气味很大，还招苍蝇。',
      resolveNote: '协调环卫部门调整清运时间，改为每天清运一次。',
    },
    {
      title: '{building}后面成了卫生死角',
      description: '{building}后面的空地成了卫生死角，堆满了建筑垃圾和生活垃圾。',
      resolveNote: '组织志愿者清理卫生死角，清运垃圾三车。',
    },
    {
      title: '楼道墙上小广告太多',
      description: '{building}{unit}楼道墙上贴满了小广告，很影响环境。',
      resolveNote: '志愿者清除小广告并粉刷了墙面。',
    },
    {
      title: '{building}旁化粪池满溢',
      description: '{building}旁边的化粪池满了，污水外溢，臭味很大。',
      resolveNote: '联系抽污车进行清掏，并对周边进行消毒。',
    },
  ],
  safety: [
    {
      title: '楼道私拉电线充电存在隐患',
      description: '{building}{unit}有住户从窗户拉电线给电动车充电，电线就搭在楼道里，担心起火。',
      resolveNote: '入户宣传劝导，拆除私拉电线，引导到集中充电点充电。',
    },
    {
      title: '小区消防栓打开没水',
      description: '小区的消防栓很久没人检查了，打开没水，万一着火怎么办。',
      resolveNote: '联系消防部门检查维修消防设施，消防栓已恢复供水。',
    },
    {
      title: '主路窨井盖缺失',
      description: '小区主路上有一个窨井盖不见了，晚上很危险。',
      resolveNote: '已补装井盖并设置警示标志。',
    },
    {
      title: '{building}外墙瓷砖脱落',
      description: '{building}外墙瓷砖有脱落，下面就是人行道，担心砸到人。',
      resolveNote: '设置警戒区域，联系施工队清除松动瓷砖。',
    },
    {
      title: '楼道燃气管道老化有异味',
      description: '{building}{unit}楼道里经常闻到燃气味，管道锈得厉害。',
      resolveNote: '燃气公司上门检测，更换了老化管段。',
    },
    {
      title: '小区配电箱门敞开，孩子常在旁边玩',
      description: '{building}旁边的配电箱门锁坏了，一直敞着，孩子们经常在旁边玩，太危险了。',
      resolveNote: '供电部门更换了配电箱门锁，并张贴了警示标识。',
    },
  ],
  property_disputes: [
    {
      title: '物业费收取标准不透明',
      description: '物业费涨了，服务却没变，收费标准也没有公示，业主意见很大，希望社区出面协调。',
      resolveNote: '组织物业与业主代表座谈，公示收费标准和收支明细。',
    },
    {
      title: '物业撤出后小区无人管理',
      description: '原物业公司合同到期撤走了，小区没人管，垃圾没人清，大门也没人看。',
      resolveNote: '协助成立物业管理委员会，引入社区托管服务。',
    },
    {
      title: '报修一周物业仍不处理',
      description: '{building}{unit}的水管漏水报修一个星期了，物业一直拖着不修。',
      resolveNote: '约谈物业公司，漏水已修复，并建立报修限时办结制度。',
    },
    {
      title: '小区公共收益去向不明',
      description: '小区广告位和停车收费的公共收益从来没有公布过，希望公开。',
      resolveNote: '督促物业公示近三年公共收益，由物管会监督使用。',
    },
    {
      title: '一楼住户私自扩建占用公共空间',
      description: '{building}一楼住户私自扩建院子，占了公共绿地和通道，物业管不了。',
      resolveNote: '协调城管部门依法拆除违建，恢复公共绿地。',
    },
  ],
  elderly_care: [
    {
      title: '独居老人希望有人定期探望',
      description: '{building}{unit}的老人八十多岁了，子女在外地，一个人住，希望有人能定期上门看看。',
      resolveNote: '安排党员结对帮扶，每周上门探望两次。',
    },
    {
      title: '老人行动不便，需要代买药品',
      description: '家里老人腿脚不便，常吃的降压药需要定期去医院开，希望志愿者帮忙代购。',
      resolveNote: '志愿者每月代购药品并送药上门。',
    },
    {
      title: '希望楼道加装扶手方便老人',
      description: '{building}{unit}住的多是老年人，希望在楼梯靠墙一侧加装扶手。',
      resolveNote: '在楼道靠墙一侧加装了扶手。',
    },
    {
      title: '老年人不会用智能手机，希望组织培训',
      description: '很多老人不会用智能手机挂号、缴费，希望组织培训。',
      resolveNote: '组织志愿者开展智能手机使用培训两期，参加老人三十余人。',
    },
    {
      title: '希望附近开设老年助餐点',
      description: '小区老人多，做饭不方便，希望附近能有老年助餐点。',
      resolveNote: '协调社区食堂为老年人提供助餐服务，行动不便的送餐上门。',
    },
  ],
  other: [
    {
      title: '希望小区增设健身器材',
      description: '小区里没有健身器材，老人和孩子没有活动的地方，希望在空地上安装一些。',
      resolveNote: '协调体育部门在小区空地安装健身器材一套。',
    },
    {
      title: '流浪狗夜间吠叫扰民',
      description: '小区里有几只流浪狗，晚上经常叫，还追着小孩跑。',
      resolveNote: '联系动物救助站将流浪狗收容。',
    },
    {
      title: '广场舞音响声音太大',
      description: '晚上小区广场跳舞的音响声音太大，一直到十点多，影响休息。',
      resolveNote: '与广场舞队协商，控制音量，晚上九点前结束。',
    },
    {
      title: '希望开设“四点半课堂”',
      description: '双职工家庭孩子放学后没人照看，希望社区开设四点半课堂。',
      resolveNote: '联合社区社会组织孵化基地开设四点半课堂。',
    },
    {
      title: '快递无处存放，经常丢件',
      description: '小区没有快递柜，快递经常放在门口丢失。',
      resolveNote: '协调快递企业在小区门口设置智能快递柜。',
    },
  ],
};

export const REJECT_REASONS = [
  '经核实，该问题属于邻里之间的民事纠纷，建议通过人民调解委员会解决。',
  '该诉求已由相关部门立项处理，不再重复受理。',
  '经现场查看，反映的问题已不存在。',
  '涉及商品房质量问题，属开发商保修范围，已告知居民联系开发商。',
  '重复提交，已合并到同一诉求处理。',
] as const;

export const CANCEL_REASONS = [
  '问题已经自行解决，撤回诉求。',
  '已联系物业处理好了，谢谢。',
  '信息填写有误，重新提交。',
  '家里人已经处理了，不用麻烦了。',
] as const;

export const ESCALATE_TO_COMMUNITY_REASONS = [
  '问题涉及多个单位协调，小区党支部无法单独解决，提请社区协调。',
  '物业与居民意见分歧较大，需要社区出面协调。',
  '需要协调供电、园林等职能部门，提请社区统筹。',
] as const;

export const ESCALATE_TO_STREET_REASONS = [
  '涉及多个职能部门和资金安排，需要街道党工委统筹解决。',
  '社区多次协调未果，提请街道协调相关部门。',
] as const;

export const ESCALATE_AFTER_WORK_REASONS = [
  '党员上门查看后发现问题超出能力范围，需要上级协调专业力量。',
  '现场情况比预想复杂，需要协调资金和施工队。',
] as const;

export const DECLINE_REASONS = ['本人近期外出，无法按时处理，申请改派。', '身体原因，申请改派其他同志。'] as const;

export const ABANDON_REASONS = [
  '需要专业施工队，志愿者无法完成，申请退回。',
  '多次上门联系不上住户，申请退回重新派单。',
] as const;

export const REOPEN_COMMENTS = [
  '问题没有彻底解决，过几天又出现了。',
  '只处理了一部分，希望彻底解决。',
  '维修质量不行，又坏了。',
] as const;

export const EVALUATION_COMMENTS: Readonly<Record<3 | 4 | 5, readonly string[]>> = {
  5: ['非常满意，党员同志办事认真，点赞！', '解决得又快又好，谢谢社区！', '家门口的事有人管了，真方便。'],
  4: ['处理得不错，就是时间稍微长了点。', '满意，希望以后继续保持。'],
  3: ['问题解决了，希望以后能更及时一些。', '基本满意。'],
};

/** Decisions recorded at a coordination meeting, by category. */
export const MEETING_DECISIONS: Readonly<Partial<Record<CategoryCode, string>>> = {
  parking: '重新规划小区停车区域；物业负责施划车位，党员志愿者负责秩序引导，网格员监督落实。',
  property_disputes: '物业公司限期整改并公示收支明细；成立业主监督小组，物管会每月听取情况。',
  safety: '立即设置警戒区域；协调专业单位限期排除隐患，网格员每日巡查。',
  greenery: '园林部门制定修剪方案，党员志愿者协助疏导居民和车辆，施工期间设置警示。',
  repairs: '维修资金按程序申请使用；施工队进场前公示方案，党员代表全程监督。',
  street_lamps: '供电公司排查线路并更换灯具；新增照明点位由社区统一申报。',
};
