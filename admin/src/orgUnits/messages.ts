import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      orgUnits: {
        name: '组织单元',
        fields: {
          id: '编号',
          kind: '类型',
          name: '英文名称',
          nameZh: '名称',
          localName: '名称',
          parent: '上级单位',
          parentId: '上级单位',
          underId: '所属（含下级）',
          population: '人口',
          households: '户数',
          hasPropertyManagement: '有物业公司',
          propertyStatus: '物业状况',
          propertyCommittee: '物业管理委员会',
          partyOrganization: '党组织',
          description: '简介',
          retired: '已撤销',
          retiredAt: '撤销时间',
          children: '下级单位',
          version: '版本',
          createdAt: '创建时间',
          updatedAt: '更新时间',
          q: '搜索',
        },
      },
    },
    wishgrid: {
      orgUnits: {
        kind: {
          STREET: '街道',
          COMMUNITY: '社区',
          COMPOUND: '小区',
          GRID: '网格',
          PARTNER: '共建单位',
        },
        propertyStatus: {
          MANAGED_BY_COMPANY: '物业公司管理',
          COMMITTEE: '物业管理委员会',
          NONE: '无物业管理',
        },
        tree: {
          title: '组织架构',
          hint: '点击单位名称，列出其直属下级',
          expand: '展开',
          collapse: '收起',
        },
        action: {
          move: '调整上级',
          retire: '撤销',
          addChild: '新建下级单位',
          setUpCommittee: '成立物业管理委员会',
        },
        move: {
          title: '调整「%{name}」的上级单位',
          hint: '其全部下级单位随之移动。',
          done: '已调整上级单位',
        },
        retire: {
          title: '撤销「%{name}」？',
          content: '撤销后该单位保留历史记录，但不再承接新的工作。',
          done: '已撤销',
        },
        committee: {
          chair: '主任：%{name}',
          members: '成员 %{count} 人',
        },
        noChildren: '没有下级单位',
      },
    },
  },
  en: {
    resources: {
      orgUnits: {
        name: 'Org unit |||| Org units',
        fields: {
          id: 'ID',
          kind: 'Kind',
          name: 'English name',
          nameZh: 'Chinese name',
          localName: 'Name',
          parent: 'Parent unit',
          parentId: 'Parent unit',
          underId: 'Within (subtree)',
          population: 'Population',
          households: 'Households',
          hasPropertyManagement: 'Has a property company',
          propertyStatus: 'Property management',
          propertyCommittee: 'Property committee',
          partyOrganization: 'Party organisation',
          description: 'Description',
          retired: 'Retired',
          retiredAt: 'Retired at',
          children: 'Units below',
          version: 'Version',
          createdAt: 'Created at',
          updatedAt: 'Updated at',
          q: 'Search',
        },
      },
    },
    wishgrid: {
      orgUnits: {
        kind: {
          STREET: 'Street',
          COMMUNITY: 'Community',
          COMPOUND: 'Compound',
          GRID: 'Grid',
          PARTNER: 'Partner unit',
        },
        propertyStatus: {
          MANAGED_BY_COMPANY: 'Property company',
          COMMITTEE: 'Property committee',
          NONE: 'No property management',
        },
        tree: {
          title: 'Organisation',
          hint: 'Click a unit to list the units directly below it',
          expand: 'Expand',
          collapse: 'Collapse',
        },
        action: {
          move: 'Move',
          retire: 'Retire',
          addChild: 'Add a unit below',
          setUpCommittee: 'Set up a property committee',
        },
        move: {
          title: 'Move "%{name}" under another unit',
          hint: 'Every unit below it moves along.',
          done: 'Unit moved',
        },
        retire: {
          title: 'Retire "%{name}"?',
          content: 'A retired unit keeps its history but takes no new work.',
          done: 'Unit retired',
        },
        committee: {
          chair: 'Chair: %{name}',
          members: '%{count} members',
        },
        noChildren: 'No units below',
      },
    },
  },
};

export default messages;
