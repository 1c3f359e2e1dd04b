# The WishGrid server, with the admin panel built in: it serves /graphql, /healthz, /ready and the panel under /admin/.
# Two stages: the build stage (all dependencies) builds the panel (Vite) and the server (esbuild: server/dist/main.js);
# the runtime stage has the server's production dependencies only and runs plain JavaScript, no TypeScript loader.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so that a change to the sources does not reinstall them.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:admin && npm run build:server

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=4000
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
# The server workspace's production dependencies only (the panel is static files by now).
RUN npm ci --omit=dev --workspace server --no-audit --no-fund && npm cache clean --force
# The bundle holds the server, its migrations and the demo seed; the panel and the client contract (operation
# names for the metrics' labels) are read from disk beside it.
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/admin/dist admin/dist
COPY schema/contract schema/contract

# The embedded PostgreSQL is used only when DATABASE_URL is unset (a bare `docker run`); it needs a writable folder.
RUN mkdir -p .data && chown node:node .data

EXPOSE 4000
USER node

# node itself is PID 1's child (compose's init), so SIGTERM reaches the server and its graceful stop (through npm
# or npx the signal would stop at their own process). `node server/dist/cli.js migrate|seed` runs the maintenance.
CMD ["node", "server/dist/main.js"]
