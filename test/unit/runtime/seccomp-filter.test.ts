import { describe, expect, it } from 'vitest';
import { BLOCKED_SYSCALLS_X86_64, seccompFilter } from '../../../src/runtime/process/seccomp-filter.ts';

interface Instruction {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

function decode(program: Buffer): Instruction[] {
  const out: Instruction[] = [];
  for (let i = 0; i < program.length; i += 8) out.push({ code: program.readUInt16LE(i), jt: program[i + 2]!, jf: program[i + 3]!, k: program.readUInt32LE(i + 4) });
  return out;
}

/** Runs the classic-BPF program the way the kernel would, for one (arch, nr) pair. */
function verdict(program: Instruction[], arch: number, nr: number): number {
  let acc = 0;
  for (let pc = 0; pc < program.length; pc++) {
    const { code, jt, jf, k } = program[pc]!;
    if (code === 0x20) acc = k === 4 ? arch : nr;
    else if (code === 0x15) pc += acc === k ? jt : jf;
    else if (code === 0x35) pc += acc >= k ? jt : jf;
    else if (code === 0x06) return k;
    else throw new Error(`unexpected opcode ${code}`);
  }
  throw new Error('fell off the end of the program');
}

const X86_64 = 0xc000003e;
const ALLOW = 0x7fff0000;
const EPERM = 0x00050001;

describe('seccomp filter (process runtime)', () => {
  const program = decode(seccompFilter('x64')!);

  it('refuses every listed syscall with EPERM and allows the rest', () => {
    for (const [name, nr] of Object.entries(BLOCKED_SYSCALLS_X86_64)) expect(verdict(program, X86_64, nr), name).toBe(EPERM);
    for (const nr of [0, 1, 2, 9, 56, 59, 231, 257, 435]) expect(verdict(program, X86_64, nr), `syscall ${nr}`).toBe(ALLOW);
  });

  it('refuses x32-ABI numbers and calls made under another architecture', () => {
    expect(verdict(program, X86_64, 0x40000000 + 1)).toBe(EPERM);
    expect(verdict(program, 0x40000003 /* i386 */, 1)).toBe(EPERM);
  });

  it('fits the kernel limits (jump offsets ≤ 255, at most 4096 instructions)', () => {
    expect(program.length).toBeLessThan(4096);
    for (const i of program) expect(Math.max(i.jt, i.jf)).toBeLessThanOrEqual(255);
  });

  it('is not defined for other architectures (none is installed there)', () => {
    expect(seccompFilter('arm64')).toBeNull();
  });
});
