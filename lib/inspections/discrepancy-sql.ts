// A discrepancy (考勤不实): the inspector found the person absent (`pc`, a presence_check) on a day
// their attendance record (`ar`) claims 到村 or 驻村. Worked out when read, so a day entered or changed
// after the visit is judged too.
export const ABSENT_ON_CLAIMED_DAY = `ar.cadre_id = pc.cadre_id AND ar.day = pc.day AND ar.kind IN ('IN_VILLAGE', 'OVERNIGHT') AND NOT pc.present`;

// The one definition for the lists, the notice, the month grid, the person's year and the dashboard:
// a discrepancy counts only once its inspection is DONE, so an unannounced visit is not revealed to
// the team or township while it runs. Only the inspection's own page (inspectors) uses the one above.
export const CLAIMED_BUT_ABSENT = `${ABSENT_ON_CLAIMED_DAY} AND EXISTS (SELECT 1 FROM inspection di WHERE di.id = pc.inspection_id AND di.status = 'DONE')`;
