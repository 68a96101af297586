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

// ---- begin src/servers/kvstore_capnp.c ----
/*
 * The key-value store as a Cap'n Proto RPC service (schema/kvstore.capnp, docs/capnp.md).
 * Every message is an rpc.capnp Message built by capnp-es, framed (segment table, then segment):
 *
 *   in the registers  MR0 = tag: label CAPNP_LABEL, u = n, t = 0    MR1..MRn = the framed words
 *   in a buffer       MR0 = tag: label CAPNP_LABEL, u = 2, t = 2    MR1 = offset, MR2 = n words,
 *                     MR3..MR4 = map item for the sender's buffer page, which lands in WINDOW
 *
 * Bootstrap and Call get a Return; Finish gets none. Before it answers, the server takes any
 * message the client already sent (a pipelined Call) with a zero-timeout receive, so answers
 * go out only when the client is listening.
 */
#define CAPNP_LABEL 0x4350 /* 'C' 'P' */
#define CAPNP_MRS 63       /* a message of more words goes in a buffer */
#define CAPNP_BUF 1024     /* words a buffer page holds (4 KiB of ia32 words) */
#define WINDOW 0x800000    /* where a client's buffer page lands in the server */
#define KV_SLOTS 8
#define PENDING 4          /* answers held back while pipelined calls come in */

void kvstore_capnp(void)
{
    L4_Word_t keys[KV_SLOTS];
    L4_Word_t values[KV_SLOTS];
    L4_Word_t used = 0;
    L4_Word_t in[CAPNP_BUF];
    L4_Word_t out[PENDING][CAPNP_MRS];
    L4_Word_t len[PENDING];
    L4_Word_t pending = 0;
    L4_Word_t value[CAPNP_BUF];
    L4_Word_t n;
    L4_Word_t q;
    L4_Word_t which;
    L4_Word_t method;
    L4_Word_t key;
    L4_Word_t offset;
    L4_Word_t replaced;
    L4_Word_t i;
    L4_Word_t k;
    L4_ThreadId_t peer;
    L4_MsgTag_t tag;
    L4_Msg_t msg;

    //! kvstore_capnp accepts one mapped page (a client's buffer) into WINDOW, then waits.
    L4_Accept(L4_MapGrantItems(L4_FpageLog2(WINDOW, 12)));
    tag = L4_Wait(&peer);
    for (;;) {
        n = 0;
        if (L4_IpcSucceeded(tag) && L4_Label(tag) == CAPNP_LABEL && L4_TypedWords(tag) == 0) {
            n = L4_UntypedWords(tag);
            L4_StoreMRs(1, n, in); //! The framed message is MR1..MRu: segment table first, then the segment.
        }
        if (L4_IpcSucceeded(tag) && L4_Label(tag) == CAPNP_LABEL && L4_TypedWords(tag) == 2) {
            L4_StoreMR(1, &offset);
            L4_StoreMR(2, &n);
            //! The message did not fit in the registers: it is in the client's buffer page, now mapped at WINDOW.
            mem_read(WINDOW + offset, in, n);
        }
        which = capnp_which(in, n);
        q = capnp_field(in, n, CAPNP_F_QUESTION);
        k = 0;
        if (which == CAPNP_BOOTSTRAP) {
            //! Bootstrap: the answer is the store itself, export 0, as a capability in the Return.
            k = capnp_return_cap(q, 0, out[pending], CAPNP_MRS);
        }
        if (which == CAPNP_CALL) {
            method = capnp_field(in, n, CAPNP_F_METHOD);
            key = capnp_field(in, n, CAPNP_F_KEY);
            for (i = 0; i < used; i++) {
                if (keys[i] == key)
                    break;
            }
            if (method == 0 && i < used) {
                //! get: the key is stored, so the Return carries its value as Data.
                k = capnp_return_get(q, 1, &values[i], 1, out[pending], CAPNP_MRS);
            } else if (method == 0) {
                //! get: no such key, so the Return is an exception with a reason.
                k = capnp_return_exception(q, CAPNP_NOT_FOUND, out[pending], CAPNP_MRS);
            } else if (method == 1 && (i < used || used < KV_SLOTS)) {
                capnp_list(in, n, CAPNP_F_VALUE, value, CAPNP_BUF);
                replaced = i < used;
                if (!replaced) {
                    keys[used] = key;
                    used++;
                }
                values[i] = value[0];
                //! put: the entry's first value word is stored under its key.
                k = capnp_return_put(q, replaced, out[pending], CAPNP_MRS);
            } else if (method == 1) {
                k = capnp_return_exception(q, CAPNP_FULL, out[pending], CAPNP_MRS);
            } else if (method == 2) {
                //! bucket: the Return carries a new capability, export 1 + name.
                k = capnp_return_bucket(q, 1 + capnp_field(in, n, CAPNP_F_NAME), out[pending], CAPNP_MRS);
            } else {
                k = capnp_return_exception(q, CAPNP_NO_SUCH_METHOD, out[pending], CAPNP_MRS);
            }
        }
        if (k > 0) {
            len[pending] = k;
            pending++;
        }
        if (pending < PENDING) {
            //! Did the client already send more (a pipelined call)? A zero-timeout receive takes it without waiting.
            tag = L4_Receive_Timeout(peer, L4_ZeroTime);
            if (L4_IpcSucceeded(tag))
                continue;
        }
        for (i = 0; i < pending; i++) {
            L4_MsgPut(&msg, CAPNP_LABEL, len[i], out[i], 0, (void *)0);
            L4_MsgLoad(&msg);
            //! The Return goes back in MR1..MRu.
            L4_Send(peer);
        }
        pending = 0;
        tag = L4_Wait(&peer);
    }
}
// ---- end src/servers/kvstore_capnp.c ----

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
