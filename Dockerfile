# Rasid as a container: built in one stage, run from a small one with production dependencies only.
# docker build -t rasid . && docker run -d --name rasid --env-file .env -v rasid-data:/data rasid

# --- build: compile TypeScript and better-sqlite3's native module ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are here; the native module is built next.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY bots ./bots
COPY digests ./digests
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev

# --- run: production dependencies, compiled code, the bundled data; not root ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    RASID_DB=/data/rasid.db \
    RASID_INBOX=/data/inbox \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY data/corpus ./data/corpus
COPY data/gazetteer ./data/gazetteer
# The database, its WAL, the heartbeat and the inbox live on the volume, owned by the unprivileged user;
# the gazetteer's built tables are cached in data/cache at the first start.
RUN mkdir -p /data data/cache && chown node:node /data data/cache
USER node
VOLUME ["/data"]
# `rasid status` exits 1 when the service stopped answering (a stale heartbeat) or the database fails quick_check.
HEALTHCHECK --interval=60s --timeout=30s --start-period=120s --retries=3 CMD ["node", "dist/bin/rasid.js", "status"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/bin/rasid.js", "serve"]
