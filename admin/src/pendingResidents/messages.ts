import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      pendingResidents: {
        name: '待审核居民',
        fields: {
          displayName: '姓名',
          phone: '手机号',
          compound: '小区',
          address: '住址',
          registeredAt: '注册时间',
        },
      },
    },
    wishgrid: {
      pendingResidents: {
        intro: '以下居民在小程序或 App 上自行注册，核实身份和住址后请通过；信息不实请拒绝并写明原因，居民会收到通知。',
        count: '共 %{count} 人待审核',
        staffOnly: '只有网格员和支部书记可以审核居民注册。',
        empty: '暂无待审核的居民',
        approve: '通过',
        refuse: '拒绝',
        refuseTitle: '拒绝 %{name} 的注册',
        reason: '拒绝原因',
        reasonHelp: '必填，居民会在通知中看到（最多 500 字）',
        reasonRequired: '请填写拒绝原因',
        cancel: '取消',
        approved: '已通过 %{name} 的注册，居民已收到通知',
        refused: '已拒绝 %{name} 的注册（原因：%{reason}），居民已收到通知',
        loadFailed: '待审核居民加载失败，请稍后刷新重试',
        errors: {
          BAD_USER_INPUT: '填写的内容不符合要求：拒绝原因必填，最多 500 字',
          NOT_FOUND: '找不到该居民，可能已不在您的辖区，列表已刷新',
          FORBIDDEN: '您无权审核该居民：只有其所在小区的网格员或支部书记可以审核',
          INVALID_TRANSITION: '该居民的注册已被处理（可能其他工作人员刚审核过），列表已刷新',
          RATE_LIMITED: '操作过于频繁，请稍后再试',
          NETWORK: '网络连接失败，请检查网络后重试',
          UNKNOWN: '操作失败，请稍后重试',
        },
      },
    },
  },
  en: {
    resources: {
      pendingResidents: {
        name: 'Pending resident |||| Pending residents',
        fields: {
          displayName: 'Name',
          phone: 'Phone',
          compound: 'Compound',
          address: 'Address',
          registeredAt: 'Registered',
        },
      },
    },
    wishgrid: {
      pendingResidents: {
        intro:
          'These residents registered themselves in the mini-program or the app. Approve them once their identity and address are checked; refuse with a reason otherwise — the resident is notified.',
        count: '%{count} waiting',
        staffOnly: 'Only grid workers and branch secretaries verify registrations.',
        empty: 'Nobody is waiting for verification',
        approve: 'Approve',
        refuse: 'Refuse',
        refuseTitle: 'Refuse the registration of %{name}',
        reason: 'Reason',
        reasonHelp: 'Required: the resident reads it in their notification (at most 500 characters)',
        reasonRequired: 'Give the reason for refusing',
        cancel: 'Cancel',
        approved: 'Approved %{name}: the resident has been notified',
        refused: 'Refused %{name} (reason: %{reason}): the resident has been notified',
        loadFailed: 'Could not load the pending residents: reload the page in a moment',
        errors: {
          BAD_USER_INPUT: 'The reason is required and at most 500 characters',
          NOT_FOUND: 'This resident was not found (perhaps no longer in your area): the list was reloaded',
          FORBIDDEN: 'Only the grid workers and branch secretaries of the resident’s compound verify them',
          INVALID_TRANSITION: 'This registration was already decided (perhaps by a colleague): the list was reloaded',
          RATE_LIMITED: 'Too many requests: try again in a moment',
          NETWORK: 'No connection to the server: check the network and try again',
          UNKNOWN: 'That did not work: try again in a moment',
        },
      },
    },
  },
};

export default messages;
