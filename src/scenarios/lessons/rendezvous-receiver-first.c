// @scenario rendezvous-receiver-first
// @title Rendezvous: the receiver comes first
// @abi amd64
// @teaches L4 IPC is unbuffered: a receiver that comes first blocks until a sender arrives, and then the kernel copies MR0..MRu straight into its registers.
// @space left
// @space right
// @thread receiver space=left priority=200
// @thread sender space=right priority=100
#include <l4/ipc.h>
#include <l4/message.h>

#define HELLO_LABEL 0x42

void receiver(void)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag;
    L4_Word_t first;
    L4_Word_t second;

    //@cue receiver-waits
    //! receiver has the higher priority, so it runs first. It waits for a message from any thread (an open receive, L4_Wait) and blocks: nothing is there yet.
    tag = L4_Wait(&from);
    /* tag is the received MR0: the kernel also wrote it into receiver's UTCB, so L4_MsgTag() reads the same word. */
    //@cue message-arrived
    //! The kernel copied MR0..MR2 into receiver's registers and made it runnable; it outranks sender, so it runs at once.
    L4_StoreMR(1, &first);
    L4_StoreMR(2, &second); //! MR1 and MR2 hold exactly the words sender loaded; from holds sender's global id.
}

void sender(void)
{
    L4_Msg_t msg;

    //! sender builds its message in memory: nothing is in its registers yet.
    L4_MsgClear(&msg);
    L4_MsgAppendWord(&msg, 0x1111);
    L4_MsgAppendWord(&msg, 0x2222);
    L4_Set_MsgLabel(&msg, HELLO_LABEL);
    L4_MsgLoad(&msg); //! L4_MsgLoad copies the message into MR0..MR2: the tag (label 0x42, u = 2) and two words.
    //@cue send
    //! receiver is already waiting for exactly this thread, so the send is a rendezvous: the message moves now.
    L4_Send(receiver);
    //! The send is done; sender goes on when the CPU is back.
}
