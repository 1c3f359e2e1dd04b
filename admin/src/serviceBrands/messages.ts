import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      serviceBrands: {
        name: '服务品牌',
        fields: {
          id: '编号',
          code: '编码',
          name: '名称',
          nameZh: '中文名称',
          nameEn: '英文名称',
          description: '简介',
          active: '启用',
          q: '搜索',
        },
      },
    },
    wishgrid: {
      serviceBrands: {
        codeHelp: '唯一，1–50 位字母、数字、“_”或“-”',
        inactiveHelp: '停用的品牌保留历史记录，但不再供新主题选用',
      },
    },
  },
  en: {
    resources: {
      serviceBrands: {
        name: 'Service brand |||| Service brands',
        fields: {
          id: 'ID',
          code: 'Code',
          name: 'Name',
          nameZh: 'Chinese name',
          nameEn: 'English name',
          description: 'Description',
          active: 'Active',
          q: 'Search',
        },
      },
    },
    wishgrid: {
      serviceBrands: {
        codeHelp: 'Unique: 1–50 letters, digits, "_" or "-"',
        inactiveHelp: 'Inactive brands keep their history but are not offered for new themes',
      },
    },
  },
};

export default messages;
