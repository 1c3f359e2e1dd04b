# The WishGrid server, with the admin panel built in: it serves /graphql, /healthz, /ready and the panel under /admin/.
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so that a change to the sources does not reinstall them.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
# Dev dependencies are needed for the build (Vite); NODE_ENV is set to production only after it.
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build --workspace admin

# The embedded PostgreSQL is used only when DATABASE_URL is unset (a bare `docker run`); it needs a writable folder.
RUN mkdir -p .data && chown node:node .data

ENV NODE_ENV=production \
    PORT=4000
EXPOSE 4000
USER node

# node itself is PID 1's child (compose's init), so SIGTERM reaches the server and its graceful stop (through npx
# the signal would stop at npx's own process).
CMD ["node", "--import", "tsx", "server/src/main.ts"]
