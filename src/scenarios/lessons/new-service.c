// @scenario new-service
// @title A new service: its own label and packed structs
// @abi amd64
// @teaches A new service picks a unique label and packs request and reply structs into MR1 and up; a client can build the message with L4_MsgPut or load each register itself with L4_LoadMR, and the server cannot tell the difference.
// @space apps
// @space kv
// @thread writer space=apps priority=150
// @thread reader space=apps priority=100
// @thread kvstore space=kv priority=200
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The lesson: kvstore is a new service with its own label (0x4b56) and two packed structs,
 * struct kv_request (MR1..MR3) and struct kv_reply (MR1..MR2). writer builds its request with
 * L4_MsgPut, reader loads the same words one register at a time with L4_LoadMR: kvstore sees
 * exactly the same message either way.
 */

#include "servers/kvstore.c"

/* writer packs its request with L4_MsgPut: the struct's words become MR1..MR3. */
void writer(void)
{
    struct kv_request req = { KV_PUT, 7, 0x2a };
    struct kv_reply rep;
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    //@cue msgput
    //! L4_MsgPut copies the struct's three words into the message and sets the tag: label 0x4b56, u = 3. Nothing is in the registers until L4_MsgLoad.
    L4_MsgPut(&msg, KV_LABEL, 3, (L4_Word_t *)&req, 0, (void *)0);
    L4_MsgLoad(&msg);
    tag = L4_Call(kvstore);
    //! The reply's two words unpack into struct kv_reply: status KV_OK, value 0x2a.
    L4_MsgStore(tag, &msg);
    L4_MsgGet(&msg, (L4_Word_t *)&rep, (void *)0);
}

/* reader loads each register itself with L4_LoadMR: the same words, written one by one. */
void reader(void)
{
    struct kv_reply rep;
    L4_MsgTag_t tag;

    //@cue loadmr
    //! reader writes the tag by hand (label << 16 | u) and then MR1..MR3 = op, key, value: the layout of struct kv_request.
    L4_LoadMR(0, KV_LABEL << 16 | 3);
    L4_LoadMR(1, KV_GET);
    L4_LoadMR(2, 7);
    L4_LoadMR(3, 0);
    tag = L4_Call(kvstore);
    L4_StoreMR(1, &rep.status); //! MR1 = status (KV_OK), MR2 = value (0x2a): what writer stored under key 7.
    L4_StoreMR(2, &rep.value);

    //@cue not-found
    //! A key nobody stored: status KV_NOT_FOUND (1).
    L4_LoadMR(0, KV_LABEL << 16 | 3);
    L4_LoadMR(1, KV_GET);
    L4_LoadMR(2, 9);
    L4_LoadMR(3, 0);
    tag = L4_Call(kvstore);
    L4_StoreMR(1, &rep.status);
    L4_StoreMR(2, &rep.value);
}
