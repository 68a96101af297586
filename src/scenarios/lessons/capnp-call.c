// @scenario capnp-call
// @title Cap'n Proto RPC in the registers: Bootstrap, Call, Return, Finish
// @abi amd64
// @teaches A Cap'n Proto RPC rides on L4 IPC as a framed message in MR1..MRu: Bootstrap asks for the store's capability, a Call on it is answered by a Return, and Finish ends each question; every register word is one capnp-es wrote.
// @space apps
// @space kv
// @thread client space=apps priority=100
// @thread kvstore_capnp space=kv priority=200
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The lesson: the client speaks Cap'n Proto RPC (rpc.capnp) to the key-value store of
 * schema/kvstore.capnp. Each message is built by capnp-es (capnp_bootstrap, capnp_call_put, ...)
 * into an array of words; the client loads them into MR1..MRu with L4_MsgPut and L4_MsgLoad,
 * so u is the message's size in words. Open the Cap'n Proto panel to see every word named.
 */

#include "servers/kvstore_capnp.c"

void client(void)
{
    L4_Word_t w[CAPNP_MRS];
    L4_Word_t r[CAPNP_MRS];
    L4_Word_t value[2];
    L4_Word_t tags[2] = { 1, 2 };
    L4_Word_t n;
    L4_Word_t store;
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    //@cue bootstrap
    //! Question 0 is a Bootstrap, "give me your main capability": capnp-es frames it as a segment table and a segment of 5 words.
    n = capnp_bootstrap(0, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    tag = L4_Call(kvstore_capnp);
    n = L4_UntypedWords(tag);
    L4_StoreMRs(1, n, r);
    //! The Return for answer 0 holds a capability pointer, and its capTable says senderHosted 0: the client now imports capability 0.
    store = capnp_field(r, n, CAPNP_F_CAP);
    //@cue finish-bootstrap
    //! Finish question 0 but keep the capability (releaseResultCaps = false, stored XOR its default true as a 1 bit). Finish gets no Return: a one-way L4_Send.
    n = capnp_finish(0, 0, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);

    //@cue put
    //! Question 1 calls put on the imported capability: an Entry struct (key 7, value, ttl 60) and a List(UInt64) of tags.
    value[0] = 0x2a;
    n = capnp_call_put(1, capnp_import(store), 7, 60, value, 1, tags, 2, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    tag = L4_Call(kvstore_capnp);
    n = L4_UntypedWords(tag);
    L4_StoreMRs(1, n, r);
    n = capnp_finish(1, 1, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);

    //@cue get
    //! Question 2 calls get for key 7; the Return's results struct carries the value as Data.
    n = capnp_call_get(2, capnp_import(store), 7, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    tag = L4_Call(kvstore_capnp);
    n = L4_UntypedWords(tag);
    L4_StoreMRs(1, n, r);
    capnp_list(r, n, CAPNP_F_VALUE, value, 2);
    //! Finish question 2: the answer's table entry on both sides can go.
    n = capnp_finish(2, 1, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
}
