import { trainingAttendances, trainingAudiences, trainingSessions } from '../../drizzle/schema';
import type { Tx } from '../db';
import { getApp } from '../app';
import { trainingAttendanceResource } from '../resources/training-attendance/training-attendance.resource';
import { trainingSessionResource } from '../resources/training-session/training-session.resource';
import { trainingAudienceResource } from '../resources/training-audience/training-audience.resource';
import { staffSeeds } from './data/staff';
import { attendanceSeeds, sessionSeeds as allSessions, type SessionSeed } from './data/training';
import { orgId, type Ids } from './seed-hr';

const records = () => getApp().records;

/**
 * Training sessions (natural key: title), whom they served (session and organization) and attendance
 * (session and person); `which` keeps some of the sessions (the qualifying rotations, seeded before
 * the postings that need them).
 */
export async function seedTraining(tx: Tx, orgs: Ids, staff: Ids, which: (s: SessionSeed) => boolean = () => true): Promise<void> {
  const sessionSeeds = allSessions.filter(which);
  const sessions: Ids = new Map(
    (await tx.select({ id: trainingSessions.id, title: trainingSessions.title }).from(trainingSessions)).map((s) => [s.title, s.id]),
  );
  for (const s of sessionSeeds) {
    if (sessions.has(s.title)) continue;
    const row = await records().of(trainingSessionResource).create(tx, {
      title: s.title,
      kind: s.kind,
      organizerId: orgId(orgs, s.organizer),
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      hours: s.hours,
      days: s.days ?? null,
      location: s.location,
    });
    sessions.set(s.title, row.id as number);
  }
  const served = new Set((await tx.select({ s: trainingAudiences.sessionId, o: trainingAudiences.organizationId }).from(trainingAudiences)).map((a) => `${a.s}|${a.o}`));
  for (const s of sessionSeeds) {
    const sessionId = sessions.get(s.title)!;
    for (const short of s.serves ?? []) {
      const organizationId = orgId(orgs, short);
      if (served.has(`${sessionId}|${organizationId}`)) continue;
      await records().of(trainingAudienceResource).create(tx, { sessionId, organizationId });
    }
  }
  const attended = new Set(
    (await tx.select({ s: trainingAttendances.sessionId, p: trainingAttendances.staffMemberId }).from(trainingAttendances)).map(
      (a) => `${a.s}|${a.p}`,
    ),
  );
  for (const a of attendanceSeeds(staffSeeds)) {
    const sessionId = sessions.get(a.session);
    if (sessionId === undefined) continue; // a session left for another call
    const staffMemberId = staff.get(a.staff)!;
    if (attended.has(`${sessionId}|${staffMemberId}`)) continue;
    await records().of(trainingAttendanceResource).create(tx, {
      sessionId,
      staffMemberId,
      hoursAttended: a.hoursAttended,
      daysAttended: a.daysAttended,
      examScore: a.examScore,
      passed: a.passed,
      completionCertificate: a.completionCertificate,
    });
  }
}
