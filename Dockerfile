# One Frontdesk node (used by docker-compose.yml). Node 20 on Debian: better-sqlite3 and sharp
# build or fetch their native parts here, and the widget and console are built into the image.
FROM node:20-bookworm
RUN npm install -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
EXPOSE 3000
CMD ["pnpm", "start"]
