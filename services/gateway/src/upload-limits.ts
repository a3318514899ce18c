// The media service's upload routes take bodies past the gateway's JSON body limit, each up to its own
// file limit (upstream's) plus room for the multipart framing and a caption; every other route keeps
// BODY_LIMIT, multipart or not. A body sent without a length is counted by the media service itself.

const MiB = 1024 * 1024;
/** Boundaries, part headers and a caption field: far less than this. */
const MULTIPART_OVERHEAD = 64 * 1024;

const uploadLimits: { prefix: string; bytes: number }[] = [
  { prefix: '/api/admin/upload-logo', bytes: 2 * MiB },
  { prefix: '/api/admin/upload-banner', bytes: 10 * MiB },
  { prefix: '/api/admin/gallery-media/photo', bytes: 2 * MiB },
].map(({ prefix, bytes }) => ({ prefix, bytes: bytes + MULTIPART_OVERHEAD }));

/** The declared body size allowed on a path: an upload route's own, else the general limit. */
export function bodyLimitFor(path: string, general: number): number {
  for (const { prefix, bytes } of uploadLimits) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return Math.max(bytes, general);
  }
  return general;
}
