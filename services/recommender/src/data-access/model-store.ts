import type { Db } from '@sproul/common/db';
import { desc, eq } from 'drizzle-orm';
import type { TrainedModel } from '../domain/model/train-model.js';
import { modelVersions } from './schema.js';

const toBytes = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);
// A copy: the driver's buffer may not be 4-byte aligned, which a Float32Array view requires.
const toFloats = (bytes: Buffer) => new Float32Array(new Uint8Array(bytes).buffer);

export interface StoredModel extends TrainedModel {
  version: number;
  accepted: boolean;
  createdAt: Date;
}

/** Model versions with their figures; the answering one is the newest accepted. */
export function modelStore(db: Db) {
  return {
    async save(model: TrainedModel, accepted: boolean, reason: string): Promise<number> {
      const [row] = await db
        .insert(modelVersions)
        .values({
          accepted,
          reason,
          backend: model.backend,
          corpusSize: model.corpusSize,
          trainMs: model.trainMs,
          params: model.params,
          figures: model.figures,
          terms: model.text.vocabulary.terms,
          idf: toBytes(model.text.vocabulary.idf),
          projection: toBytes(model.text.projection),
          dims: model.text.dims,
        })
        .returning({ version: modelVersions.version });
      return row!.version;
    },
    async latestAccepted(): Promise<StoredModel | undefined> {
      const [row] = await db
        .select()
        .from(modelVersions)
        .where(eq(modelVersions.accepted, true))
        .orderBy(desc(modelVersions.version))
        .limit(1);
      if (!row) return undefined;
      return {
        version: row.version,
        accepted: row.accepted,
        createdAt: row.createdAt,
        backend: row.backend,
        corpusSize: row.corpusSize,
        trainMs: row.trainMs,
        params: row.params,
        figures: row.figures,
        text: {
          vocabulary: { terms: row.terms, idf: toFloats(row.idf) },
          projection: toFloats(row.projection),
          dims: row.dims,
        },
      };
    },
    /** Versions newest first, without their matrices. */
    list: (limit = 20) =>
      db
        .select({
          version: modelVersions.version,
          createdAt: modelVersions.createdAt,
          accepted: modelVersions.accepted,
          reason: modelVersions.reason,
          backend: modelVersions.backend,
          corpusSize: modelVersions.corpusSize,
          trainMs: modelVersions.trainMs,
          params: modelVersions.params,
          figures: modelVersions.figures,
        })
        .from(modelVersions)
        .orderBy(desc(modelVersions.version))
        .limit(limit),
  };
}
