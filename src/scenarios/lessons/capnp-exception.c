// @scenario capnp-exception
// @title Cap'n Proto RPC: the server returns an exception
// @abi amd64
// @teaches A Cap'n Proto call that fails still completes with a Return, whose union holds an Exception (a reason as Text and a type) instead of results; the caller tells them apart by the union's discriminant and still sends Finish.
// @space apps
// @space kv
// @thread client space=apps priority=100
// @thread kvstore_capnp space=kv priority=200
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The lesson: the client asks for a key nobody stored. The server answers question 1 with
 * Return.exception: reason "key not found", type failed. The Return's union discriminant (1 =
 * exception, 0 = results) is the one word that differs in kind from a successful Return.
 */

#include "servers/kvstore_capnp.c"

void client(void)
{
    L4_Word_t w[CAPNP_MRS];
    L4_Word_t r[CAPNP_MRS];
    L4_Word_t n;
    L4_Word_t store;
    L4_Word_t failed;
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    //@cue bootstrap
    //! The capability first: Bootstrap, its Return, Finish keeping the capability.
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

    //@cue get-missing
    //! Question 1: get key 9, which nobody put.
    n = capnp_call_get(1, capnp_import(store), 9, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    tag = L4_Call(kvstore_capnp);
    n = L4_UntypedWords(tag);
    L4_StoreMRs(1, n, r);
    //@cue exception
    //! The Return holds an exception: reason "key not found" as Text, type failed. The IPC itself succeeded; the failure is inside the message.
    failed = capnp_field(r, n, CAPNP_F_EXCEPTION);
    //! Even a failed question needs its Finish.
    n = capnp_finish(1, 1, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
}
