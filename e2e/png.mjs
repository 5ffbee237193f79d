// A minimal PNG decoder for screenshots: 8-bit greyscale, RGB or RGBA,
// grey+alpha, non-interlaced (what Chromium writes). It returns RGBA bytes.
import { inflateSync } from 'node:zlib';

const channelsOf = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePNG(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  for (let i = 0; i < 8; i++) if (buf[i] !== sig[i]) throw new Error('png: bad signature');
  let off = 8, width = 0, height = 0, depth = 0, ctype = 0, interlace = 0;
  const idat = [];
  while (off + 8 <= buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const body = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4);
      depth = body[8]; ctype = body[9]; interlace = body[12];
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    off += 12 + len;
  }
  const ch = channelsOf[ctype];
  if (depth !== 8 || !ch || interlace !== 0) throw new Error(`png: unsupported depth ${depth}, colour type ${ctype}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * ch;
  if (raw.length < height * (stride + 1)) throw new Error('png: short image data');
  const cur = Buffer.alloc(stride), prev = Buffer.alloc(stride);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= ch ? cur[i - ch] : 0, b = prev[i], c = i >= ch ? prev[i - ch] : 0;
      let v;
      switch (filter) {
        case 0: v = 0; break;
        case 1: v = a; break;
        case 2: v = b; break;
        case 3: v = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`png: bad filter ${filter} in row ${y}`);
      }
      cur[i] = (line[i] + v) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = 4 * (y * width + x), s = x * ch;
      if (ch === 1 || ch === 2) {
        data[o] = data[o + 1] = data[o + 2] = cur[s];
        data[o + 3] = ch === 2 ? cur[s + 1] : 255;
      } else {
        data[o] = cur[s]; data[o + 1] = cur[s + 1]; data[o + 2] = cur[s + 2];
        data[o + 3] = ch === 4 ? cur[s + 3] : 255;
      }
    }
    cur.copy(prev);
  }
  return { width, height, data };
}
