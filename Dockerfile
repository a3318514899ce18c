# One image per service: docker build --build-arg SERVICE=catalog -t sproul/catalog .
# The build stage installs the whole workspace and transpiles it; each image then gets only libs/common,
# the chosen service and the production dependencies that service reaches (not another service's:
# the catalog's image holds no sharp, no TensorFlow, no AWS SDK), and runs as the unprivileged node user.
# The SES emulator of docker-compose.yml is its own target: docker build --target ses-emulator .
ARG NODE_IMAGE=node:20-bookworm-slim

# Every workspace's manifest beside the lockfile: npm ci needs them all to check the lockfile.
FROM ${NODE_IMAGE} AS manifests
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

FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs --force

# npm filters the lockfile's tree to what services/$SERVICE reaches (libs/common included, as the
# service depends on @sproul/common), laid out as the lockfile hoists it: mostly /app/node_modules,
# a package that could not be hoisted beside its workspace. The root's own dependencies (the embedded
# mode's emulators) and the other workspaces' stay out.
FROM manifests AS production-dependencies
ARG SERVICE
RUN test -n "${SERVICE}" || (echo 'build with --build-arg SERVICE=<gateway|auth|catalog|…>' >&2 && exit 1)
RUN npm ci --omit=dev --no-audit --no-fund --workspace=services/${SERVICE} --include-workspace-root=false

# The mailer's SES emulator (aws-ses-v2-local, a root dependency): for docker-compose only, never deployed.
FROM manifests AS ses-emulator
RUN npm ci --omit=dev --no-audit --no-fund --workspace=services/mailer --include-workspace-root
COPY --from=build /app/libs/common/dist libs/common/dist
COPY --from=build /app/services/mailer/dist services/mailer/dist
USER node
EXPOSE 8005
CMD ["node", "-e", "import('./services/mailer/dist/dev/ses-emulator.js').then((m) => m.startSesEmulator('0.0.0.0', 8005))"]

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
RUN test -n "${SERVICE}" || (echo 'build with --build-arg SERVICE=<gateway|auth|catalog|…>' >&2 && exit 1)
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
# node_modules/@sproul/common and @sproul/${SERVICE} are links to the workspaces copied below.
COPY --from=production-dependencies --chown=node:node /app/node_modules ./node_modules
# What npm could not hoist; the [s] wildcard lets COPY match nothing instead of failing.
COPY --from=production-dependencies --chown=node:node /app/libs/common/node_module[s] libs/common/node_modules
COPY --from=production-dependencies --chown=node:node /app/services/${SERVICE}/node_module[s] services/${SERVICE}/node_modules
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
