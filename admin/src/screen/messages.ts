/**
 * The display screen's texts. zh-CN is what the halls show; `en` has the same keys, so a board could be
 * switched (`?lang=en`) without touching a component. Placeholders: %{name}.
 */

const zhCN = {
  'board.title': '微心愿服务实时看板',
  'board.subtitle': '居民点单 · 支部派单 · 党员接单 · 居民评单',
  'board.noUnit': '地址中缺少单位编号（/screen/单位编号），且该账号未绑定单位',
  'board.forbidden': '该账号无权查看此单位的看板',
  'board.loadError': '数据暂时无法更新，正在重试…',
  'login.title': '服务大厅大屏登录',
  'login.hint': '请使用本服务大厅的大屏账号登录',
  'login.username': '账号',
  'login.password': '密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.failed': '账号或密码不正确',
  'login.network': '无法连接服务器，请稍后再试',
  'login.signedOut': '登录已失效，请重新登录',
  'link.connecting': '正在连接…',
  'link.connected': '实时',
  'link.reconnecting': '正在重连…',
  'counts.title': '办理动态',
  'counts.unit': '件次',
  'counts.status': '状态',
  'counts.today': '今日',
  'counts.week': '本周',
  'counts.openNow': '当前在办',
  'counts.overdue': '已超期',
  'counts.items': '%{count} 件',
  'feed.title': '最新进展',
  'feed.empty': '暂无动态',
  'satisfaction.title': '本月满意度',
  'satisfaction.average': '平均评分',
  'satisfaction.outOf': '/ 5',
  'satisfaction.rated': '%{count} 条评价',
  'satisfaction.reopened': '重办率',
  'satisfaction.none': '本月暂无评价',
  'theme.title': '本月主题',
  'theme.none': '本月主题待发布',
  'activities.title': '近期志愿服务活动',
  'activities.none': '暂无近期活动',
  'activities.signedUp': '已报名 %{count}/%{capacity}',
  'date.short': '%{month}月%{day}日',
  'date.long': '%{year}年%{month}月%{day}日',
  'weekday.1': '周一',
  'weekday.2': '周二',
  'weekday.3': '周三',
  'weekday.4': '周四',
  'weekday.5': '周五',
  'weekday.6': '周六',
  'weekday.7': '周日',
  'status.SUBMITTED': '待派单',
  'status.OPEN_FOR_CLAIM': '待接单',
  'status.DISPATCHED': '已派单',
  'status.ACCEPTED': '已接单',
  'status.RESOLVED': '待评单',
  'status.CLOSED': '已办结',
  'status.REJECTED': '已驳回',
  'status.CANCELLED': '已取消',
  'action.SUBMIT': '居民点单',
  'action.DISPATCH': '支部派单',
  'action.OPEN_FOR_CLAIM': '发布认领',
  'action.CLAIM': '志愿者认领',
  'action.ACCEPT': '党员接单',
  'action.DECLINE': '退回重派',
  'action.ABANDON': '退回重派',
  'action.RESOLVE': '办理完成',
  'action.EVALUATE': '居民评单',
  'action.REOPEN': '评价重办',
  'action.ESCALATE': '上报上级',
  'action.REJECT': '不予受理',
  'action.CANCEL': '居民撤回',
  'action.AUTO_CLOSE': '到期办结',
  'action.CLOSE_UNEVALUATED': '无评价结案',
  'action.MERGE': '合并到相同心愿',
} as const;

export type ScreenMessageKey = keyof typeof zhCN;
export type ScreenMessages = Record<ScreenMessageKey, string>;

