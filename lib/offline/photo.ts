// A phone photo made small on the phone before it waits in the outbox or goes up a weak line: a 4 MB
// picture takes over a minute at 400 kbps, the same scene at 1,600 px takes seconds. Re-encoding drops
// the EXIF block (location, device) as a side effect the server would otherwise have to do alone.

export const MAX_SIDE_PX = 1600;
export const TARGET_BYTES = 400 * 1024;
const QUALITIES = [0.82, 0.72, 0.62, 0.5];

type Canvas = OffscreenCanvas | HTMLCanvasElement;

function canvasOf(width: number, height: number): Canvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function encode(canvas: Canvas, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode'))), 'image/jpeg', quality),
  );
}

/** The scale that brings the long side down to `maxSide`, never up. */
export function fitScale(width: number, height: number, maxSide = MAX_SIDE_PX): number {
  return Math.min(1, maxSide / Math.max(width, height));
}

/**
 * JPEG, long side at most 1,600 px, turned upright by its EXIF orientation, no metadata, at the best quality
 * that fits 400 KB. A file the browser cannot decode is returned as it is: the server's check says why.
 */
export async function resizePhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const scale = fitScale(bitmap.width, bitmap.height);
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = canvasOf(width, height);
  const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context) {
    bitmap.close();
    return file;
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  let blob = await encode(canvas, QUALITIES[0]);
  for (const quality of QUALITIES.slice(1)) {
    if (blob.size <= TARGET_BYTES) break;
    blob = await encode(canvas, quality);
  }
  return blob;
}
