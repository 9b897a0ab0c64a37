import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, pinyinInitials } from '@/lib/households/identity';
import { checkIdNumber, idCheckChar, isPhoneNumber, normaliseIdNumber, normalisePhone } from '@/lib/validation';

// Check characters computed by hand (ISO 7064 MOD 11-2, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2).
// 11010519491231002X and 440524188001010014 are the examples of GB 11643-1999.
const TODAY = new Date('2024-06-01T12:00:00+08:00');

describe('ID number check character', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['62050219800101001', '9'],
    ['62050219800101002', '7'],
    ['62050219850615232', 'X'],
    ['62050219850615237', '0'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });
});

describe('checkIdNumber', () => {
  it('accepts valid numbers and reads birth date and sex', () => {
    expect(checkIdNumber('620502198001010019', TODAY)).toEqual({
      ok: true,
      idNumber: '620502198001010019',
      birthDate: new Date(Date.UTC(1980, 0, 1)),
      sex: 'MALE',
    });
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: new Date(Date.UTC(1949, 11, 31)),
      sex: 'FEMALE',
    });
    expect(checkIdNumber('440524188001010014', TODAY)).toEqual({ ok: false, reason: 'birthDate' }); // 1880: before 1900
    expect(checkIdNumber('620502190001010012', TODAY)).toMatchObject({
      ok: true,
      birthDate: new Date(Date.UTC(1900, 0, 1)),
    });
    expect(checkIdNumber('620502189912310018', TODAY)).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('reads the sex from the 17th digit: odd male, even female', () => {
    const sexes = [
      '620502198506152303',
      '620502198506152311',
      '62050219850615232X',
      '620502198506152338',
      '620502198506152346',
      '620502198506152354',
      '620502198506152362',
      '620502198506152370',
      '620502198506152389',
      '620502198506152397',
    ].map((id) => {
      const check = checkIdNumber(id, TODAY);
      return check.ok ? check.sex : check.reason;
    });
    expect(sexes).toEqual(['FEMALE', 'MALE', 'FEMALE', 'MALE', 'FEMALE', 'MALE', 'FEMALE', 'MALE', 'FEMALE', 'MALE']);
  });

  it('refuses a wrong check character', () => {
    expect(checkIdNumber('620502198001010018', TODAY)).toEqual({ ok: false, reason: 'checkDigit' });
    expect(checkIdNumber('62050219800101001X', TODAY)).toEqual({ ok: false, reason: 'checkDigit' });
    expect(checkIdNumber('110105194912310020', TODAY)).toEqual({ ok: false, reason: 'checkDigit' });
    // Two digits swapped: the check character catches it.
    expect(checkIdNumber('620502198001010109', TODAY)).toEqual({ ok: false, reason: 'checkDigit' });
  });

  it('refuses impossible dates even with the right check character', () => {
    expect(idCheckChar('62050219900230001')).toBe('2');
    expect(checkIdNumber('620502199002300012', TODAY)).toEqual({ ok: false, reason: 'birthDate' }); // 30 Feb
    expect(checkIdNumber('620502202302290017', TODAY)).toEqual({ ok: false, reason: 'birthDate' }); // 29 Feb 2023
    expect(checkIdNumber('620502202402290014', TODAY)).toMatchObject({
      ok: true,
      birthDate: new Date(Date.UTC(2024, 1, 29)),
    });
    expect(checkIdNumber(`62050219901301001${idCheckChar('62050219901301001')}`, TODAY)).toEqual({
      ok: false,
      reason: 'birthDate',
    }); // month 13
    expect(checkIdNumber(`62050219900100001${idCheckChar('62050219900100001')}`, TODAY)).toEqual({
      ok: false,
      reason: 'birthDate',
    }); // day 0
  });

  it('refuses a birth date after today, in China time', () => {
    expect(checkIdNumber('620502202406020011', TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(checkIdNumber('620502202406010016', TODAY)).toMatchObject({ ok: true });
    // Born on 1 June, registered at 01:00 China time the same day (still 31 May in UTC).
    expect(checkIdNumber('620502202406010016', new Date('2024-06-01T01:00:00+08:00'))).toMatchObject({ ok: true });
    expect(checkIdNumber('620502202406010016', new Date('2024-05-31T23:59:00+08:00'))).toEqual({
      ok: false,
      reason: 'birthDate',
    });
  });

  it('normalises case and spaces', () => {
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('620502 19800101 0019')).toBe('620502198001010019');
    expect(checkIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(checkIdNumber(' 620502 19800101 0019 ', TODAY)).toMatchObject({ ok: true, idNumber: '620502198001010019' });
  });

  it('refuses the wrong shape', () => {
    for (const value of [
      '',
      '62050219800101001',
      '6205021980010100199',
      '020502198001010019',
      '6205021980010100X9',
      '62050219800101001Y',
      '６２０５０２１９８００１０１００１９',
    ])
      expect(checkIdNumber(value, TODAY)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('masking', () => {
  it('shows the first 4 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('620502198001010019')).toBe('6205**********0019');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('123456789')).toBe('1234*6789');
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });

  it('shows a phone number by its first 3 and last 4 digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('09381234567')).toBe('093****4567');
    expect(maskPhone('123456')).toBe('******');
  });
});

describe('phone numbers', () => {
  it('accepts mainland mobiles', () => {
    for (const phone of ['13912345678', '19912345678', ' 139 1234 5678 ', '139-1234-5678'])
      expect(isPhoneNumber(phone)).toBe(true);
  });

  it('accepts landlines with their area code, with or without a dash', () => {
    for (const phone of ['0938-1234567', '09381234567', '010-12345678', '01012345678', '0938 1234567'])
      expect(isPhoneNumber(phone)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const phone of [
      '',
      '12912345678',
      '1391234567',
      '139123456789',
      '1234567',
      '0938-12345',
      '0938-123456789',
      '+8613912345678',
      '139l2345678',
    ])
      expect(isPhoneNumber(phone)).toBe(false);
  });

  it('normalises spaces and dashes away', () => {
    expect(normalisePhone(' 0938-123 4567 ')).toBe('09381234567');
  });
});

describe('pinyin initials', () => {
  it('takes the first letter of each syllable, lower case', () => {
    expect(pinyinInitials('张三丰')).toBe('zsf');
    expect(pinyinInitials('王芳')).toBe('wf');
    expect(pinyinInitials('欧阳娜娜')).toBe('oynn');
  });

  it('keeps letters and digits that are not Chinese, drops the rest', () => {
    expect(pinyinInitials('李2娃')).toBe('l2w');
    expect(pinyinInitials('王 Mary')).toBe('wmary');
    expect(pinyinInitials('阿依·买买提')).toBe('aymmt');
    expect(pinyinInitials('')).toBe('');
  });

  it('reads the first character as a surname', () => {
    expect(pinyinInitials('曾小明')).toBe('zxm'); // zēng, not céng
    expect(pinyinInitials('单田芳')).toBe('stf'); // shàn, not dān
    expect(pinyinInitials('解大伟')).toBe('xdw'); // xiè, not jiě
    expect(pinyinInitials('仇英')).toBe('qy'); // qiú, not chóu
  });
});
