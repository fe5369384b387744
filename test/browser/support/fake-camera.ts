import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

/**
 * A still video for Chromium's fake camera (`--use-file-for-fake-video-capture`): a QR code of
 * `text` drawn black on white in the middle of a 640×480 frame, as Y4M (YUV 4:2:0), which
 * Chromium loops for as long as the page reads the camera.
 */
export function writeQrVideo(text: string, path: string, width = 640, height = 480): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = Math.floor(Math.min(width, height) / (n + 8));
  const left = Math.floor((width - n * scale) / 2);
  const top = Math.floor((height - n * scale) / 2);
  const y = Buffer.alloc(width * height, 235);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++)
        y.fill(16, (top + r * scale + dy) * width + left + c * scale, (top + r * scale + dy) * width + left + (c + 1) * scale);
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma]));
}
