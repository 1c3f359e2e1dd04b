import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      wishCategories: {
        name: '心愿类别',
        fields: {
          id: '编号',
          code: '代码',
          nameZh: '中文名称',
          name: '英文名称',
          localName: '名称',
          defaultLevel: '默认承办层级',
          dueInDays: '办理时限（天）',
          sortOrder: '排序',
          active: '已启用',
          q: '搜索',
        },
      },
    },
    wishgrid: {
      wishCategories: {
        codeHint: '小写字母、数字和下划线，创建后不可修改，例如 noise',
        sortOrderHint: '留空则排在最后',
        action: {
          deactivate: '停用',
          reactivate: '重新启用',
        },
        deactivate: {
          title: '停用类别「%{name}」？',
          content: '新的微心愿不再可选此类别，已有的微心愿保留它。',
          done: '已停用类别',
        },
        reactivated: '已重新启用类别',
      },
    },
  },
  en: {
    resources: {
      wishCategories: {
        name: 'Wish category |||| Wish categories',
        fields: {
          id: 'ID',
          code: 'Code',
          nameZh: 'Chinese name',
          name: 'English name',
          localName: 'Name',
          defaultLevel: 'Default level',
          dueInDays: 'Due in (days)',
          sortOrder: 'Sort order',
          active: 'Active',
          q: 'Search',
        },
      },
    },
    wishgrid: {
      wishCategories: {
        codeHint: 'Lowercase letters, digits and _, fixed once created, e.g. noise',
        sortOrderHint: 'Empty: after the last one',
        action: {
          deactivate: 'Deactivate',
          reactivate: 'Reactivate',
        },
        deactivate: {
          title: 'Deactivate the category "%{name}"?',
          content: 'New wishes can no longer choose it; existing wishes keep it.',
          done: 'Category deactivated',
        },
        reactivated: 'Category reactivated',
      },
    },
  },
};

export default messages;
