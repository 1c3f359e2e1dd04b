import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      open311Keys: {
        name: 'Open311 密钥',
        fields: {
          label: '使用方',
          channel: '渠道',
          hint: '密钥开头',
          issuedBy: '签发人',
          issuedAt: '签发时间',
          lastUsedAt: '最近使用',
          status: '状态',
        },
      },
    },
    wishgrid: {
      open311Keys: {
        intro:
          '外部系统（如 12345 热线）凭密钥通过 Open311 接口（/open311/v2/）代为登记心愿，心愿记在所选渠道下。密钥只在签发时显示一次，请立即复制交给使用方。',
        streetOnly: '只有街道工作人员可以签发和吊销 Open311 密钥。',
        issue: '签发密钥',
        issued: '已签发密钥',
        issuedHelp: '请立即复制并安全交给使用方：关闭后无法再次查看，只能吊销后重新签发。',
        copy: '复制',
        copied: '已复制到剪贴板',
        copyFailed: '无法自动复制，请手动选中复制',
        done: '我已保存',
        revoke: '吊销',
        revokeTitle: '吊销密钥“%{label}”？',
        revokeContent: '吊销后，使用该密钥的系统将无法再登记心愿（返回 403）。此操作不可撤销。',
        revoked: '密钥已吊销',
        active: '使用中',
        inactive: '已吊销',
        never: '从未使用',
        empty: '还没有签发任何密钥',
      },
    },
  },
  en: {
    resources: {
      open311Keys: {
        name: 'Open311 key |||| Open311 keys',
        fields: {
          label: 'Used by',
          channel: 'Channel',
          hint: 'Key starts with',
          issuedBy: 'Issued by',
          issuedAt: 'Issued',
          lastUsedAt: 'Last used',
          status: 'Status',
        },
      },
    },
    wishgrid: {
      open311Keys: {
        intro:
          'Outside systems (the 12345 hotline, say) list wishes through the Open311 interface (/open311/v2/) with a key, on the channel chosen here. A key is shown once, when it is issued: copy it and hand it over at once.',
        streetOnly: 'Only street staff issue and revoke Open311 keys.',
        issue: 'Issue a key',
        issued: 'Key issued',
        issuedHelp:
          'Copy it now and hand it over safely: once closed it cannot be shown again, only revoked and reissued.',
        copy: 'Copy',
        copied: 'Copied to the clipboard',
        copyFailed: 'Could not copy: select the key and copy it by hand',
        done: 'I have saved it',
        revoke: 'Revoke',
        revokeTitle: 'Revoke the key "%{label}"?',
        revokeContent:
          'Once revoked, a system using this key can no longer list wishes (it gets 403). This cannot be undone.',
        revoked: 'Key revoked',
        active: 'In use',
        inactive: 'Revoked',
        never: 'Never',
        empty: 'No key has been issued yet',
      },
    },
  },
};

export default messages;
