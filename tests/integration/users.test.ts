import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSession, verifyLogin } from '@/lib/auth/data';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import {
  approveAccount,
  createUser,
  rejectAccount,
  resetUserPassword,
  setUserDisabled,
  updateUser,
} from '@/lib/users/actions';
import { listPendingApprovals, listUsers } from '@/lib/users/data';
import { DEMO_PASSWORD } from '../../prisma/seed/profiles';
import { makeCadre } from '../support/teams';
import { lastAudit, OTHER_COUNTY, run, signInAs, TOWNSHIP_1, TOWNSHIP_2 } from './helpers';

/** An open session of the user, as a login would leave it. */
async function openSession(userId: number) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const id = randomBytes(24).toString('base64url');
  await db.userSession.create({ data: { id, userId, sessionVersion: user.sessionVersion } });
  return id;
}

beforeEach(async () => {
  await signInAs('sysadmin');
});

describe('accounts', () => {
  it('creates an account without area data at once, with an issued password that must be changed', async () => {
    const state = await run(createUser, {
      username: 'wangwu',
      displayName: '王五',
      role: 'AUDITOR',
      scopeCode: '990102',
    });
    expect(state.ok).toBe(true);
    const password = state.data!.issuedPassword;
    const user = await db.user.findUniqueOrThrow({ where: { username: 'wangwu' } });
    expect(user).toMatchObject({ mustChangePassword: true, pendingApproval: null });
    expect(await verifyLogin('wangwu', password)).toMatchObject({ ok: true });
    const audit = await lastAudit('user.create');
    expect(audit).toMatchObject({ result: 'OK', entityId: String(user.id), regionCode: '990102' });
    expect(JSON.stringify(audit!.changes)).not.toContain(password);
  });

  it('shows errors beside the fields, keeps the input, writes nothing', async () => {
    const before = await db.user.count();
    const state = await run(createUser, {
      username: 'Bad Name',
      displayName: '',
      role: 'TOWNSHIP_STAFF',
      scopeCode: '990102',
    });
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toEqual({ username: ['3–40 位小写字母、数字或 . _ -'], displayName: ['此项必填'] });
    expect(state.values).toMatchObject({ username: 'Bad Name', role: 'TOWNSHIP_STAFF' });
    expect(await db.user.count()).toBe(before);
    expect(await lastAudit('user.create')).toMatchObject({ result: 'INVALID' });
  });

  it('refuses a scope at the wrong level for the role, and a taken username', async () => {
    expect(
      (await run(createUser, { username: 'zhaoliu', displayName: '赵六', role: 'TOWNSHIP_STAFF', scopeCode: '990102' }))
        .fieldErrors?.scopeCode?.[0],
    ).toContain('该角色不能设在这一级区域');
    expect(
      (await run(createUser, { username: 'county', displayName: '重名', role: 'LEADER', scopeCode: '990102' }))
        .fieldErrors,
    ).toEqual({ username: ['该用户名已被使用'] });
  });

  it('refuses unknown fields', async () => {
    const state = await run(createUser, {
      username: 'sneaky',
      displayName: '偷偷',
      role: 'LEADER',
      scopeCode: '990102',
      mustChangePassword: 'false',
    });
    expect(state.formError).toContain('mustChangePassword');
    expect(await db.user.findUnique({ where: { username: 'sneaky' } })).toBeNull();
  });

  it('refuses a stale edit instead of overwriting', async () => {
    const target = await db.user.findUniqueOrThrow({ where: { username: 'township2' } });
    const first = await run(updateUser, {
      id: target.id,
      version: target.version,
      displayName: '第一次',
      role: 'TOWNSHIP_STAFF',
      scopeCode: TOWNSHIP_2,
    });
    expect(first.ok).toBe(true);
    const second = await run(updateUser, {
      id: target.id,
      version: target.version,
      displayName: '第二次',
      role: 'TOWNSHIP_STAFF',
      scopeCode: TOWNSHIP_2,
    });
    expect(second).toMatchObject({ ok: false, formError: expect.stringContaining('已被他人修改') });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).displayName).toBe('第一次');
  });

  it('ends sessions when role or scope changes, or the account is disabled', async () => {
    const target = await db.user.findUniqueOrThrow({ where: { username: 'township2' } });
    await run(updateUser, {
      id: target.id,
      version: target.version,
      displayName: target.displayName,
      role: 'TOWNSHIP_STAFF',
      scopeCode: TOWNSHIP_1,
    });
    const moved = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(moved.sessionVersion).toBe(target.sessionVersion + 1);
    await run(setUserDisabled, { id: moved.id, version: moved.version, disabled: 'true' });
    const disabled = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(disabled).toMatchObject({ disabled: true, sessionVersion: moved.sessionVersion + 1 });
    await run(setUserDisabled, { id: disabled.id, version: disabled.version, disabled: 'false' });
    // Back to its own township and name: other files sign in as township2 to test the other township.
    await db.user.update({
      where: { id: target.id },
      data: { scopeCode: target.scopeCode, displayName: target.displayName },
    });
  });

  it('reset of an account without area data unlocks it, forces a new password and ends every session', async () => {
    const auditor = await db.user.create({
      data: {
        username: 'resetme',
        displayName: '重置',
        role: 'AUDITOR',
        scopeCode: '990102',
        passwordHash: await hashPassword('Old#Password1'),
        mustChangePassword: false,
      },
    });
    const session = await openSession(auditor.id);
    expect(await loadSession(session)).not.toBeNull();
    const target = await db.user.update({
      where: { id: auditor.id },
      data: { lockedUntil: new Date(Date.now() + 600_000) },
    });
    const state = await run(resetUserPassword, { id: target.id, version: target.version });
    expect(state.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      lockedUntil: null,
      mustChangePassword: true,
      sessionVersion: target.sessionVersion + 1,
    });
    expect(await loadSession(session)).toBeNull();
    expect(await verifyLogin('resetme', state.data!.issuedPassword)).toMatchObject({ ok: true });
  });

  it('will not disable its own account', async () => {
    const self = await db.user.findUniqueOrThrow({ where: { username: 'sysadmin' } });
    expect((await run(setUserDisabled, { id: self.id, version: self.version, disabled: 'true' })).formError).toBe(
      '不能对自己的账号执行此操作',
    );
  });

  it('lists only the accounts of the area', async () => {
    const list = await listUsers(await signInAs('sysadmin'), {});
    expect(list.rows.every((row) => row.scopeCode.startsWith('990102'))).toBe(true);
    expect(list.rows.some((row) => row.username === 'county2')).toBe(false);
    await expect(listUsers(await signInAs('county'), {})).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
  });
});

