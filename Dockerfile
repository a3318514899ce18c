# One image per service: docker build --build-arg SERVICE=catalog -t sproul/catalog .
# The build stage installs the workspace and transpiles it; the runtime stage keeps only the
# production dependencies, libs/common and the chosen service, and runs as the unprivileged node user.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/common/package.json libs/common/
COPY services/gateway/package.json services/gateway/
COPY services/auth/package.json services/auth/
COPY services/catalog/package.json services/catalog/
COPY services/media/package.json services/media/
COPY services/mailer/package.json services/mailer/
COPY services/recommender/package.json services/recommender/
COPY services/monitor/package.json services/monitor/
COPY services/engagement/package.json services/engagement/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs --force && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
RUN test -n "${SERVICE}" || (echo 'build with --build-arg SERVICE=<gateway|auth|catalog|…>' >&2 && exit 1)
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/libs/common/package.json libs/common/
COPY --from=build --chown=node:node /app/libs/common/dist libs/common/dist
COPY --from=build --chown=node:node /app/services/${SERVICE}/package.json services/${SERVICE}/
COPY --from=build --chown=node:node /app/services/${SERVICE}/dist services/${SERVICE}/dist
# Migrations; the gateway has none, and the [e] wildcard lets COPY match nothing instead of failing.
COPY --from=build --chown=node:node /app/services/${SERVICE}/drizzl[e] services/${SERVICE}/drizzle
# The monitor's admin web app (built static files); the other services have none.
COPY --from=build --chown=node:node /app/services/${SERVICE}/dist-we[b] services/${SERVICE}/dist-web
# The recommender's committed evaluation set: every training is tuned and measured on it.
COPY --from=build --chown=node:node /app/services/${SERVICE}/eva[l] services/${SERVICE}/eval
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node services/${SERVICE}/dist/start.js"]
