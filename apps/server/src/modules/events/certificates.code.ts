import { randomInt } from 'node:crypto';

/**
 * Certificate codes: 11 random characters from crypto and one check character, printed in groups of four
 * (e.g. "K7QM-3XWP-9RTD"). The alphabet leaves out the letters and digits people confuse (I, L, O, 0, 1), and
 * has a prime size (31), so a weighted check sum catches every single wrong character and every swap of two
 * neighbours. About 54 bits of chance: no one guesses a valid code, and the public page is rate-limited anyway.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RANDOM_LENGTH = 11;
export const CODE_LENGTH = RANDOM_LENGTH + 1;

function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CODE_ALPHABET.indexOf(body[i]);
  return CODE_ALPHABET[sum % CODE_ALPHABET.length];
}

/** A new random code, stored without separators. */
export function generateCertificateCode(): string {
  let body = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) body += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return body + checkCharacter(body);
}

/** The code as typed (any case, spaces or dashes) in stored form, or null when it cannot be a code (wrong length, letter or check). */
export function normaliseCertificateCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return checkCharacter(code.slice(0, RANDOM_LENGTH)) === code[RANDOM_LENGTH] ? code : null;
}

/** The printed form, in groups of four. */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The holder as the public page shows them: the first name and the initial of the surname ("Mario R."). */
export function maskHolderName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return `${words[0][0].toUpperCase()}.`;
  return `${words[0]} ${words[words.length - 1][0].toUpperCase()}.`;
}
