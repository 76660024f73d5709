import { RequestError } from "./request-error";

/** The largest JSON body a route reads: a source of MAX_SOURCE_CHARACTERS in UTF-8 with its metadata. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * A request's JSON body, read up to a size limit so that an oversized upload is refused without being held in
 * memory; a body that is not JSON reads as null (the route's schema then says what was expected).
 * @throws RequestError 413 for a body over the limit.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const tooLarge = () =>
    new RequestError(413, `The request is over ${Math.round(maxBytes / 1024 / 1024)} MB: import a smaller file.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(new TextDecoder().decode(Buffer.concat(chunks)));
  } catch {
    return null;
  }
}
