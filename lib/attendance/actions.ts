'use server';
// Attendance's forms: each action is a command of ./commands.ts behind the action wrapper (permission,
// strict input, one transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import { checkInSchema, setDaysSchema, signOffSchema } from './schema';

/** The phone check-in (also answered as JSON by /api/attendance/checkin). */
export const checkIn = action('attendance.checkIn', 'attendance.checkin', checkInSchema, commands.checkIn);
/** The month grid: sets (or clears) a run of days of one posting. */
export const setDays = action('attendance.setDays', 'attendance.edit', setDaysSchema, commands.setDays);
/** A township user closes a team's finished month. */
export const signOffMonth = action('attendance.signOff', 'attendance.signoff', signOffSchema, commands.signOffMonth);
