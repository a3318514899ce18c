import sharp from 'sharp';

/** Test pictures, made here with sharp: noise (so sizes are realistic) or one colour. */
export async function picture(
  width: number,
  height: number,
  format: 'png' | 'jpeg' | 'gif' | 'webp' = 'png',
  options: { noise?: boolean; exif?: boolean } = {},
): Promise<Buffer> {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels, 90);
  if (options.noise) for (let i = 0; i < raw.length; i++) raw[i] = (Math.random() * 256) | 0;
  let image = sharp(raw, { raw: { width, height, channels } });
  if (options.exif) {
    image = image.withExif({ IFD0: { Copyright: 'Sproul test', Make: 'TestCam' } });
  }
  return image.toFormat(format).toBuffer();
}
