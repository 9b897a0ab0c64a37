// A discrepancy (考勤不实): the inspector found the person absent (`pc`, a presence_check) on a day
// their attendance record (`ar`) claims 到村 or 驻村. Worked out when read, so a day entered or changed
// after the visit is judged too. The one definition, for the lists, the month grid and the dashboard.
export const CLAIMED_BUT_ABSENT = `ar.cadre_id = pc.cadre_id AND ar.day = pc.day AND ar.kind IN ('IN_VILLAGE', 'OVERNIGHT') AND NOT pc.present`;
