// @scenario deadlock
// @title Deadlock: two threads that Call each other
// @abi amd64
// @teaches A Call sends first and receives after, so two threads that Call each other both block in the send phase, each queued on the other: a wait-for cycle that, with Never timeouts, nothing can ever break.
// @space a
// @space b
// @thread alice space=a priority=100
// @thread bob space=b priority=100
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The usual cure: one side is the server and only ever receives first (L4_Wait, then L4_ReplyWait),
 * or the calls carry a send timeout (L4_Call_Timeouts) so that a blocked call fails instead.
 */

#define HELLO_LABEL 0x1

void alice(void)
{
    L4_MsgTag_t tag;

    L4_LoadMR(0, HELLO_LABEL << 16);
    //@cue alice-calls
    //! alice calls bob. bob is not in an IPC, so he is not receiving: alice blocks in the send phase, queued on bob.
    tag = L4_Call(bob);
    //! Never reached: alice would now wait for bob's reply.
}

void bob(void)
{
    L4_MsgTag_t tag;

    L4_LoadMR(0, HELLO_LABEL << 16);
    //@cue bob-calls
    //! bob calls alice. alice is still in her send phase, not receiving, so bob blocks too, queued on alice. Each waits for the other: nothing can run again.
    tag = L4_Call(alice);
    //! Never reached.
}
