import { builder } from './builder.ts';
import './types/enums.ts';
import './types/hierarchy.ts';
import './types/organisation.ts';
import './types/committees.ts';
import './types/auth.ts';
import './types/wishes.ts';
import './types/activities.ts';
import './types/points.ts';
import './types/stats.ts';

export const schema = builder.toSchema({ sortSchema: false });
