import { Admin, Resource } from 'react-admin';
import { authProvider } from './auth/auth-provider.ts';
import { createDataProvider } from './data/data-provider.ts';
import { i18nProvider } from './i18n/i18n-provider.ts';
import wishes from './wishes/index.ts';

const dataProvider = createDataProvider();

export const App = () => (
  <Admin
    title="WishGrid"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    requireAuth
  >
    <Resource name="wishes" {...wishes} />
  </Admin>
);
