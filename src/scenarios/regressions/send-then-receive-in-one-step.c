// A counterexample the generated-program runs found, shrunk by fast-check: t3's Wait takes t1's
// queued send, and t1 goes on to its receive phase and takes t4's queued send in the same step.
// The kernel was right; the step invariant "received without waiting" was wrong (it did not allow a
// receiver that finished its own send phase earlier in the step). Fixed in src/kernel/invariants.ts.
// @scenario regression-send-then-receive
// @title A generated program
// @abi amd64
// @teaches Nothing: a random program for the invariant checks.
// @space s0 0x100000/16 rwx 0x110000/12 r-x
// @thread t0 space=s0 priority=0
// @thread t1 space=s0 priority=200
// @thread t2 space=s0 priority=100
// @thread t3 space=s0 priority=0
// @thread t4 space=s0 priority=255
#include <l4/ipc.h>
#include <l4/message.h>

void t0(void)
{
  L4_ThreadId_t p;
  L4_ThreadId_t q;
  L4_ThreadId_t from;
  L4_MsgTag_t tag;
  L4_Msg_t msg;
  L4_Word_t i;
  L4_Word_t j;
  L4_Word_t k;
  L4_Word_t a[4];
}

void t1(void)
{
  L4_ThreadId_t p;
  L4_ThreadId_t q;
  L4_ThreadId_t from;
  L4_MsgTag_t tag;
  L4_Msg_t msg;
  L4_Word_t i;
  L4_Word_t j;
  L4_Word_t k;
  L4_Word_t a[4];
  p = t3;
  q = L4_anythread;
  tag = L4_UserIpc(p, q, L4_Timeouts(L4_Never, L4_TimePeriod(1)), &from);
}

void t2(void)
{
  L4_ThreadId_t p;
  L4_ThreadId_t q;
  L4_ThreadId_t from;
  L4_MsgTag_t tag;
  L4_Msg_t msg;
  L4_Word_t i;
  L4_Word_t j;
  L4_Word_t k;
  L4_Word_t a[4];
}

void t3(void)
{
  L4_ThreadId_t p;
  L4_ThreadId_t q;
  L4_ThreadId_t from;
  L4_MsgTag_t tag;
  L4_Msg_t msg;
  L4_Word_t i;
  L4_Word_t j;
  L4_Word_t k;
  L4_Word_t a[4];
  tag = L4_Wait(&from);
  L4_LoadMR(0, 0);
  tag = L4_ReplyWait_Timeout(from, L4_TimePeriod(50), &from);
}

void t4(void)
{
  L4_ThreadId_t p;
  L4_ThreadId_t q;
  L4_ThreadId_t from;
  L4_MsgTag_t tag;
  L4_Msg_t msg;
  L4_Word_t i;
  L4_Word_t j;
  L4_Word_t k;
  L4_Word_t a[4];
  p = t1;
  q = t0;
  tag = L4_Ipc(p, q, L4_Timeouts(L4_TimePeriod(7), L4_TimePeriod(1)), &from);
}
