# The newsgraph API for docker-compose.yml: it talks to the Meilisearch service (MEILI_URL). Optional
# packages stay: esbuild (used by tsx and the page build) ships its binary as one. Scripts run after COPY.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
# The patches of dependencies (linkedom, Readability; patches/): what npm ci's postinstall would have applied.
COPY patches ./patches
RUN npx patch-package --error-on-fail
COPY tsconfig.json ./
COPY src ./src
COPY data ./data
COPY scripts ./scripts
RUN npm run build:web
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
EXPOSE 3000
CMD ["npm", "start"]
