/**
 * A seccomp filter for process sandboxes, handed to bubblewrap (`--seccomp FD`), which installs
 * it right before the app's command runs. Docker sandboxes get Docker's default profile; this
 * blocks the same kind of kernel attack surface an app never needs: keyrings, eBPF, perf,
 * userfaultfd and io_uring (sources of many kernel exploits), module and kexec loading, mounts and
 * namespaces, ptrace and cross-process memory access, clock, swap, reboot and quota changes.
 * A blocked call fails with EPERM; everything else is allowed.
 *
 * Compiled here as classic BPF because no maintained npm package does it (libseccomp has no Node
 * binding we could rely on); the program is short and its layout is fixed by the kernel ABI:
 * `struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }` over `struct seccomp_data { int nr;
 * u32 arch; … }`. x86-64 only: on other architectures no filter is installed (logged).
 */

const AUDIT_ARCH_X86_64 = 0xc000003e;
/** x32 ABI syscalls are numbered from here: refused wholesale (apps are 64-bit). */
const X32_SYSCALL_BIT = 0x40000000;
const SECCOMP_RET_ALLOW = 0x7fff0000;
const SECCOMP_RET_ERRNO = 0x00050000;
const EPERM = 1;

// BPF opcodes (linux/bpf_common.h).
const LD_W_ABS = 0x20; // BPF_LD | BPF_W | BPF_ABS
const JEQ_K = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
const JGE_K = 0x35; // BPF_JMP | BPF_JGE | BPF_K
const RET_K = 0x06; // BPF_RET | BPF_K
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;

/** x86-64 syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl) refused inside a sandbox. */
export const BLOCKED_SYSCALLS_X86_64: Readonly<Record<string, number>> = {
  acct: 163,
  add_key: 248,
  adjtimex: 159,
  bpf: 321,
  clock_adjtime: 305,
  clock_settime: 227,
  create_module: 174,
  delete_module: 176,
  finit_module: 313,
  fsconfig: 431,
  fsmount: 432,
  fsopen: 430,
  fspick: 433,
  get_kernel_syms: 177,
  init_module: 175,
  io_uring_enter: 426,
  io_uring_register: 427,
  io_uring_setup: 425,
  ioperm: 173,
  iopl: 172,
  kexec_file_load: 320,
  kexec_load: 246,
  keyctl: 250,
  lookup_dcookie: 212,
  mount: 165,
  mount_setattr: 442,
  move_mount: 429,
  name_to_handle_at: 303,
  nfsservctl: 180,
  open_by_handle_at: 304,
  open_tree: 428,
  perf_event_open: 298,
  pivot_root: 155,
  process_vm_readv: 310,
  process_vm_writev: 311,
  ptrace: 101,
  query_module: 178,
  quotactl: 179,
  reboot: 169,
  request_key: 249,
  setdomainname: 171,
  sethostname: 170,
  setns: 308,
  settimeofday: 164,
  swapoff: 168,
  swapon: 167,
  syslog: 103,
  umount2: 166,
  unshare: 272,
  userfaultfd: 323,
  uselib: 134,
  vhangup: 153,
};

function instruction(code: number, jt: number, jf: number, k: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16LE(code, 0);
  b.writeUInt8(jt, 2);
  b.writeUInt8(jf, 3);
  b.writeUInt32LE(k >>> 0, 4);
  return b;
}

/** The compiled filter for this machine's architecture, or null where none is defined. */
export function seccompFilter(arch: string = process.arch): Buffer | null {
  if (arch !== 'x64') return null;
  const numbers = [...new Set(Object.values(BLOCKED_SYSCALLS_X86_64))].sort((a, b) => a - b);
  const deny = SECCOMP_RET_ERRNO | EPERM;
  const program: Buffer[] = [
    instruction(LD_W_ABS, 0, 0, OFFSET_ARCH),
    instruction(JEQ_K, 1, 0, AUDIT_ARCH_X86_64), // native: skip the refusal below
    instruction(RET_K, 0, 0, deny), // i386 / int 0x80 calls: another syscall table, refused
    instruction(LD_W_ABS, 0, 0, OFFSET_NR),
    instruction(JGE_K, 0, 1, X32_SYSCALL_BIT),
    instruction(RET_K, 0, 0, deny),
  ];
  // One comparison per blocked number, each jumping to the final "deny" when equal.
  numbers.forEach((nr, i) => program.push(instruction(JEQ_K, numbers.length - i, 0, nr)));
  program.push(instruction(RET_K, 0, 0, SECCOMP_RET_ALLOW), instruction(RET_K, 0, 0, deny));
  return Buffer.concat(program);
}
