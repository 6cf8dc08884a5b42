/**
 * Sizes whose memory would exceed the machine are refused up front, with the estimate, instead of failing
 * inside an allocation (or swapping for minutes).
 */
import { totalmem } from 'node:os';
import { refuse } from './errors';

/** The most bytes one computation may plan to hold: half the machine's memory, and at most 8 GiB. */
export function memoryLimitBytes(): number {
  return Math.min(totalmem() / 2, 8 * 2 ** 30);
}

function human(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let b = bytes;
  let k = 0;
  while (b >= 1024 && k < units.length - 1) {
    b /= 1024;
    k++;
  }
  return `${b.toPrecision(3)} ${units[k]}`;
}

/** Refuse when `float64s` 8-byte numbers (the estimate for `what`) exceed the limit; `argument` names the sizes. */
export function assertMemory(argument: string, float64s: number, what: string, limit = memoryLimitBytes()): void {
  const bytes = float64s * 8;
  if (!(bytes <= limit) || !(float64s <= 2 ** 32 - 1))
    refuse(argument, `would need about ${human(bytes)} for ${what}, more than the ${human(limit)} this machine allows (reduce the sizes)`);
}
