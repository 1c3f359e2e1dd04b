import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.ts';
import type { Viewer } from '../domain/auth/viewer.ts';
import { WishService } from '../domain/wishes/wish.service.ts';
import type { WishEventHub } from '../realtime/wish-event-hub.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { LiveWishEventsJoin } from './wish-event-groups.ts';

/** Everything a resolver may use. One per HTTP request, or per WebSocket operation. */
export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  wishes: WishService;
  hub: WishEventHub;
  config: Config;
  authorization: string | null;
  /**
   * Over graphql-ws: joins the `wishEvents` subscriber to the group of its operation and audience
   * (graphql/wish-event-groups.ts). Absent on other transports, where the subscriber runs on its own.
   */
  liveWishEvents?: LiveWishEventsJoin;
}

/** A context for one operation (or one delivered event): its reads, its viewer, its services. */
export function operationContext(
  deps: { em: EntityManager; hub: WishEventHub; config: Config },
  viewer: Viewer | null,
  authorization: string | null,
  loaders: Loaders = createLoaders(deps.em),
): Context {
  return {
    em: deps.em,
    viewer,
    loaders,
    wishes: new WishService(deps.em, viewer, (events) => deps.hub.publish(events)),
    hub: deps.hub,
    config: deps.config,
    authorization,
  };
}

/** The context of a field that requires a login (`t.withAuth({ loggedIn: true })`): the viewer is known. */
export type LoggedInContext = Context & { viewer: Viewer };
