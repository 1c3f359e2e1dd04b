import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      propertyCommittees: {
        name: '物业管理委员会',
        fields: {
          id: '编号',
          name: '名称',
          compound: '小区',
          compoundId: '小区',
          communityId: '社区',
          foundedOn: '成立日期',
          serviceMode: '服务模式',
          companyName: '物业公司',
          partyOrganization: '党组织',
          status: '状态',
          dissolvedOn: '解散日期',
          notes: '备注',
          members: '成员',
          memberCount: '成员数',
          chair: '主任',
          version: '版本',
          createdAt: '创建时间',
          updatedAt: '更新时间',
          q: '搜索',
        },
      },
    },
    wishgrid: {
      propertyCommittees: {
        serviceMode: {
          SELF_MANAGED: '居民自治管理',
          PROFESSIONAL_COMPANY: '引入专业物业公司',
          COMMUNITY_SUPPORTED: '社区托底服务',
        },
        status: {
          ACTIVE: '运行中',
          DISSOLVED: '已解散',
        },
        memberRole: {
          CHAIR: '主任',
          VICE_CHAIR: '副主任',
          MEMBER: '委员',
        },
        member: {
          person: '成员',
          role: '职务',
          isPartyMember: '党员',
          joinedOn: '加入日期',
          phone: '电话',
          partyHint: '留空则按此人是否有党员角色',
          joinedOnHint: '留空则为今天',
          firstIsChair: '第一位成员须为主任',
          none: '还没有成员',
        },
        compoundHint: '只列出没有物业公司、也没有在任物业管理委员会的小区',
        noCompound: '所有小区都已有物业公司或物业管理委员会',
        companyHint: '仅“引入专业物业公司”模式填写',
        action: {
          dissolve: '解散',
          addMember: '添加成员',
          editMember: '修改',
          removeMember: '移除',
        },
        dissolve: {
          title: '解散「%{name}」',
          content: '解散后委员会作为历史记录保留，该小区可重新成立物业管理委员会。',
          dissolvedOn: '解散日期（留空为今天）',
          reason: '原因',
          done: '已解散',
        },
        addMember: {
          title: '为「%{name}」添加成员',
          done: '已添加成员',
        },
        editMember: {
          title: '修改成员「%{name}」',
          done: '已修改成员',
        },
        removeMember: {
          title: '移除成员？',
          content: '将「%{name}」移出物业管理委员会。',
          done: '已移除成员',
        },
      },
    },
  },
  en: {
    resources: {
      propertyCommittees: {
        name: 'Property committee |||| Property committees',
        fields: {
          id: 'ID',
          name: 'Name',
          compound: 'Compound',
          compoundId: 'Compound',
          communityId: 'Community',
          foundedOn: 'Founded on',
          serviceMode: 'Service mode',
          companyName: 'Property company',
          partyOrganization: 'Party organisation',
          status: 'Status',
          dissolvedOn: 'Dissolved on',
          notes: 'Notes',
          members: 'Members',
          memberCount: 'Members',
          chair: 'Chair',
          version: 'Version',
          createdAt: 'Created at',
          updatedAt: 'Updated at',
          q: 'Search',
        },
      },
    },
    wishgrid: {
      propertyCommittees: {
        serviceMode: {
          SELF_MANAGED: 'Self-managed by residents',
          PROFESSIONAL_COMPANY: 'Professional company brought in',
          COMMUNITY_SUPPORTED: 'Supported by the community',
        },
        status: {
          ACTIVE: 'Active',
          DISSOLVED: 'Dissolved',
        },
        memberRole: {
          CHAIR: 'Chair',
          VICE_CHAIR: 'Vice-chair',
          MEMBER: 'Member',
        },
        member: {
          person: 'Member',
          role: 'Role',
          isPartyMember: 'Party member',
          joinedOn: 'Joined on',
          phone: 'Phone',
          partyHint: 'Empty: whether the person holds the party member role',
          joinedOnHint: 'Empty: today',
          firstIsChair: 'The first member must be the chair',
          none: 'No members yet',
        },
        compoundHint: 'Only compounds with neither a property company nor an active committee',
        noCompound: 'Every compound has a property company or a property committee',
        companyHint: 'Only for the professional company mode',
        action: {
          dissolve: 'Dissolve',
          addMember: 'Add a member',
          editMember: 'Change',
          removeMember: 'Remove',
        },
        dissolve: {
          title: 'Dissolve "%{name}"',
          content: 'The committee stays as history; the compound may then set up a new one.',
          dissolvedOn: 'Dissolved on (empty: today)',
          reason: 'Reason',
          done: 'Committee dissolved',
        },
        addMember: {
          title: 'Add a member to "%{name}"',
          done: 'Member added',
        },
        editMember: {
          title: 'Change the member "%{name}"',
          done: 'Member changed',
        },
        removeMember: {
          title: 'Remove the member?',
          content: 'Remove "%{name}" from the property committee.',
          done: 'Member removed',
        },
      },
    },
  },
};

export default messages;
