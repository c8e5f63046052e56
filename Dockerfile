# syntax=docker/dockerfile:1
# The back office as it runs in production: Node LTS, production dependencies only, the admin built
# here rather than at first start, a user without rights over the image, /healthz as the health
# check, and node itself as the container's first process, so `docker stop`'s SIGTERM reaches the
# server and it stops cleanly (README, "Operations").
ARG NODE_VERSION=22

# Build stage: every dependency, to build the admin (graphql-codegen, vite).
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run admin:build

# Runtime stage: production dependencies (tsx among them: the server runs its TypeScript as is).
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    DATA_DIR=/var/lib/township
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY api ./api
COPY drizzle ./drizzle
COPY admin/public ./admin/public
COPY --from=build /app/admin/dist ./admin/dist
# The embedded database's directory, for a single instance without DATABASE_URL; owned by the user
# the server runs as. With PostgreSQL it stays empty.
RUN mkdir -p /var/lib/township && chown node:node /var/lib/township
VOLUME /var/lib/township
USER node
EXPOSE 4000
# node, not curl: the slim image has no curl. 503 (database away, stopping) is unhealthy.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Exec form, node directly (not npm, not a shell): the signal goes to the server, which answers the
# requests in flight, closes the database and exits 0.
CMD ["node", "--import", "tsx", "api/index.ts"]
