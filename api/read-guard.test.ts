import { mask } from './read-guard';

// How an API token without the personal-data scope sees a person's name or number.

it('keeps the family name and hides the rest of a name', () => {
  expect(mask('王小明')).toBe('王**');
  expect(mask('欧阳娜娜')).toBe('欧***');
});

it('keeps the first three and last two digits of a phone number', () => {
  expect(mask('13812345678')).toBe('138******78');
  expect(mask('0377-65221234')).toBe('037********34');
  expect(mask('+86 138 1234 5678')).toBe('+86************78');
});

it('treats a short number or any text with letters as a name, hiding all but the first character', () => {
  expect(mask('123456')).toBe('1*****');
  expect(mask('豫执-2023-001')).toBe('豫**********');
});

it('counts characters, not UTF-16 units, so a rare character is not split', () => {
  expect(mask('𠀀小明')).toBe('𠀀**');
});

it('leaves values that are not text, or empty, as they are', () => {
  expect(mask('')).toBe('');
  expect(mask(null)).toBeNull();
  expect(mask(undefined)).toBeUndefined();
  expect(mask(42)).toBe(42);
});
