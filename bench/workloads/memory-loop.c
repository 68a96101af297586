// @scenario bench-memory
// @title Memory server under load
// @teaches Nothing: a workload for npm run bench.
// @space apps
// @space mem
// @thread client space=apps priority=100
// @thread memserver space=mem priority=150
// @heap memserver 0x10000000 0x10000
struct mem_request { L4_Word_t op; L4_Word_t size; L4_Word_t addr; };
L4_Word_t request(L4_Word_t op, L4_Word_t size, L4_Word_t addr) {
  struct mem_request req = { op, size, addr };
  L4_Msg_t msg;
  L4_MsgPut(&msg, 0, 3, (L4_Word_t *)&req, 0, NULL);
  L4_MsgLoad(&msg);
  L4_MsgTag_t tag = L4_Call(memserver);
  if (L4_IpcFailed(tag)) return 0;
  L4_Word_t result;
  L4_StoreMR(1, &result);
  return result;
}
void client(void) {
  for (;;) {
    L4_Word_t a = request(0, 100, 0);
    for (int i = 0; i < 10; i++) a = a + i;
    request(1, 0, a - 45);
  }
}
void memserver(void) {
  L4_ThreadId_t from;
  L4_MsgTag_t tag = L4_Wait(&from);
  for (;;) {
    struct mem_request req;
    L4_StoreMRs(1, 3, (L4_Word_t *)&req);
    L4_Word_t result = 0;
    if (req.op == 0) result = heap_alloc(req.size); else heap_free(req.addr);
    L4_LoadMR(0, 1); L4_LoadMR(1, result);
    tag = L4_ReplyWait(from, &from);
  }
}
