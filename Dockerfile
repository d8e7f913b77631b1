# The newsgraph API for docker-compose.yml: it talks to the Meilisearch service (MEILI_URL), so the
# embedded Meilisearch package (optional dependency) is left out.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional
COPY tsconfig.json ./
COPY src ./src
COPY data ./data
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
EXPOSE 3000
CMD ["npm", "start"]
