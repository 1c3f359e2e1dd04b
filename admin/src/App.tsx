import { Admin, Resource } from 'react-admin';
import activities from './activities/index.ts';
import { authProvider } from './auth/auth-provider.ts';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { createDataProvider } from './data/data-provider.ts';
import { i18nProvider } from './i18n/i18n-provider.ts';
import monthlyThemes from './monthlyThemes/index.ts';
import open311Keys from './open311Keys/index.ts';
import orgUnits from './orgUnits/index.ts';
import pendingResidents from './pendingResidents/index.ts';
import people from './people/index.ts';
import pointEntries from './pointEntries/index.ts';
import pointRules from './pointRules/index.ts';
import propertyCommittees from './propertyCommittees/index.ts';
import serviceBrands from './serviceBrands/index.ts';
import wishCategories from './wishCategories/index.ts';
import wishes from './wishes/index.ts';

const dataProvider = createDataProvider();

export const App = () => (
  <Admin
    title="WishGrid"
    authProvider={authProvider}
    dashboard={Dashboard}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    requireAuth
    // The panel calls no one but its own server.
    disableTelemetry
  >
    <Resource name="wishes" {...wishes} />
    <Resource name="pendingResidents" {...pendingResidents} />
    <Resource name="propertyCommittees" {...propertyCommittees} />
    <Resource name="orgUnits" {...orgUnits} />
    <Resource name="people" {...people} />
    <Resource name="wishCategories" {...wishCategories} />
    <Resource name="serviceBrands" {...serviceBrands} />
    <Resource name="monthlyThemes" {...monthlyThemes} />
    <Resource name="activities" {...activities} />
    <Resource name="pointRules" {...pointRules} />
    <Resource name="pointEntries" {...pointEntries} />
    <Resource name="open311Keys" {...open311Keys} />
  </Admin>
);
