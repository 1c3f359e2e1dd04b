import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.ts';
import type { Viewer } from '../domain/auth/viewer.ts';
import type { WishService } from '../domain/wishes/wish.service.ts';
import type { WishEventHub } from '../realtime/wish-event-hub.ts';
import type { Loaders } from './loaders.ts';

/** Everything a resolver may use. One per HTTP request, or per WebSocket operation. */
export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  wishes: WishService;
  hub: WishEventHub;
  config: Config;
  authorization: string | null;
}

/** The context of a field that requires a login (`t.withAuth({ loggedIn: true })`): the viewer is known. */
export type LoggedInContext = Context & { viewer: Viewer };
