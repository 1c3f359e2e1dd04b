import type { ResourceMessages } from '../i18n/messages.ts';

const messages: ResourceMessages = {
  'zh-CN': {
    resources: {
      people: {
        name: '人员',
        fields: {
          id: '编号',
          displayName: '姓名',
          username: '登录名',
          phone: '电话',
          password: '密码',
          roles: '角色',
          role: '角色',
          orgUnit: '所在单位',
          orgUnitId: '所在单位（含下级）',
          active: '已启用',
          createdAt: '创建时间',
          q: '搜索',
        },
      },
    },
    wishgrid: {
      people: {
        role: {
          RESIDENT: '居民',
          PARTY_MEMBER: '党员',
          VOLUNTEER: '志愿者',
          GRID_WORKER: '网格员',
          BRANCH_SECRETARY: '支部书记',
          STREET_ADMIN: '街道管理员',
          DISPLAY: '大屏账号',
        },
        roleAt: '%{role} · %{unit}',
        passwordHint: '8–200 个字符；有登录名才能设置',
        newPasswordHint: '留空则不修改；修改后该人员需重新登录',
        usernameHint: '需要登录的人员才设登录名',
        rolesHint: '至少一个角色',
        noRoles: '没有角色',
        unit: '单位',
        action: {
          grant: '授予角色',
          revoke: '撤销',
          deactivate: '停用',
          reactivate: '重新启用',
        },
        grant: {
          title: '授予「%{name}」角色',
          done: '已授予角色',
        },
        revoke: {
          title: '撤销角色？',
          content: '撤销「%{name}」在%{unit}的%{role}角色。',
          done: '已撤销角色',
        },
        deactivate: {
          title: '停用「%{name}」？',
          content: '停用后此人无法登录，已登录的会话立即失效；历史记录保留。',
          done: '已停用',
        },
        reactivated: '已重新启用',
      },
    },
  },
  en: {
    resources: {
      people: {
        name: 'Person |||| People',
        fields: {
          id: 'ID',
          displayName: 'Name',
          username: 'Username',
          phone: 'Phone',
          password: 'Password',
          roles: 'Roles',
          role: 'Role',
          orgUnit: 'Unit',
          orgUnitId: 'Unit (with subtree)',
          active: 'Active',
          createdAt: 'Created at',
          q: 'Search',
        },
      },
    },
    wishgrid: {
      people: {
        role: {
          RESIDENT: 'Resident',
          PARTY_MEMBER: 'Party member',
          VOLUNTEER: 'Volunteer',
          GRID_WORKER: 'Grid worker',
          BRANCH_SECRETARY: 'Branch secretary',
          STREET_ADMIN: 'Street admin',
          DISPLAY: 'Display screen',
        },
        roleAt: '%{role} · %{unit}',
        passwordHint: '8–200 characters; needs a username',
        newPasswordHint: 'Leave empty to keep it; a new one ends their open sessions',
        usernameHint: 'Only people who log in have one',
        rolesHint: 'At least one role',
        noRoles: 'No roles',
        unit: 'Unit',
        action: {
          grant: 'Grant a role',
          revoke: 'Revoke',
          deactivate: 'Deactivate',
          reactivate: 'Reactivate',
        },
        grant: {
          title: 'Grant "%{name}" a role',
          done: 'Role granted',
        },
        revoke: {
          title: 'Revoke the role?',
          content: 'Revoke the role %{role} of "%{name}" at %{unit}.',
          done: 'Role revoked',
        },
        deactivate: {
          title: 'Deactivate "%{name}"?',
          content: 'They can no longer log in and their open sessions end; their history stays.',
          done: 'Deactivated',
        },
        reactivated: 'Reactivated',
      },
    },
  },
};

export default messages;
