import { imageRepository } from '../src/data-access/image-repository.js';
import { inspectImage } from '../src/domain/images/inspect-image.js';
import { processImage } from '../src/domain/images/process-image.js';
import { uploadRules } from '../src/domain/images/upload-rules.js';
import { picture } from './images.js';
import type { MediaHarness } from './media-harness.js';

/**
 * What a media process leaves when it dies between its puts and its commit: the intent (row and keys,
 * `pending`) and the objects, never made live. Answers the main key.
 */
export async function uploadThenCrash(media: MediaHarness, clubId: string) {
  const bytes = await picture(300, 300, 'png', { noise: true });
  const rule = uploadRules.logo;
  const processed = await processImage(bytes, await inspectImage(bytes, rule), rule, clubId);
  const image = {
    id: crypto.randomUUID(),
    clubId,
    purpose: 'logo' as const,
    url: media.context.objects.publicUrl(processed.mainKey),
    mainKey: processed.mainKey,
    caption: '',
    position: 1,
  };
  const keys = processed.objects.map((object) => object.key);
  await imageRepository(media.db).addPending(image, keys, new Date());
  for (const object of processed.objects) {
    await media.context.objects.put(object.key, object.body, {
      contentType: object.contentType,
      public: true,
    });
  }
  return { mainKey: processed.mainKey };
}
