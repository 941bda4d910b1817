import type { FastifyReply } from 'fastify';

/** Reads a version from an If-Match header such as "3" or W/"3"; anything else is ignored. */
export function parseIfMatch(header: string | undefined): number | undefined {
  const m = header ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/** Sends a record's version as its ETag, the value If-Match gives back. */
export function setVersionEtag(reply: FastifyReply, version: number) {
  reply.header('etag', `"${version}"`);
}
