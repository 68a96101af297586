// @scenario map-unmap-recursive
// @title Unmap takes back what was mapped on
// @abi amd64
// @teaches The kernel remembers who mapped what to whom (the mapping database): A maps a page to B, B maps it on to C, and when A unmaps it the page disappears from both B and C, while A keeps it. L4_Flush would take it from A too.
// @space A 0x100000/16 rwx
// @space B
// @space C
// @thread c space=C priority=220
// @thread b space=B priority=210
// @thread a space=A priority=100
#include <l4/ipc.h>
#include <l4/message.h>
#include <l4/space.h>

void c(void)
{
    L4_MsgTag_t tag;

    //! c accepts mappings into a 64 KB window at 0x900000 and waits for b.
    L4_Accept(L4_MapGrantItems(L4_FpageLog2(0x900000, 16)));
    tag = L4_Receive(b);
    //@cue c-mapped
    //! b's page arrived: 0x900000 in c's space is now a child of b's mapping, which is itself a child of a's page.
}

void b(void)
{
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    //! b accepts mappings into a 64 KB window at 0x800000 and waits for a.
    L4_Accept(L4_MapGrantItems(L4_FpageLog2(0x800000, 16)));
    tag = L4_Receive(a);
    //@cue b-mapped
    //! a's page is at 0x800000 in b's space. b maps it on to c, read-only.
    L4_MsgClear(&msg);
    L4_MsgAppendMapItem(&msg, L4_MapItem(L4_FpageAddRights(L4_FpageLog2(0x800000, 12), L4_Readable), 0x800000));
    L4_MsgLoad(&msg);
    tag = L4_Send(c);
}

void a(void)
{
    L4_Msg_t msg;
    L4_MsgTag_t tag;
    L4_Fpage_t page;

    //! a owns 64 KB at 0x100000 (a root of the mapping tree). It maps the first 4 KB page to b.
    page = L4_FpageAddRights(L4_FpageLog2(0x100000, 12), L4_ReadWriteOnly);
    L4_MsgClear(&msg);
    L4_MsgAppendMapItem(&msg, L4_MapItem(page, 0x100000));
    L4_MsgLoad(&msg);
    tag = L4_Send(b);
    //@cue unmap
    //! a unmaps the page with all rights (rwx): the kernel walks the mapping tree and removes b's copy and c's copy, which came from b's. a keeps its own; L4_Flush would remove that too.
    page = L4_UnmapFpage(L4_FpageAddRights(L4_FpageLog2(0x100000, 12), L4_FullyAccessible));
    //@cue unmapped
    //! Both copies are gone. The fpage comes back with its access bits, which the model does not track (0).
}
