import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      monthlyThemes: {
        name: '月度主题',
        fields: {
          id: '编号',
          year: '年份',
          month: '月份',
          title: '主题',
          brand: '服务品牌',
          brandId: '服务品牌',
          description: '主题说明',
          goals: '工作目标',
          activities: '志愿服务活动',
          version: '版本',
          createdAt: '创建时间',
          updatedAt: '更新时间',
          q: '搜索',
        },
      },
    },
    wishgrid: {
      monthlyThemes: {
        yearView: '年度视图',
        listView: '列表',
        yearTitle: '%{year} 年月度主题',
        previousYear: '上一年',
        nextYear: '下一年',
        thisYear: '今年',
        empty: '本月尚未设置主题',
        createForMonth: '新建主题',
        activityCount: '%{smart_count} 项活动',
        noActivities: '暂无活动',
        moreActivities: '另有 %{smart_count} 项',
        addActivity: '新建活动',
        oneTheme: '每月只能设置一个主题',
      },
    },
  },
  en: {
    resources: {
      monthlyThemes: {
        name: 'Monthly theme |||| Monthly themes',
        fields: {
          id: 'ID',
          year: 'Year',
          month: 'Month',
          title: 'Theme',
          brand: 'Service brand',
          brandId: 'Service brand',
          description: 'Description',
          goals: 'Goals',
          activities: 'Volunteer activities',
          version: 'Version',
          createdAt: 'Created at',
          updatedAt: 'Updated at',
          q: 'Search',
        },
      },
    },
    wishgrid: {
      monthlyThemes: {
        yearView: 'Year view',
        listView: 'List',
        yearTitle: 'Monthly themes of %{year}',
        previousYear: 'Previous year',
        nextYear: 'Next year',
        thisYear: 'This year',
        empty: 'No theme for this month yet',
        createForMonth: 'Create theme',
        activityCount: 'One activity |||| %{smart_count} activities',
        noActivities: 'No activities yet',
        moreActivities: 'and %{smart_count} more',
        addActivity: 'New activity',
        oneTheme: 'One theme per month',
      },
    },
  },
};

export default messages;
