import { randomUUID } from 'node:crypto';
import { lockClubObjects } from '../../data-access/club-repository.js';
import { type Image, imageRepository } from '../../data-access/image-repository.js';
import type { MediaContext } from '../media-context.js';
import { commitImage } from './commit-image.js';
import { inspectImage } from './inspect-image.js';
import { processImage } from './process-image.js';
import { withProcessingSlot } from './slots.js';
import type { UploadRule } from './upload-rules.js';

export interface StoreRequest {
  clubId: string;
  rule: UploadRule;
  bytes: Buffer;
  caption?: string;
  /** A gallery picture this one takes the place of. */
  replaces?: Image;
}

/**
 * Checks, processes and stores an upload, crash-safe: the intent (row and keys) commits before any
 * put, so a process dying after its puts leaves a stale intent the cleanup job removes, never an
 * object no row names. Then one transaction makes it live (commit-image.ts).
 */
export async function storeImage(ctx: MediaContext, request: StoreRequest): Promise<Image> {
  const { clubId, rule, bytes } = request;
  const info = await inspectImage(bytes, rule);
  const processed = await withProcessingSlot(() => processImage(bytes, info, rule, clubId));
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await lockClubObjects(tx, clubId);
    const images = imageRepository(tx);
    const image = {
      id,
      clubId,
      purpose: rule.purpose,
      url: ctx.objects.publicUrl(processed.mainKey),
      mainKey: processed.mainKey,
      caption: request.caption ?? '',
      position: request.replaces?.position ?? (await images.nextPosition(clubId, rule.purpose)),
    };
    const keys = processed.objects.map((object) => object.key);
    await images.addPending(image, keys, ctx.clock());
  });
  await Promise.all(
    processed.objects.map((object) =>
      ctx.objects.put(object.key, object.body, { contentType: object.contentType, public: true }),
    ),
  );
  return commitImage(ctx, id, request.replaces?.id);
}
