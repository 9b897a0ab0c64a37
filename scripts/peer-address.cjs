// Loaded into the Next server by `npm start` (NODE_OPTIONS=--require). `next start` fills in
// X-Forwarded-For with the socket's address only when the request has no such header, so a client
// could name any address and slip past the per-address login throttle. This appends the socket's
// address to every request's X-Forwarded-For, as a proxy would; lib/auth/throttle.ts clientAddress()
// reads the entry TRUSTED_PROXY_HOPS places before it.
const http = require('node:http');

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === 'request' && request && request.headers) {
    const peer = request.socket?.remoteAddress;
    const forwarded = request.headers['x-forwarded-for'];
    const prior = Array.isArray(forwarded) ? forwarded.join(', ') : forwarded;
    request.headers['x-forwarded-for'] = [prior, peer || 'unknown'].filter(Boolean).join(', ');
  }
  return emit.call(this, event, request, ...rest);
};
