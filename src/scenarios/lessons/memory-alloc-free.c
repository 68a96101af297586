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

#include "servers/memory.c"

#include "servers/memserver.c"

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
