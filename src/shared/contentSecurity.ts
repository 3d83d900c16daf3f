/**
 * The Content-Security-Policy of the window, one policy for the desktop app and the browser. The
 * renderer is bundled and local: its own scripts only (no inline script, no eval), its own
 * stylesheet plus the style attributes and tags Mantine writes at run time, images of its own and
 * the data:/blob: ones it makes, calls only to its own backend; no plugins, frames, forms or base
 * URL of another origin.
 *
 * It is written into the built index.html (electron.vite.config.ts), which is how a page loaded
 * from file:// in Electron gets one; the web host also sends it as a header, with what only a
 * header can say (`frame-ancestors`).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');
