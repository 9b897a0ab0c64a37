import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { verifyLogin } from '@/lib/auth/data';
import { createUser, resetUserPassword, setUserDisabled, updateUser } from '@/lib/users/actions';
import { listUsers } from '@/lib/users/data';
import { lastAudit, run, signInAs, TOWNSHIP_1, TOWNSHIP_2 } from './helpers';

beforeEach(async () => {
  await signInAs('sysadmin');
});

describe('accounts', () => {
  it('creates an account with an issued password that must be changed', async () => {
    const state = await run(createUser, { username: 'wangwu', displayName: '王五', role: 'TOWNSHIP_STAFF', scopeCode: TOWNSHIP_1 });
    expect(state.ok).toBe(true);
    const password = state.data!.issuedPassword;
    const user = await db.user.findUniqueOrThrow({ where: { username: 'wangwu' } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyLogin('wangwu', password)).toMatchObject({ ok: true });
    const audit = await lastAudit('user.create');
    expect(audit).toMatchObject({ result: 'OK', entityId: String(user.id), regionCode: TOWNSHIP_1 });
    expect(JSON.stringify(audit!.changes)).not.toContain(password);
  });

  it('shows errors beside the fields, keeps the input, writes nothing', async () => {
    const before = await db.user.count();
    const state = await run(createUser, { username: 'Bad Name', displayName: '', role: 'TOWNSHIP_STAFF', scopeCode: '990102' });
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toEqual({ username: ['3–40 位小写字母、数字或 . _ -'], displayName: ['此项必填'] });
    expect(state.values).toMatchObject({ username: 'Bad Name', role: 'TOWNSHIP_STAFF' });
    expect(await db.user.count()).toBe(before);
    expect(await lastAudit('user.create')).toMatchObject({ result: 'INVALID' });
  });

  it('refuses a scope at the wrong level for the role, and a taken username', async () => {
    expect((await run(createUser, { username: 'zhaoliu', displayName: '赵六', role: 'TOWNSHIP_STAFF', scopeCode: '990102' })).fieldErrors?.scopeCode?.[0]).toContain('该角色不能设在这一级区域');
    expect((await run(createUser, { username: 'county', displayName: '重名', role: 'LEADER', scopeCode: '990102' })).fieldErrors).toEqual({ username: ['该用户名已被使用'] });
  });

  it('refuses unknown fields', async () => {
    const state = await run(createUser, { username: 'sneaky', displayName: '偷偷', role: 'LEADER', scopeCode: '990102', mustChangePassword: 'false' });
    expect(state.formError).toContain('mustChangePassword');
    expect(await db.user.findUnique({ where: { username: 'sneaky' } })).toBeNull();
  });

  it('refuses a stale edit instead of overwriting', async () => {
    const target = await db.user.findUniqueOrThrow({ where: { username: 'township2' } });
    const first = await run(updateUser, { id: target.id, version: target.version, displayName: '第一次', role: 'TOWNSHIP_STAFF', scopeCode: TOWNSHIP_2 });
    expect(first.ok).toBe(true);
    const second = await run(updateUser, { id: target.id, version: target.version, displayName: '第二次', role: 'TOWNSHIP_STAFF', scopeCode: TOWNSHIP_2 });
    expect(second).toMatchObject({ ok: false, formError: expect.stringContaining('已被他人修改') });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).displayName).toBe('第一次');
  });

  it('ends sessions when role or scope changes, or the account is disabled', async () => {
    const target = await db.user.findUniqueOrThrow({ where: { username: 'township2' } });
    await run(updateUser, { id: target.id, version: target.version, displayName: target.displayName, role: 'TOWNSHIP_STAFF', scopeCode: TOWNSHIP_1 });
    const moved = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(moved.sessionVersion).toBe(target.sessionVersion + 1);
    await run(setUserDisabled, { id: moved.id, version: moved.version, disabled: 'true' });
    const disabled = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(disabled).toMatchObject({ disabled: true, sessionVersion: moved.sessionVersion + 1 });
    await run(setUserDisabled, { id: disabled.id, version: disabled.version, disabled: 'false' });
  });

  it('reset unlocks the account and forces a new password', async () => {
    const target = await db.user.update({ where: { username: 'lockme' }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    const state = await run(resetUserPassword, { id: target.id, version: target.version });
    expect(state.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    expect(await verifyLogin('lockme', state.data!.issuedPassword)).toMatchObject({ ok: true });
  });

  it('will not disable its own account', async () => {
    const self = await db.user.findUniqueOrThrow({ where: { username: 'sysadmin' } });
    expect((await run(setUserDisabled, { id: self.id, version: self.version, disabled: 'true' })).formError).toBe('不能对自己的账号执行此操作');
  });

  it('lists only the accounts of the area', async () => {
    const list = await listUsers(await signInAs('sysadmin'), {});
    expect(list!.rows.every((row) => row.scopeCode.startsWith('990102'))).toBe(true);
    expect(list!.rows.some((row) => row.username === 'county2')).toBe(false);
    expect(await listUsers(await signInAs('county'), {})).toBeNull();
  });
});
