// @scenario memory-alloc-free
// @title The memory server: allocate and free
// @abi amd64
// @teaches A server is a thread in a receive loop: clients L4_Call it with a request laid out in MR1..MR3 (label 0, u = 3), and it answers each with a one-word reply, the address of the block it allocated.
// @space apps
// @space mem 0x10000000/12 rw-
// @thread app space=apps priority=120
// @thread logger space=apps priority=100
// @thread memserver space=mem priority=200
// @heap memserver 0x10000000 0x1000
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The lesson: app and logger (the clients at the bottom of this file) ask memserver for memory
 * through the client library memory_alloc / memory_free. Each request is one L4_Call; memserver
 * answers it with L4_ReplyWait and goes straight back to waiting. Watch MR1..MR3 of each request,
 * MR1 of each reply, and memserver's heap filling and emptying.
 */

// ---- begin src/servers/memory.c ----
/*
 * The memory server's protocol and its client library (l4/memory.h and user/lib/memory/memory.cc
 * of the design note's seed, made consistent: the seed's client sent u = 4 with an extra leading
 * word, so every request arrived shifted by one word).
 *
 *   request  MR0 = tag: label MEM_LABEL, u = 3     MR1..MR3 = struct mem_request
 *   reply    MR0 = tag: label MEM_LABEL, u = 1     MR1      = struct mem_reply
 */
#define MEM_LABEL 0

enum mem_opcode { MEM_ALLOC = 0, MEM_FREE = 1 };

struct mem_request {
    L4_Word_t op;   /* MEM_ALLOC or MEM_FREE */
    L4_Word_t size; /* bytes to allocate or free */
    L4_Word_t addr; /* address when freeing */
};

struct mem_reply {
    L4_Word_t addr; /* the block allocated; 0 when out of memory, and after a free */
};

/* One request, one L4_Call: the three struct words go to MR1..MR3, the answer comes back in MR1. */
L4_Word_t memory_call(L4_ThreadId_t server, L4_Word_t op, L4_Word_t size, L4_Word_t addr)
{
    struct mem_request req = { op, size, addr };
    struct mem_reply rep;
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    L4_MsgPut(&msg, MEM_LABEL, 3, (L4_Word_t *)&req, 0, (void *)0);
    L4_MsgLoad(&msg);
    tag = L4_Call(server);
    if (L4_IpcFailed(tag) || L4_UntypedWords(tag) != 1)
        return 0;
    L4_StoreMRs(1, 1, (L4_Word_t *)&rep);
    return rep.addr;
}

L4_Word_t memory_alloc(L4_ThreadId_t server, L4_Word_t size)
{
    return memory_call(server, MEM_ALLOC, size, 0);
}

void memory_free(L4_ThreadId_t server, L4_Word_t addr, L4_Word_t size)
{
    memory_call(server, MEM_FREE, size, addr);
}
// ---- end src/servers/memory.c ----

// ---- begin src/servers/memserver.c ----
/*
 * The memory server (user/serv/memory/memory.cc of the seed), made consistent with its client and
 * with L4: it tests L4_Label(tag) (the seed compared the raw MR0, so it rejected every request),
 * reads the three struct words MR1..MR3, and answers with L4_ReplyWait: the reply and the wait
 * for the next request in one system call. Its heap is the `// @heap memserver` region.
 */
void memserver(void)
{
    L4_ThreadId_t client;
    L4_MsgTag_t tag;
    struct mem_request req;
    struct mem_reply rep;
    L4_Msg_t msg;

    //! memserver waits in an open receive (L4_Wait): any thread may send to it.
    tag = L4_Wait(&client);
    for (;;) {
        if (L4_IpcFailed(tag)) {
            //! The last reply failed (that client was not waiting any more), so ReplyWait skipped its receive phase: wait afresh.
            tag = L4_Wait(&client);
            continue;
        }
        if (L4_Label(tag) != MEM_LABEL || L4_UntypedWords(tag) != 3) {
            //! Not a memory request: answer with an empty message so that the caller does not wait forever.
            L4_MsgClear(&msg);
            L4_MsgLoad(&msg);
            tag = L4_ReplyWait(client, &client);
            continue;
        }
        L4_StoreMRs(1, 3, (L4_Word_t *)&req);
        rep.addr = 0;
        if (req.op == MEM_ALLOC) {
            rep.addr = heap_alloc(req.size); //! memserver takes the first free block that fits (0 when none does).
        } else if (req.op == MEM_FREE) {
            heap_free(req.addr); //! memserver returns the block to its heap.
        }
        L4_MsgClear(&msg);
        L4_MsgAppendWord(&msg, rep.addr);
        L4_Set_MsgLabel(&msg, MEM_LABEL);
        L4_MsgLoad(&msg);
        //! ReplyWait: reply to the client (zero send timeout: it is waiting in its Call), then wait for the next request.
        tag = L4_ReplyWait(client, &client);
    }
}
// ---- end src/servers/memserver.c ----

void app(void)
{
    L4_Word_t a;
    L4_Word_t b;
    L4_Word_t c;
    L4_Word_t big;

    //@cue first-alloc
    //! app asks memserver for 0x100 bytes: MR0 = tag (label 0, u = 3), MR1 = MEM_ALLOC, MR2 = 0x100, MR3 = 0.
    a = memory_alloc(memserver, 0x100);
    //! a = 0x10000000, the start of the heap. Now 0x200 bytes more.
    b = memory_alloc(memserver, 0x200);
    //@cue free
    //! app frees its first block: MR1 = MEM_FREE (1), MR2 = the size, MR3 = the address.
    memory_free(memserver, a, 0x100);
    //! Another 0x80 bytes: first fit puts them at the start of the freed block.
    c = memory_alloc(memserver, 0x80);
    //@cue out-of-memory
    //! 0x2000 bytes do not fit in the 0x1000-byte heap: memserver replies with address 0.
    big = memory_alloc(memserver, 0x2000);
}

void logger(void)
{
    L4_Word_t buffer;

    //@cue second-client
    //! logger runs once app is done. Its 0x40 bytes go to the first free space that fits, right after app's 0x80-byte block.
    buffer = memory_alloc(memserver, 0x40);
    memory_free(memserver, buffer, 0x40);
}
