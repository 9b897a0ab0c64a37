// Visits' writes: logging a visit (with the problems found on it and its photos), storing an uploaded
// photo for a visit or a problem step to claim, and the sweep of photos nobody claimed.
import 'server-only';
import { forbidden } from 'next/navigation';
import type { z } from 'zod';
import { writeAudit, writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { db, execute, rows } from '@/lib/db';
import { NotFoundError, RefusedError } from '@/lib/errors';
import { claimPhotos, insertProblem } from '@/lib/problems/commands';
import { scope } from '@/lib/regions/scope';
import { MAX_PHOTO_BYTES, reencodePhoto, removeStored, sniffPhotoType, storePhoto } from '@/lib/storage';
import { chinaDate, chinaToday, dayOf } from '@/lib/time';
import { UPLOAD_QUOTA, visitDayRefusal } from './rules';
import type { createVisitSchema } from './schema';
import { deleteStaleUploads, insertVisit, lockUploadsOf } from './sql';

const actorOf = (viewer: Viewer) => ({ userId: viewer.userId, username: viewer.username, role: viewer.role });

// ─────────────────────────── A visit ───────────────────────────

/**
 * Logs a visit with any problems found on it. Stored once per client key: the phone makes the key
 * before the first try, so a double tap or a retry after a dropped answer finds the visit already
 * there and is told so, instead of storing it twice.
 */
export async function createVisit({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof createVisitSchema>>): Promise<CommandOutcome> {
  const cadre = await tx.cadre.findUnique({ where: { userId: viewer.userId }, select: { id: true } });
  // Inside the visitor's area, or paired with them (a county cadre's household may lie outside their own scope).
  const household = await tx.household.findFirst({
    where: {
      id: input.householdId,
      OR: [scope.household(viewer), ...(cadre ? [{ pairings: { some: { cadreId: cadre.id, endedOn: null } } }] : [])],
    },
    select: { id: true, regionCode: true },
  });
  if (!household) throw new NotFoundError();
  const refusal = visitDayRefusal(input.visitedOn, chinaToday());
  if (refusal) throw new RefusedError(refusal.key, 'visitedOn', 'params' in refusal ? refusal.params : {});

  // ON CONFLICT DO NOTHING: two copies of the same submission racing each other insert one row.
  const inserted = await rows(
    tx,
    insertVisit({
      clientKey: input.clientKey,
      householdId: household.id,
      regionCode: household.regionCode,
      visitedOn: dayOf(input.visitedOn),
      kind: input.kind,
      phoneReason: input.phoneReason ?? null,
      visitorId: viewer.userId,
      visitorName: viewer.displayName,
      visitorCadreId: cadre?.id ?? null,
      metWith: input.metWith ?? null,
      findings: input.findings ?? null,
      helpDelivered: input.helpDelivered ?? null,
      riskEvent: input.riskEvent ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      accuracy: input.accuracy ?? null,
    }),
  );
  if (inserted.length === 0) {
    const existing = await tx.visit.findUnique({
      where: { clientKey: input.clientKey },
      select: { id: true, visitorId: true, regionCode: true, _count: { select: { problems: true } } },
    });
    if (!existing || existing.visitorId !== viewer.userId) throw new RefusedError('visits.keyTaken');
    return {
      entity: 'Visit',
      entityId: existing.id.toString(),
      regionCode: existing.regionCode,
      changes: { repeat: true },
      message: 'visits.alreadySaved',
      data: { visitId: existing.id.toString(), problems: String(existing._count.problems) },
    };
  }
  const visitId = inserted[0].id;
  await claimPhotos(tx, viewer, input.photoKeys, { visitId });
  const problems = [];
  for (const p of input.problems) {
    problems.push(
      await insertProblem(tx, viewer, {
        ...p,
        regionCode: household.regionCode,
        householdId: household.id,
        visitId,
        source: 'VISIT',
        foundOn: input.visitedOn,
      }),
    );
  }
  return {
    entity: 'Visit',
    entityId: visitId.toString(),
    regionCode: household.regionCode,
    changes: {
      householdId: household.id,
      visitedOn: input.visitedOn,
      kind: input.kind,
      photos: input.photoKeys.length,
      problems: problems.map((p) => p.id),
    },
    message: problems.length > 0 ? 'visits.savedWithProblems' : 'visits.saved',
    data: { visitId: visitId.toString(), problems: String(problems.length) },
  };
}

// ─────────────────────────── Photos ───────────────────────────

/** A photo that was not stored: the status and message key the upload route answers. */
export type UploadRefusal = {
  ok: false;
  status: 413 | 415 | 422 | 429;
  message: string;
  params?: Record<string, number>;
};
export type UploadResult = { ok: true; key: string } | UploadRefusal;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Stores an uploaded photo for a visit or a problem step to claim: checks size and real type, then
 * keeps only a re-encoded copy (no EXIF, no GPS, bounded pixels), within the user's quota. Its own
 * transaction (the route has none).
 */
export async function savePhoto(viewer: Viewer, bytes: Uint8Array, now = new Date()): Promise<UploadResult> {
  if (!can(viewer.role, 'visit.create') && !can(viewer.role, 'problem.work')) forbidden();
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, status: 413, message: 'visits.photoTooLarge' };
  const type = sniffPhotoType(bytes);
  if (!type) return { ok: false, status: 415, message: 'visits.photoType' };
  const actor = actorOf(viewer);
  const photo = await reencodePhoto(bytes, type);
  if (!photo.ok) {
    const message = photo.reason === 'tooManyPixels' ? 'visits.photoTooManyPixels' : 'visits.photoUndecodable';
    await writeAuditNow(actor, {
      action: 'attachment.upload',
      result: 'INVALID',
      entity: 'Attachment',
      regionCode: viewer.scopeCode,
      message,
      changes: { bytes: bytes.length, type },
    });
    return { ok: false, status: 422, message };
  }
  await removeStaleUploads(now);
  const stored: { key?: string } = {};
  try {
    const saved = await db.$transaction(async (tx) => {
      // One upload of a user at a time, so parallel requests cannot pass the quota together.
      await execute(tx, lockUploadsOf(viewer.userId));
      const unclaimed = await tx.attachment.count({
        where: {
          uploadedBy: viewer.userId,
          visitId: null,
          stepId: null,
          createdAt: { gt: new Date(now.getTime() - DAY_MS) },
        },
      });
      if (unclaimed >= UPLOAD_QUOTA) return null;
      const key = (stored.key = await storePhoto(photo.body, photo.type, chinaDate(now)));
      const row = await tx.attachment.create({
        data: { storageKey: key, contentType: photo.type, bytes: photo.body.length, uploadedBy: viewer.userId },
      });
      await writeAudit(tx, actor, {
        action: 'attachment.upload',
        result: 'OK',
        entity: 'Attachment',
        entityId: String(row.id),
        regionCode: viewer.scopeCode,
        changes: { bytes: photo.body.length, received: bytes.length, type, width: photo.width, height: photo.height },
      });
      return key;
    });
    if (!saved) {
      await writeAuditNow(actor, {
        action: 'attachment.upload',
        result: 'REFUSED',
        entity: 'Attachment',
        regionCode: viewer.scopeCode,
        message: 'visits.photoQuota',
      });
      return { ok: false, status: 429, message: 'visits.photoQuota', params: { max: UPLOAD_QUOTA } };
    }
    return { ok: true, key: saved };
  } catch (error) {
    if (stored.key) await removeStored(stored.key).catch(() => {}); // no row points at it
    throw error;
  }
}

/**
 * Unclaimed uploads older than a day are gone: rows first (a claim racing this either took the row
 * already, or finds it missing and is refused), then their files. Runs at each upload and hourly
 * (instrumentation.ts), in batches.
 */
export async function removeStaleUploads(now = new Date(), limit = 100): Promise<number> {
  const removed = await rows(db, deleteStaleUploads(new Date(now.getTime() - DAY_MS), limit));
  for (const row of removed)
    await removeStored(row.storage_key).catch((error) =>
      console.error(
        JSON.stringify({ level: 'warn', msg: 'stale upload not removed', key: row.storage_key, error: String(error) }),
      ),
    );
  if (removed.length > 0)
    await writeAuditNow(null, {
      action: 'attachment.cleanup',
      result: 'OK',
      entity: 'Attachment',
      changes: { removed: removed.length },
    });
  return removed.length;
}
