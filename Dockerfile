# One image for api and worker; the command picks the role.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json web/package-lock.json ./web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# What runs: the build plus a production-only install of package-lock.json (no web/package.json here, so the
# admin app's own dependencies are not installed: it ships as web/dist). .ci/run proves the same install boots.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
EXPOSE 3000
# npm start's topology: the supervisor runs api processes sharing port 3000 and a worker, and stops them all
# gracefully on SIGTERM. Override the command to run one role per container (docker-compose.yml does).
CMD ["node", "dist/apps/supervisor/src/main.js"]
