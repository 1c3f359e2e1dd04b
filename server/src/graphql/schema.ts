import { builder } from './builder.ts';
import './types/organisation-and-committees.ts';
import './types/auth.ts';
import './types/wish.ts';
import './types/volunteering-and-points.ts';
import './types/stats.ts';

export const schema = builder.toSchema({ sortSchema: false });
