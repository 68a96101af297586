// Words for a field's place in a word, shared by the strip's labels and the details area.

/** "bits 63–16" or "bit 15". */
export function bitRange(msb: number, lsb: number): string {
  return msb === lsb ? `bit ${lsb}` : `bits ${msb}–${lsb}`;
}

/** "48 bits" or "1 bit". */
export function bitCount(width: number): string {
  return width === 1 ? '1 bit' : `${width} bits`;
}
