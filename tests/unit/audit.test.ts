import { describe, expect, it } from 'vitest';
import { diffFields, maskMiddle, sanitizeChanges } from '@/lib/audit/rules';

describe('audit changes', () => {
  it('never keeps a password and masks personal numbers', () => {
    const clean = sanitizeChanges({ password: 'Secret123!', newPassword: 'x', idNumber: '110101199003071234', phone: '13812345678', name: '张三' });
    expect(clean).toEqual({ password: '[hidden]', newPassword: '[hidden]', idNumber: '1101**********1234', phone: '1381***5678', name: '张三' });
  });

  it('masks inside nested changes', () => {
    expect(sanitizeChanges({ head: { idNumber: '110101199003071234' } })).toEqual({ head: { idNumber: '1101**********1234' } });
  });

  it('masks short values entirely', () => {
    expect(maskMiddle('1234567')).toBe('*******');
  });

  it('lists only the fields that changed', () => {
    expect(diffFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: null })).toEqual({ b: { from: 'x', to: 'y' } });
    expect(diffFields<Record<string, unknown>>({ a: null }, { a: 5 })).toEqual({ a: { from: null, to: 5 } });
  });
});
