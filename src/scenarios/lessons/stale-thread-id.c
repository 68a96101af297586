// @scenario stale-thread-id
// @title A stale thread id: non-existing partner
// @abi amd64
// @teaches A global thread id carries a version; the kernel compares the whole id, so an IPC to an old version fails at once with "non-existing partner" (ErrorCode 0x4 in the send phase, 0x5 in the receive phase).
// @space apps
// @space srv
// @thread client space=apps priority=100
// @thread server space=srv priority=200 threadno=0x42 version=2
#include <l4/ipc.h>
#include <l4/message.h>

#define PING_LABEL 0x9

void server(void)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag;

    //! server (thread number 0x42, version 2: it was restarted once) waits for a request.
    tag = L4_Wait(&from);
    L4_LoadMR(0, PING_LABEL << 16);
    tag = L4_Reply(from);
}

void client(void)
{
    L4_ThreadId_t old;
    L4_MsgTag_t tag;
    L4_Word_t err;

    //@cue stale-id
    //! client still holds the id of the thread that had number 0x42 before: version 1. (A global id is thread number << 32 | version on amd64, << 14 on ia32.)
    old = L4_GlobalId(L4_ThreadNo(server), 1);
    L4_LoadMR(0, PING_LABEL << 16);
    //@cue stale-send
    //! The kernel compares the whole id, version included, and no thread has this one. The send phase fails at once: the returned tag is 0x8000 (only E set) and ErrorCode 0x4 = send phase, non-existing partner.
    tag = L4_Send(old);
    err = L4_ErrorCode();
    //@cue stale-receive
    //! A closed receive from the stale id fails the same way, in the receive phase: ErrorCode 0x5.
    tag = L4_Receive(old);
    err = L4_ErrorCode();
    //@cue current-id
    //! With the current id (version 2) the Call reaches server and the reply comes back.
    L4_LoadMR(0, PING_LABEL << 16);
    tag = L4_Call(server);
}
