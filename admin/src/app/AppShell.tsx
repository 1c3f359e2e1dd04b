/**
 * The app's frame: sign-in (or registration) until a session exists, then the person's screens by their
 * roles — a resident's wishes, a member's or volunteer's orders, pool and points, everyone's activities —
 * with a notification bell (live unread count), the connection state and the language switch.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { clearSession, getSessionUser, getToken } from '../auth/session.ts';
import type { Role } from '../gql/graphql.ts';
import { Activities } from './Activities.tsx';
import { call, errorCode } from './api.ts';
import { APP_ME, APP_NOTIFICATIONS, APP_SET_LANGUAGE } from './documents.ts';
import { AppContext, type AppContextValue, go, type Me, useApp, useRoute } from './hooks.ts';
import { Icon, type IconName } from './icons.tsx';
import { Login } from './Login.tsx';
import { appLive, type LiveState } from './live.ts';
import { MyWishes } from './MyWishes.tsx';
import { NewWish } from './NewWish.tsx';
import { Notifications } from './Notifications.tsx';
import { Orders } from './Orders.tsx';
import { Points } from './Points.tsx';
import { Pool } from './Pool.tsx';
import { Register } from './Register.tsx';
import { createTranslate, type Locale, storedLocale, storeLocale, type TextKey } from './texts.ts';
import { WishDetail } from './WishDetail.tsx';

const STAFF: Role[] = ['GRID_WORKER', 'BRANCH_SECRETARY', 'STREET_ADMIN'];

const ME_KEY = 'wishgrid.app.me';

function readCachedMe(): Me | null {
  if (getToken() === null) return null;
  try {
    const stored = localStorage.getItem(ME_KEY);
    const cached = stored ? (JSON.parse(stored) as Me) : null;
    // Only the person signed in now (the panel may have signed someone else in since).
    return cached && cached.id === getSessionUser()?.id ? cached : null;
  } catch {
    return null;
  }
}

export function AppShell() {
  const [locale, setLocale] = useState<Locale>(storedLocale);
  const t = useMemo(() => createTranslate(locale), [locale]);
  const [signedIn, setSignedIn] = useState(() => getToken() !== null);
  // The person as last read, so that the app opens offline too (a new sign-in replaces it).
  const [me, setMe] = useState<Me | null>(readCachedMe);
  const [meFailed, setMeFailed] = useState(false);
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  const signOut = useCallback(() => {
    appLive.stop();
    clearSession();
    localStorage.removeItem(ME_KEY);
    setMe(null);
    setSignedIn(false);
  }, []);

  const loadMe = useCallback(() => {
    setMeFailed(false);
    call(APP_ME, {}).then(
      (data) => {
        localStorage.setItem(ME_KEY, JSON.stringify(data.me));
        setMe(data.me);
      },
      (error) => (errorCode(error) === 'UNAUTHENTICATED' ? signOut() : setMeFailed(true)),
    );
  }, [signOut]);

  useEffect(() => {
    if (!signedIn) return;
    loadMe();
    appLive.start(signOut);
    return () => appLive.stop();
  }, [signedIn, loadMe, signOut]);

  const switchLanguage = () => {
    const next: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
    storeLocale(next);
    setLocale(next);
    // Notifications follow the language too (best effort: the switch itself is local).
    if (signedIn) call(APP_SET_LANGUAGE, { language: next === 'en' ? 'EN' : 'ZH_CN' }).catch(() => undefined);
  };

  const languageButton = (
    <button type="button" className="lang" onClick={switchLanguage} lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}>
      {t('app.language')}
    </button>
  );

  if (!signedIn) {
    return (
      <div className="app">
        <header className="top">
          <span className="brand">{t('app.title')}</span>
          {languageButton}
        </header>
        <main className="content">
          {route[0] === 'register' ? (
            <Register t={t} locale={locale} />
          ) : (
            <Login
              t={t}
              onSignedIn={() => {
                setSignedIn(true);
                go('');
              }}
            />
          )}
        </main>
      </div>
    );
  }
  if (!me) {
    return (
      <div className="app">
        <main className="content">
          <p className="muted" role="status">
            {meFailed ? t('app.loadFailed') : t('app.loading')}
          </p>
          {meFailed && (
            <button type="button" className="button secondary" onClick={loadMe}>
              {t('app.retry')}
            </button>
          )}
        </main>
      </div>
    );
  }

  const roles = new Set(me.roles.map((r) => r.role));
  const isStaff = STAFF.some((r) => roles.has(r));
  const isMember = roles.has('PARTY_MEMBER') || roles.has('VOLUNTEER');
  const isResident = roles.has('RESIDENT') || !isMember;
  const context: AppContextValue = { t, locale, me, isResident, isMember, isStaff };
  return (
    <AppContext.Provider value={context}>
      <Frame languageButton={languageButton} route={route} onSignOut={signOut} />
    </AppContext.Provider>
  );
}

interface Tab {
  path: string;
  label: TextKey;
  icon: IconName;
}

function Frame({
  languageButton,
  route,
  onSignOut,
}: {
  languageButton: React.ReactNode;
  route: string[];
  onSignOut: () => void;
}) {
  const { t, me, isResident, isMember, isStaff } = useApp();
  const [link, setLink] = useState<LiveState>(appLive.state);
  const [unread, setUnread] = useState<number | null>(null);
  // A first connection is only reported as missing after a few seconds; a drop at once.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (link === 'connected') return setSlow(false);
    const timer = setTimeout(() => setSlow(true), 3_000);
    return () => clearTimeout(timer);
  }, [link]);

  const readUnread = useCallback(() => {
    call(APP_NOTIFICATIONS, { first: 1 }).then(
      (data) => setUnread(data.myNotifications.unreadCount),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    readUnread();
    const offs = [
      appLive.onState(setLink),
      appLive.onResync(readUnread),
      appLive.onNotification(() => setUnread((n) => (n ?? 0) + 1)),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [readUnread]);

  const pending = me.verification !== 'VERIFIED';
  const tabs: Tab[] = [];
  if (isResident) tabs.push({ path: 'wishes', label: 'tab.wishes', icon: 'list' });
  // Listing a wish waits for the verification (the server would refuse it).
  if (isResident && !pending) tabs.push({ path: 'new', label: 'tab.new', icon: 'plus' });
  if (isMember)
    tabs.push(
      { path: 'orders', label: 'tab.orders', icon: 'clipboard' },
      { path: 'pool', label: 'tab.pool', icon: 'hand' },
    );
  tabs.push({ path: 'activities', label: 'tab.activities', icon: 'calendar' });
  if (me.roles.some((r) => r.role === 'PARTY_MEMBER')) tabs.push({ path: 'points', label: 'tab.points', icon: 'star' });
  const home = tabs[0]?.path ?? 'activities';
  const current = route[0] ?? home;

  let screen: React.ReactNode;
  if (current === 'wish' && route[1]) screen = <WishDetail id={route[1]} />;
  else if (current === 'new' && isResident && !pending) screen = <NewWish />;
  else if (current === 'orders' && isMember) screen = <Orders />;
  else if (current === 'pool' && isMember) screen = <Pool />;
  else if (current === 'points') screen = <Points />;
  else if (current === 'activities') screen = <Activities />;
  else if (current === 'notifications') screen = <Notifications onRead={readUnread} />;
  else if (isResident) screen = <MyWishes />;
  else screen = <Orders />;

  return (
    <div className="app">
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <span className="who">{me.displayName}</span>
        {languageButton}
        <button
          type="button"
          className="bell"
          data-testid="bell"
          aria-label={t('bell.label', { count: unread ?? 0 })}
          onClick={() => go('notifications')}
        >
          <Icon name="bell" />
          {unread !== null && unread > 0 && (
            <span className="bell-count" data-testid="bell-count">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </button>
      </header>
      {(link === 'reconnecting' || (link !== 'connected' && slow)) && (
        <p className="link-state" role="status">
          {link === 'reconnecting' ? t('app.reconnecting') : t('app.offline')}
        </p>
      )}
      {pending && (
        <p className="feedback notice" role="status" data-testid="verification">
          {t(me.verification === 'REJECTED' ? 'verification.REJECTED' : 'verification.PENDING')}
        </p>
      )}
      <main className="content">
        {screen}
        <footer className="foot">
          {isStaff && (
            <a className="link" href="/admin/">
              {t('app.openPanel')}
            </a>
          )}
          <button type="button" className="link" onClick={onSignOut}>
            {t('app.signOut')}
          </button>
        </footer>
      </main>
      <nav className="tabs" aria-label={t('app.title')}>
        {tabs.map((tab) => (
          <a
            key={tab.path}
            href={`#/${tab.path}`}
            className={tab.path === current ? 'tab active' : 'tab'}
            aria-current={tab.path === current ? 'page' : undefined}
          >
            <Icon name={tab.icon} />
            <span>{t(tab.label)}</span>
          </a>
        ))}
      </nav>
    </div>
  );
}
