import { builder } from './builder.ts';
import './types/enums.ts';
import './types/hierarchy.ts';
import './types/auth.ts';
import './types/wishes.ts';
import './types/points.ts';

export const schema = builder.toSchema({ sortSchema: false });
