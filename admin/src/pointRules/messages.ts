import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      pointRules: {
        name: '积分规则',
        fields: {
          id: '编号',
          code: '编码',
          name: '英文名称',
          nameZh: '中文名称',
          localName: '名称',
          kind: '类型',
          amount: '分值',
          capPerYear: '年度上限',
          active: '启用',
          description: '说明',
          version: '版本',
          updatedAt: '更新时间',
          q: '搜索',
        },
      },
    },
    wishgrid: {
      pointRules: {
        edit: '编辑规则',
        editTitle: '编辑积分规则：%{name}',
        capHelp: '每名党员每年按此规则最多获得（或扣减）的积分；留空则不设上限',
        amountHelp: '每次记入的分值（正数；类型决定加分还是扣分）',
        noCap: '不设上限',
        saved: '积分规则已更新',
      },
      pointKind: {
        BASIC: '基础积分',
        POSITIVE: '加分',
        DEDUCTION: '扣分',
      },
    },
  },
  en: {
    resources: {
      pointRules: {
        name: 'Point rule |||| Point rules',
        fields: {
          id: 'ID',
          code: 'Code',
          name: 'English name',
          nameZh: 'Chinese name',
          localName: 'Name',
          kind: 'Kind',
          amount: 'Points',
          capPerYear: 'Yearly cap',
          active: 'Active',
          description: 'Description',
          version: 'Version',
          updatedAt: 'Updated at',
          q: 'Search',
        },
      },
    },
    wishgrid: {
      pointRules: {
        edit: 'Edit rule',
        editTitle: 'Edit point rule: %{name}',
        capHelp: 'The most one member may get (or lose) by this rule in a year; empty for no cap',
        amountHelp: 'Points per entry (positive; the kind says whether they add or deduct)',
        noCap: 'No cap',
        saved: 'Point rule updated',
      },
      pointKind: {
        BASIC: 'Basic',
        POSITIVE: 'Positive',
        DEDUCTION: 'Deduction',
      },
    },
  },
};

export default messages;
