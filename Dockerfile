# Multi-stage: build with dev dependencies, run with production ones only, as a non-root user, on
# Node 24 (the LTS; the code and tests also pass on 22 and 20.19+).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The package's own install steps (Prisma client, desk assets, tap) need the sources: run below.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm run --silent build:desk && npm prune --omit=dev --ignore-scripts

FROM node:24-bookworm-slim
# Two malloc arenas: the annotator threads otherwise each get their own, which only grows RSS.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY prisma ./prisma
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# As `npm start` (docs/benchmarks.md): a bounded heap (the default on a big host lets it grow to
# GBs), a young generation sized so request garbage dies young, and WebAssembly (Prisma's query
# compiler, PGlite) compiled by the optimizing tier only, which holds ~50 MB less code.
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=12", "--no-liftoff", "dist/cli.js", "serve"]
