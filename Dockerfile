# One image for both processes (the compose file picks the command). See docs/DEPLOY.md.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts prisma.postgresql.config.ts ./
# The dependencies' own install scripts (better-sqlite3's native build) run here, in a layer that only changes with
# the lock file; ours (postinstall: Prisma's clients, the assistant's word vectors) need the sources, copied next.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild
COPY . .
RUN npm run postinstall && npm run build
ENV NODE_ENV=production
EXPOSE 3000 1234
CMD ["node", "node_modules/next/dist/bin/next", "start", "--port", "3000"]
