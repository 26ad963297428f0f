/**
 * A chosen file's bytes, read in the worker chunk by chunk so the page can
 * show how much is read (the main thread never holds the file's text).
 */
export async function readBlob(blob: Blob, onBytes: (read: number, total: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(blob.size);
  const reader = blob.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew since it was chosen: the bytes it had then (its size) are read.
    const take = Math.min(value.length, out.length - at);
    out.set(value.subarray(0, take), at);
    at += take;
    onBytes(at, out.length);
    if (at === out.length) break;
  }
  return at === out.length ? out : out.subarray(0, at);
}
