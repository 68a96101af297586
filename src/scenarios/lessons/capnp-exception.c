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
