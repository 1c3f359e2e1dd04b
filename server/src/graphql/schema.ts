import { builder } from './builder.ts';
import './types/organisation-and-committees.ts';
import './types/auth.ts';
import './types/wish.ts';
import './types/volunteering-and-points.ts';
import './types/stats.ts';
import './types/photo.ts';
import './types/street-insights.ts';
import './types/open311-key.ts';
import './types/registration.ts';
import './types/notification.ts';

export const schema = builder.toSchema({ sortSchema: false });
