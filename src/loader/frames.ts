/**
 * Length-prefixed frames, `[u32 little-endian length][bytes]`: how parse processes stream entries
 * back (./workers.ts) and how the build's model stage writes the site file (./render-stage.ts).
 */

/** Splits a stream of `[u32 length][bytes]` frames; calls `onFrame` with each whole frame. */
export function frameReader(onFrame: (bytes: Uint8Array) => void): (chunk: Buffer) => void {
  let pending: Buffer[] = [];
  let have = 0;
  let need = -1;
  return (chunk) => {
    pending.push(chunk);
    have += chunk.length;
    for (;;) {
      if (need < 0) {
        if (have < 4) return;
        const head = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        need = head.readUInt32LE(0);
        pending = [head.subarray(4)];
        have -= 4;
      }
      if (have < need) return;
      const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      onFrame(all.subarray(0, need));
      pending = [all.subarray(need)];
      have -= need;
      need = -1;
    }
  };
}

/** One frame: the length of `bytes` as a little-endian u32, then the bytes. */
export function frame(bytes: Uint8Array): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.length);
  return [length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)];
}
