/**
 * The interpreter's instruction set: a small stack machine. Code is a flat `number[]` per function,
 * operands inline. Values on the operand stack are words (bigint), pointers, dynamic offsets
 * (number) or aggregates (immutable word arrays).
 */
export const enum Op {
  /** STMT s — a statement starts (a step boundary). */
  STMT,
  /** PUSH c — push consts[c]. */
  PUSH,
  PUSHNULL,
  /** PUSHN n — push the number n (a dynamic offset accumulator). */
  PUSHN,
  POP,
  DUP,
  /** [x, y] → [y, x, y] */
  TUCK,
  /** LOAD v / STORE v keep */
  LOAD,
  STORE,
  /** LOADE v off / STOREE v off keep — word `off` of aggregate local v. */
  LOADE,
  STOREE,
  /** IDX len stride site — pop index, bounds-check it, add index * stride to the offset or pointer below. */
  IDX,
  /** LOADD v off / STORED v off keep — as LOADE/STOREE with a dynamic offset under the value. */
  LOADD,
  STORED,
  /** ADDR v off / ADDRD v off — push a pointer into local v. */
  ADDR,
  ADDRD,
  /** PADDN off — pointer + static word offset. */
  PADDN,
  /** PIDX stride sign — pop integer, pop pointer: pointer + sign * integer * stride. */
  PIDX,
  /** PDIFF stride — pointer − pointer in elements. */
  PDIFF,
  /** LOADP site / STOREP keep site — a word through a pointer. */
  LOADP,
  STOREP,
  /** LOADA v off len / STOREA v off len keep — an aggregate value. */
  LOADA,
  STOREA,
  LOADAD,
  STOREAD,
  /** LOADPA len site / STOREPA len keep site — an aggregate through a pointer. */
  LOADPA,
  STOREPA,
  /** AGET off / ASLICE off len — a word / a struct out of the aggregate value on top. */
  AGET,
  ASLICE,
  /** ZEROA v — aggregate local v := all zero. */
  ZEROA,
  ADD,
  SUB,
  MUL,
  /** DIV site, SDIV site, MOD site, SMOD site: fault on division by zero. */
  DIV,
  SDIV,
  MOD,
  SMOD,
  SHL,
  SHR,
  SSHR,
  AND,
  OR,
  XOR,
  NEG,
  NOT,
  LNOT,
  EQ,
  NE,
  LT,
  SLT,
  LE,
  SLE,
  GT,
  SGT,
  GE,
  SGE,
  /** x != 0 → 1 / 0 */
  BOOL,
  PEQ,
  PNE,
  /** JMP t / JZ t / JNZ t — a backward JMP counts as one loop iteration. */
  JMP,
  JZ,
  JNZ,
  /** BACK t site — a loop's back edge: counts one iteration, then jumps to t. */
  BACK,
  /** SWITCH table */
  SWITCH,
  /** CALL fn argc */
  CALL,
  RET,
  RETV,
  /** FALLOFF site — a non-void function reached its end without `return`. */
  FALLOFF,
  /** EXIT — the thread's code is done. */
  EXIT,
  /** BI builtin argc site — an L4 helper or server helper. */
  BI,
  /** SYS builtin argc site — a system-call wrapper: traps into the kernel. */
  SYS,
}
