# One image for api and worker; the command picks the role.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json web/package-lock.json ./web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
EXPOSE 3000
# A heap budget makes V8 collect before the process grows past ~250 MB (it would otherwise keep garbage up to GiBs).
CMD ["node", "--max-old-space-size=256", "dist/apps/api/src/main.js"]