const en: ScreenMessages = {
  'board.title': 'Micro-wishes live',
  'board.subtitle': 'Residents list · branches dispatch · party members take orders · residents evaluate',
  'board.noUnit': 'The address names no unit (/screen/<unit id>) and this account is attached to none',
  'board.forbidden': 'This account may not show this unit’s board',
  'board.loadError': 'The figures cannot be updated right now; retrying…',
  'login.title': 'Service hall screen: sign in',
  'login.hint': 'Sign in with this service hall’s screen account',
  'login.username': 'Account',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.failed': 'Wrong account or password',
  'login.network': 'The server cannot be reached; try again later',
  'login.signedOut': 'The sign-in has expired; please sign in again',
  'link.connecting': 'Connecting…',
  'link.connected': 'Live',
  'link.reconnecting': 'Reconnecting…',
  'counts.title': 'Progress',
  'counts.unit': 'changes',
  'counts.status': 'Status',
  'counts.today': 'Today',
  'counts.week': 'This week',
  'counts.openNow': 'Open now',
  'counts.overdue': 'Overdue',
  'counts.items': '%{count}',
  'feed.title': 'Latest changes',
  'feed.empty': 'Nothing yet',
  'satisfaction.title': 'Satisfaction this month',
  'satisfaction.average': 'Average rating',
  'satisfaction.outOf': '/ 5',
  'satisfaction.rated': '%{count} ratings',
  'satisfaction.reopened': 'Reopened',
  'satisfaction.none': 'No ratings this month yet',
  'theme.title': 'Theme of the month',
  'theme.none': 'This month’s theme is not out yet',
  'activities.title': 'Upcoming volunteer activities',
  'activities.none': 'No upcoming activities',
  'activities.signedUp': '%{count}/%{capacity} signed up',
  'date.short': '%{day}/%{month}',
  'date.long': '%{day}/%{month}/%{year}',
  'weekday.1': 'Mon',
  'weekday.2': 'Tue',
  'weekday.3': 'Wed',
  'weekday.4': 'Thu',
  'weekday.5': 'Fri',
  'weekday.6': 'Sat',
  'weekday.7': 'Sun',
  'status.SUBMITTED': 'Awaiting dispatch',
  'status.OPEN_FOR_CLAIM': 'Open for claim',
  'status.DISPATCHED': 'Dispatched',
  'status.ACCEPTED': 'Accepted',
  'status.RESOLVED': 'Awaiting evaluation',
  'status.CLOSED': 'Closed',
  'status.REJECTED': 'Rejected',
  'status.CANCELLED': 'Cancelled',
  'action.SUBMIT': 'Listed',
  'action.DISPATCH': 'Dispatched',
  'action.OPEN_FOR_CLAIM': 'Opened for claim',
  'action.CLAIM': 'Claimed',
  'action.ACCEPT': 'Order taken',
  'action.DECLINE': 'Declined',
  'action.ABANDON': 'Given back',
  'action.RESOLVE': 'Done',
  'action.EVALUATE': 'Evaluated',
  'action.REOPEN': 'Reopened',
  'action.ESCALATE': 'Escalated',
  'action.REJECT': 'Rejected',
  'action.CANCEL': 'Withdrawn',
  'action.AUTO_CLOSE': 'Closed automatically',
  'action.CLOSE_UNEVALUATED': 'Closed without evaluation',
  'action.MERGE': 'Merged into the same wish',
};

export const screenMessages: Record<'zh-CN' | 'en', ScreenMessages> = { 'zh-CN': zhCN, en };

export type ScreenLocale = keyof typeof screenMessages;

export type Translate = (key: ScreenMessageKey, values?: Record<string, string | number>) => string;

export function createTranslate(locale: ScreenLocale): Translate {
  const messages = screenMessages[locale];
  return (key, values = {}) =>
    messages[key].replace(/%\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** zh-CN unless the address asks for another language the board has (`?lang=en`). */
export function pickLocale(search: string): ScreenLocale {
  const asked = new URLSearchParams(search).get('lang');
  return asked === 'en' ? 'en' : 'zh-CN';
}

/** A status or action from the API as a message key (unknown ones fall back to the raw value). */
export function labelOf(t: Translate, prefix: 'status' | 'action', value: string): string {
  const key = `${prefix}.${value}`;
  return key in zhCN ? t(key as ScreenMessageKey) : value;
}