describe('separation of duties: accounts with area data wait for a county office admin', () => {
  it('a new county admin cannot sign in, and its requester never receives a password, until another person approves', async () => {
    const state = await run(createUser, {
      username: 'newcounty',
      displayName: '新县管理员',
      role: 'COUNTY_ADMIN',
      scopeCode: '990102',
    });
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining('待县扶贫办审批') });
    expect(state.data?.issuedPassword).toBeUndefined();
    const user = await db.user.findUniqueOrThrow({ where: { username: 'newcounty' } });
    const sysadmin = await db.user.findUniqueOrThrow({ where: { username: 'sysadmin' } });
    expect(user).toMatchObject({ pendingApproval: 'CREATE', pendingRequestedById: sysadmin.id });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/); // a secret nobody holds: same cost as any wrong password
    expect(await verifyLogin('newcounty', DEMO_PASSWORD)).toMatchObject({ ok: false });
    expect(await lastAudit('user.create')).toMatchObject({ result: 'OK', entityId: String(user.id) });

    const approver = await signInAs('county');
    const pending = await listPendingApprovals(approver);
    expect(pending.find((row) => row.id === user.id)).toMatchObject({ kind: 'CREATE', requestedBy: '系统管理员' });
    const approved = await run(approveAccount, { id: user.id, version: user.version });
    expect(approved.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      pendingApproval: null,
      pendingRequestedById: null,
      mustChangePassword: true,
      disabled: false,
    });
    expect(await verifyLogin('newcounty', approved.data!.issuedPassword)).toMatchObject({ ok: true });
    const audit = await lastAudit('user.approve');
    expect(audit).toMatchObject({ result: 'OK', entityId: String(user.id), username: 'county' });
    expect(JSON.stringify(audit!.changes)).not.toContain(approved.data!.issuedPassword);
    expect((await listPendingApprovals(approver)).some((row) => row.id === user.id)).toBe(false);
  });

  it('the account admin cannot approve (no permission), and nobody approves their own request or account', async () => {
    await run(createUser, { username: 'selfasked', displayName: '自批', role: 'LEADER', scopeCode: '990102' });
    const user = await db.user.findUniqueOrThrow({ where: { username: 'selfasked' } });
    expect(await run(approveAccount, { id: user.id, version: user.version })).toMatchObject({
      ok: false,
      formError: '您的账号没有这项操作的权限。',
    });

    // A request the approver made themselves (e.g. before a change of role) and the approver's own reset.
    const county = await db.user.findUniqueOrThrow({ where: { username: 'county' } });
    await db.user.update({ where: { id: user.id }, data: { pendingRequestedById: county.id } });
    const mine = await db.user.update({
      where: { id: county.id },
      data: {
        pendingApproval: 'PASSWORD_RESET',
        pendingRequestedById: (await db.user.findUniqueOrThrow({ where: { username: 'sysadmin' } })).id,
      },
    });
    try {
      const approver = await signInAs('county');
      expect(
        (await listPendingApprovals(approver)).filter((row) => row.id === user.id || row.id === county.id),
      ).toEqual([]);
      for (const target of [user, mine]) {
        const state = await run(approveAccount, { id: target.id, version: target.version });
        expect(state).toMatchObject({ ok: false, formError: '不能审批自己提出的申请或自己账号的申请，须由另一人审批' });
        expect(await lastAudit('user.approve')).toMatchObject({ result: 'REFUSED', message: 'users.notOwnApproval' });
      }
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
        pendingApproval: 'CREATE',
        passwordHash: user.passwordHash,
        version: user.version,
      });
    } finally {
      await db.user.update({ where: { id: county.id }, data: { pendingApproval: null, pendingRequestedById: null } });
    }
  });

  it('an approver of another county neither sees nor decides the request', async () => {
    await run(createUser, {
      username: 'farcounty',
      displayName: '越界审批',
      role: 'TEAM_MEMBER',
      scopeCode: '990102101201',
    });
    const user = await db.user.findUniqueOrThrow({ where: { username: 'farcounty' } });
    const other = await signInAs('county2');
    expect(other.scopeCode).toBe(OTHER_COUNTY);
    expect((await listPendingApprovals(other)).some((row) => row.id === user.id)).toBe(false);
    expect(await run(approveAccount, { id: user.id, version: user.version })).toMatchObject({
      ok: false,
      formError: expect.stringContaining('找不到'),
    });
    expect(await run(rejectAccount, { id: user.id, version: user.version })).toMatchObject({ ok: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      pendingApproval: 'CREATE',
      disabled: false,
      version: user.version,
    });
  });

  it('a rejected account stays disabled without a password; both steps are audited', async () => {
    await run(createUser, { username: 'rejectme', displayName: '驳回', role: 'TOWNSHIP_STAFF', scopeCode: TOWNSHIP_1 });
    const user = await db.user.findUniqueOrThrow({ where: { username: 'rejectme' } });
    await signInAs('county');
    expect((await run(rejectAccount, { id: user.id, version: user.version })).ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      pendingApproval: null,
      disabled: true,
      passwordHash: user.passwordHash,
    });
    expect(await lastAudit('user.reject')).toMatchObject({
      result: 'OK',
      entityId: String(user.id),
      changes: { rejected: 'CREATE' },
    });
    expect(await run(approveAccount, { id: user.id, version: user.version + 1 })).toMatchObject({
      ok: false,
      formError: '该申请已处理，无需再审批',
    });
  });

  it('a password reset of an area account takes effect only on approval, and then ends every session', async () => {
    const target = await db.user.create({
      data: {
        username: 'resetdata',
        displayName: '待重置',
        role: 'TEAM_MEMBER',
        scopeCode: '990102101201',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        mustChangePassword: false,
        lockedUntil: new Date(Date.now() + 600_000),
      },
    });
    const session = await openSession(target.id);
    const requested = await run(resetUserPassword, { id: target.id, version: target.version });
    expect(requested).toMatchObject({ ok: true, message: expect.stringContaining('待县扶贫办审批') });
    expect(requested.data?.issuedPassword).toBeUndefined();
    const pending = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(pending).toMatchObject({
      pendingApproval: 'PASSWORD_RESET',
      passwordHash: target.passwordHash,
      sessionVersion: target.sessionVersion,
    });
    expect(await loadSession(session)).not.toBeNull();
    // A second request waits for the first.
    expect(await run(resetUserPassword, { id: target.id, version: pending.version })).toMatchObject({
      ok: false,
      formError: '该账号已有待审批的申请，请等待审批',
    });

    await signInAs('county');
    const approved = await run(approveAccount, { id: target.id, version: pending.version });
    expect(approved.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      pendingApproval: null,
      lockedUntil: null,
      mustChangePassword: true,
      sessionVersion: target.sessionVersion + 1,
    });
    expect(await loadSession(session)).toBeNull();
    expect(await verifyLogin('resetdata', DEMO_PASSWORD)).toMatchObject({ ok: false });
    expect(await verifyLogin('resetdata', approved.data!.issuedPassword)).toMatchObject({ ok: true });
  });

  it('an account without area data cannot be turned into one that has it', async () => {
    const auditor = await db.user.findUniqueOrThrow({ where: { username: 'auditor' } });
    const state = await run(updateUser, {
      id: auditor.id,
      version: auditor.version,
      displayName: auditor.displayName,
      role: 'COUNTY_ADMIN',
      scopeCode: '990102',
    });
    expect(state).toMatchObject({ ok: false, fieldErrors: { role: [expect.stringContaining('请新建账号')] } });
    expect(await db.user.findUniqueOrThrow({ where: { id: auditor.id } })).toMatchObject({
      role: 'AUDITOR',
      version: auditor.version,
    });
  });
});

