// @scenario capnp-large
// @title Cap'n Proto RPC with a large payload: the flexpage buffer
// @abi amd64
// @teaches A message of more than 63 words cannot travel in the message registers, so the client writes the framed Cap'n Proto message into a buffer page and sends a map item for it plus (offset, length) in two words; the server reads it from its receive window.
// @space apps 0x200000/12 rw
// @space kv
// @thread client space=apps priority=100
// @thread kvstore_capnp space=kv priority=200
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The lesson: the client puts a value of 80 words (640 bytes on amd64, 320 on ia32). With the
 * Call around it the framed message is bigger than the 63 words a message can hold (u + t <= 63),
 * so it goes into the client's buffer page at BUF; the IPC carries only MR1 = offset, MR2 = length
 * and a map item for the page. The kernel maps the page into the server's receive window (and,
 * in this model, copies its words there); the server reads the message with mem_read.
 */

#include "servers/kvstore_capnp.c"

#define BUF 0x200000 /* the client's buffer page (see @space apps) */
#define BIG 80       /* value words: too many for the registers */

void client(void)
{
    L4_Word_t w[CAPNP_BUF];
    L4_Word_t r[CAPNP_MRS];
    L4_Word_t big[BIG];
    L4_Word_t tags[1] = { 3 };
    L4_Word_t n;
    L4_Word_t store;
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    //@cue bootstrap
    //! First the capability, as in capnp-call: a Bootstrap in MR1..MR6 and its Return.
    n = capnp_bootstrap(0, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    tag = L4_Call(kvstore_capnp);
    n = L4_UntypedWords(tag);
    L4_StoreMRs(1, n, r);
    store = capnp_field(r, n, CAPNP_F_CAP);
    n = capnp_finish(0, 0, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);

    big[0] = 0x11;
    big[BIG - 1] = 0x99;
    //@cue build-large
    //! The put carries 80 value words (0x11, zeros, 0x99) as Data. capnp-es frames the Call: n words, more than the 63 message registers hold.
    n = capnp_call_put(1, capnp_import(store), 8, 3600, big, BIG, tags, 1, w, CAPNP_BUF);
    //@cue buffer
    //! So the framed words go into the buffer page at BUF, in the client's own address space; no register holds them.
    mem_write(BUF, w, n);
    L4_MsgClear(&msg);
    L4_Set_MsgLabel(&msg, CAPNP_LABEL);
    L4_MsgAppendWord(&msg, 0);
    L4_MsgAppendWord(&msg, n);
    //! The IPC carries offset 0 and length n in MR1..MR2 and a map item for the page (read-only) in MR3..MR4: 4 words instead of n.
    L4_MsgAppendMapItem(&msg, L4_MapItem(L4_FpageAddRights(L4_FpageLog2(BUF, 12), L4_Readable), BUF));
    L4_MsgLoad(&msg);
    //@cue map
    tag = L4_Call(kvstore_capnp);
    n = L4_UntypedWords(tag);
    L4_StoreMRs(1, n, r);
    //! The Return is small again (replaced = false), so it came back in the registers.
    n = capnp_finish(1, 1, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
}
