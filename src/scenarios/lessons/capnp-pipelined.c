// @scenario capnp-pipelined
// @title Cap'n Proto promise pipelining: a Call on an answer not yet returned
// @abi amd64
// @teaches Promise pipelining sends a Call addressed to the promised answer of an earlier question before its Return arrives, so a Bootstrap and two calls on its result cost the client three sends and no waiting in between.
// @space apps
// @space kv
// @thread client space=apps priority=200
// @thread kvstore_capnp space=kv priority=100
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The lesson: the client (higher priority than the server, so it runs ahead) sends Bootstrap as
 * question 0 and, without waiting for its Return, a put and a get whose target is
 * promisedAnswer(question 0): "the capability question 0 will return". Only then does it receive
 * the three Returns. The server takes the pipelined calls with a zero-timeout receive before it
 * answers. L4 IPC is synchronous, so each message is still one rendezvous; pipelining saves the
 * round trips, not the copies.
 */

#include "servers/kvstore_capnp.c"

void client(void)
{
    L4_Word_t w[CAPNP_MRS];
    L4_Word_t r[CAPNP_MRS];
    L4_Word_t value[2];
    L4_Word_t n;
    L4_Word_t q;
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    //@cue bootstrap
    //! Question 0: Bootstrap, sent with L4_Send. The client does not wait for the Return.
    n = capnp_bootstrap(0, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
    //@cue pipelined-put
    //! Question 1: put on promisedAnswer(0), the capability question 0 will return, which the client does not have yet.
    value[0] = 0x2a;
    n = capnp_call_put(1, capnp_answer(0), 7, 60, value, 1, value, 0, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
    //@cue pipelined-get
    //! Question 2: get on the same promised answer. Three questions are now outstanding.
    n = capnp_call_get(2, capnp_answer(0), 7, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
    //@cue returns
    for (q = 0; q < 3; q++) {
        //! Now the client receives the Returns, in question order.
        tag = L4_Receive(kvstore_capnp);
        n = L4_UntypedWords(tag);
        L4_StoreMRs(1, n, r);
    }
    capnp_list(r, n, CAPNP_F_VALUE, value, 2);
    //@cue finish
    //! Finish each question; question 0 keeps its capability (releaseResultCaps = false).
    n = capnp_finish(0, 0, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
    n = capnp_finish(1, 1, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
    n = capnp_finish(2, 1, w, CAPNP_MRS);
    L4_MsgPut(&msg, CAPNP_LABEL, n, w, 0, (void *)0);
    L4_MsgLoad(&msg);
    L4_Send(kvstore_capnp);
}
