// The server build remix-serve loads (remix.config.js `server`): the app's
// build with every route module passed through the security layer, so that
// every action, whatever its route, runs the same-origin and body-size checks
// first and resource responses carry the security headers. remix-serve has no
// middleware of its own; see docs/decisions/006-csrf.md.
import * as build from "@remix-run/dev/server-build";
import { watchConnections } from "#app/lib/connection.server";
import { requestLocale } from "#app/features/accounts/locale.server";
import { secureRoutes } from "#app/lib/security.server";

export const { assets, assetsBuildDirectory, basename, entry, future, isSpaMode, mode, publicPath } = build;
export const routes = secureRoutes(build.routes, { localeOf: requestLocale });

// the peer address of each request, and Remix's own cross-site check turned into the portal's 403 page
watchConnections();