describe('a team or pairing account belongs to its cadre record', () => {
  const name = () => `cadre-acct-${randomBytes(3).toString('hex')}`;

  it('links the cadre picked when the account is made, once; another role or an unavailable cadre is refused, writing nothing', async () => {
    const cadre = await makeCadre({ countyCode: '990102' });
    const username = name();
    const state = await run(createUser, {
      username,
      displayName: '队员甲',
      role: 'TEAM_MEMBER',
      scopeCode: '990102101201',
      cadreId: cadre.id,
    });
    expect(state.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { username } });
    expect((await db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).userId).toBe(user.id);
    expect((await lastAudit('user.create'))?.changes).toMatchObject({ cadreId: cadre.id });

    const before = await db.user.count();
    const again = await run(createUser, {
      username: name(),
      displayName: '队员乙',
      role: 'TEAM_MEMBER',
      scopeCode: '990102101201',
      cadreId: cadre.id,
    });
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { cadreId: ['这位干部已有账号、已调离或不在您的管辖范围，请重新选择'] },
    });
    const foreign = await makeCadre({ countyCode: OTHER_COUNTY });
    expect(
      await run(createUser, {
        username: name(),
        displayName: '外县',
        role: 'PAIRING_CADRE',
        scopeCode: '990102',
        cadreId: foreign.id,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { cadreId: [expect.stringContaining('已有账号')] } });
    const free = await makeCadre({ countyCode: '990102' });
    expect(
      await run(createUser, {
        username: name(),
        displayName: '审计',
        role: 'AUDITOR',
        scopeCode: '990102',
        cadreId: free.id,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { cadreId: ['只有队长、队员和结对干部的账号关联干部档案'] } });
    expect(await db.user.count()).toBe(before);
    expect((await db.cadre.findUniqueOrThrow({ where: { id: free.id } })).userId).toBeNull();
  });
});
