// @scenario call-reply
// @title Call and reply
// @abi amd64
// @teaches L4_Call is a send and a closed receive in one system call: the client hands the CPU straight to the server and waits for the reply, and L4_Reply, which never waits, fails once the client is no longer waiting.
// @space apps
// @space srv
// @thread client space=apps priority=100
// @thread adder space=srv priority=200
#include <l4/ipc.h>
#include <l4/message.h>

#define ADD_LABEL 0xadd

/* The request: MR1 = a, MR2 = b. The reply: MR1 = a + b. */

void adder(void)
{
    L4_ThreadId_t caller;
    L4_MsgTag_t tag;
    L4_Word_t a;
    L4_Word_t b;

    //@cue server-waits
    //! adder starts first (higher priority) and waits in an open receive for any client.
    tag = L4_Wait(&caller);
    //@cue server-runs
    //! The Call delivered MR0..MR2 and switched straight to adder: the client's timeslice is donated.
    L4_StoreMR(1, &a);
    L4_StoreMR(2, &b);
    L4_LoadMR(0, ADD_LABEL << 16 | 1); //! The reply's tag, built by hand: label << 16 | u (here u = 1).
    L4_LoadMR(1, a + b);
    //@cue reply
    //! L4_Reply is a send with a zero send timeout: it succeeds only because the client is waiting in the receive phase of its Call.
    tag = L4_Reply(caller);
    //@cue second-reply
    //! A second reply finds the client no longer waiting. Reply never waits, so it fails at once: E set in the tag, ErrorCode 0x2 (send phase, timeout).
    tag = L4_Reply(caller);
    if (L4_IpcFailed(tag)) {
        L4_Word_t err = L4_ErrorCode(); //! err = 0x2: send phase (bit 0 = 0), code 1 = timeout.
    }
}

void client(void)
{
    L4_MsgTag_t tag;
    L4_Word_t sum;

    L4_LoadMR(0, ADD_LABEL << 16 | 2); //! MR0: label 0xadd, u = 2.
    L4_LoadMR(1, 40);
    L4_LoadMR(2, 2);
    //@cue call
    //! adder is waiting, so the send phase delivers at once; then the client waits in a closed receive for adder's reply alone.
    tag = L4_Call(adder);
    //@cue reply-arrived
    L4_StoreMR(1, &sum); //! The reply is here: sum = 42 (0x2a).
}
