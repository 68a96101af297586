// @scenario map-grant
// @title Map and grant a page
// @abi amd64
// @teaches A map item shares a page with the receiver, a grant item hands it over: the page appears in the receiver's space inside the window it accepts (BR0), and a grant removes it from the sender.
// @space home 0x100000/16 rwx
// @space guest
// @thread receiver space=guest priority=200
// @thread owner space=home priority=100
#include <l4/ipc.h>
#include <l4/message.h>

void receiver(void)
{
    L4_MsgTag_t tag;

    //@cue accept
    //! receiver accepts map and grant items into a 64 KB window at 0x800000: that acceptor goes into BR0. Without a window, the transfer would fail: message overflow, error code 4.
    L4_Accept(L4_MapGrantItems(L4_FpageLog2(0x800000, 16)));
    tag = L4_Receive(owner);
    //@cue mapped
    //! The map item arrived: the 4 KB page owner has at 0x100000 now also appears at 0x800000 in receiver's space (window base + the send base's offset in the window). owner keeps it.
    tag = L4_Receive(owner);
    //@cue granted
    //! The grant item arrived: the page at 0x101000 now appears at 0x801000 in receiver's space, and owner no longer has it.
}

void owner(void)
{
    L4_Msg_t msg;
    L4_Fpage_t page;

    //! owner's space holds 64 KB at 0x100000. It maps the first 4 KB page, read and write only.
    page = L4_FpageAddRights(L4_FpageLog2(0x100000, 12), L4_ReadWriteOnly);
    L4_MsgClear(&msg);
    L4_MsgAppendMapItem(&msg, L4_MapItem(page, 0x100000)); //! A map item is two words: the send base with type 0x8, then the fpage. They count as typed words: t = 2.
    L4_MsgLoad(&msg);
    //@cue map
    L4_Send(receiver);

    //! Next owner grants the second page, with all rights.
    page = L4_FpageAddRights(L4_FpageLog2(0x101000, 12), L4_FullyAccessible);
    L4_MsgClear(&msg);
    L4_MsgAppendGrantItem(&msg, L4_GrantItem(page, 0x101000)); //! A grant item: the send base with type 0xa, then the fpage.
    L4_MsgLoad(&msg);
    //@cue grant
    L4_Send(receiver);
}
