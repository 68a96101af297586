// @scenario rendezvous-sender-first
// @title Rendezvous: the sender comes first
// @abi amd64
// @teaches A sender that comes first blocks in the receiver's send queue; the message moves only when the receiver asks for it.
// @space left
// @space right
// @thread sender space=left priority=200
// @thread receiver space=right priority=100
#include <l4/ipc.h>
#include <l4/message.h>

#define HELLO_LABEL 0x42

void sender(void)
{
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    L4_MsgClear(&msg);
    L4_MsgAppendWord(&msg, 0x1111);
    L4_MsgAppendWord(&msg, 0x2222);
    L4_Set_MsgLabel(&msg, HELLO_LABEL);
    L4_MsgLoad(&msg); //! MR0..MR2 now hold the tag (label 0x42, u = 2) and two words.
    //@cue sender-blocks
    //! sender runs first (higher priority), but receiver is not in an IPC: there is no buffer to leave the message in, so sender blocks in receiver's send queue (Pistachio's "polling" state).
    tag = L4_Send(receiver);
    //@cue send-done
    //! The send returned: the message was delivered, and L4_IpcSucceeded(tag) says so.
    if (L4_IpcFailed(tag))
        return;
}

void receiver(void)
{
    L4_Word_t first;
    L4_Word_t second;
    L4_MsgTag_t tag;

    //@cue receiver-asks
    //! receiver finally asks for a message from sender. sender is at the head of its send queue, so the kernel switches to sender, which copies MR0..MR2 across.
    tag = L4_Receive(sender);
    //@cue message-arrived
    L4_StoreMR(1, &first); //! receiver has the message: first = 0x1111.
    L4_StoreMR(2, &second);
}
