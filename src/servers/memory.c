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
