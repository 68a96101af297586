// @scenario server-loop
// @title A server loop: ReplyWait and two queued clients
// @abi amd64
// @teaches A server answers one client and waits for the next in one system call (L4_ReplyWait), taking queued callers from its send queue first come, first served.
// @space apps
// @space srv
// @thread first space=apps priority=150
// @thread second space=apps priority=150
// @thread doubler space=srv priority=100
#include <l4/ipc.h>
#include <l4/message.h>

#define DOUBLE_LABEL 0xd0b

L4_Word_t ask_double(L4_Word_t n)
{
    L4_MsgTag_t tag;
    L4_Word_t result = 0;

    L4_LoadMR(0, DOUBLE_LABEL << 16 | 1);
    L4_LoadMR(1, n);
    tag = L4_Call(doubler);
    if (L4_IpcSucceeded(tag))
        L4_StoreMR(1, &result);
    return result;
}

void first(void)
{
    L4_Word_t r;

    //@cue first-calls
    //! doubler has not run yet, so it is not receiving: first's Call blocks in the send phase, at the head of doubler's send queue.
    r = ask_double(21);
    //! first got its answer: 42.
}

void second(void)
{
    L4_Word_t r;

    //@cue second-calls
    //! second calls too and queues behind first: the send queue is FIFO.
    r = ask_double(100);
    //! second got its answer: 200.
}

void doubler(void)
{
    L4_ThreadId_t client;
    L4_MsgTag_t tag;
    L4_Word_t n;

    //@cue server-starts
    //! Both clients wait on doubler. Its open receive takes the head of the queue, first: the kernel switches to first, which copies its message across.
    tag = L4_Wait(&client);
    for (;;) {
        if (L4_IpcFailed(tag)) {
            tag = L4_Wait(&client);
            continue;
        }
        L4_StoreMR(1, &n);
        L4_LoadMR(0, DOUBLE_LABEL << 16 | 1);
        L4_LoadMR(1, n * 2);
        //@cue reply-wait
        //! L4_ReplyWait: reply to this client (zero send timeout: it is waiting in its Call), then an open receive that takes the next queued client, in one system call.
        tag = L4_ReplyWait(client, &client);
    }
}
