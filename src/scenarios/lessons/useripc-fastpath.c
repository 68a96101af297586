// @scenario useripc-fastpath
// @title L4_UserIpc's fast path beside L4_Ipc to oneself
// @abi amd64
// @teaches The design note's L4_UserIpc returns at once, in user mode, when a thread sends to itself without a receive phase; the real kernel has no such shortcut: L4_Ipc to oneself fails with a send timeout under Zero and blocks forever under Never.
// @space apps
// @thread app space=apps priority=100
#include <l4/ipc.h>
#include <l4/message.h>

#define NOTE_LABEL 0x77

void app(void)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag;
    L4_Word_t err;

    L4_LoadMR(0, NOTE_LABEL << 16 | 1);
    L4_LoadMR(1, 0xcafe);
    from = L4_anythread;
    //@cue fast-path
    //! L4_UserIpc to itself, no receive phase: the user library's fast path. No kernel entry; it returns the current MR0 (0x770001) and sets from to nilthread. Nothing was delivered anywhere.
    tag = L4_UserIpc(L4_Myself(), L4_nilthread, L4_Timeouts(L4_Never, L4_Never), &from);

    //@cue zero-timeout
    //! The same send through the kernel, L4_Ipc, with a zero send timeout. app is never receiving while it sends, so it is not ready for itself: the send fails at once, E set, ErrorCode 0x2 (send phase, timeout). from is not written: there was no receive phase.
    tag = L4_Ipc(L4_Myself(), L4_nilthread, L4_Timeouts(L4_ZeroTime, L4_Never), &from);
    err = L4_ErrorCode();

    //@cue never
    //! And with a Never send timeout: app waits for itself to receive, which cannot happen. It blocks forever, a deadlock of one thread.
    tag = L4_Ipc(L4_Myself(), L4_nilthread, L4_Timeouts(L4_Never, L4_Never), &from);
    //! Never reached.
    err = 0;
}
