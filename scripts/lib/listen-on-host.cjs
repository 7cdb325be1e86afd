// Preloaded into `npm run dev` (scripts/dev.mjs): a server that listens on a
// port without naming an address listens on HOST instead of every interface.
// remix dev opens its own HTTP and live-reload listener that way and has no
// setting for its address; the portal's own server (remix-serve) follows HOST.
const net = require("node:net");

const host = process.env.HOST;
if (host) {
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listenOnHost(...args) {
    const [first, second] = args;
    const portOnly = typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first));
    if (portOnly && typeof second !== "string") args.splice(1, 0, host);
    else if (first && typeof first === "object" && first.port !== undefined && !first.host && !first.path)
      args[0] = { ...first, host };
    return listen.apply(this, args);
  };
}
