/*
 * A new service, defined as the design note asks ("pick a unique label and define packed
 * request/reply structures"): a tiny key-value store.
 *
 *   request  MR0 = tag: label KV_LABEL, u = 3   MR1..MR3 = struct kv_request
 *   reply    MR0 = tag: label KV_LABEL, u = 2   MR1..MR2 = struct kv_reply
 */
#define KV_LABEL 0x4b56 /* 'K' 'V' */
#define KV_PUT 1
#define KV_GET 2
#define KV_OK 0
#define KV_NOT_FOUND 1
#define KV_SLOTS 8

struct kv_request {
    L4_Word_t op;    /* KV_PUT or KV_GET */
    L4_Word_t key;
    L4_Word_t value; /* KV_PUT: the value to store */
};

struct kv_reply {
    L4_Word_t status; /* KV_OK or KV_NOT_FOUND */
    L4_Word_t value;  /* the value stored under the key */
};

void kvstore(void)
{
    L4_Word_t keys[KV_SLOTS];
    L4_Word_t values[KV_SLOTS];
    L4_Word_t used = 0;
    L4_Word_t i;
    L4_ThreadId_t client;
    L4_MsgTag_t tag;
    struct kv_request req;
    struct kv_reply rep;
    L4_Msg_t msg;

    //! kvstore waits for its first request in an open receive.
    tag = L4_Wait(&client);
    for (;;) {
        if (L4_IpcFailed(tag)) {
            tag = L4_Wait(&client);
            continue;
        }
        rep.status = KV_NOT_FOUND;
        rep.value = 0;
        if (L4_Label(tag) == KV_LABEL && L4_UntypedWords(tag) == 3) {
            L4_StoreMRs(1, 3, (L4_Word_t *)&req); //! The request's three words land in struct kv_request: op, key, value.
            for (i = 0; i < used; i++) {
                if (keys[i] == req.key)
                    break;
            }
            if (req.op == KV_PUT && i == used && used < KV_SLOTS) {
                keys[used] = req.key;
                used++;
            }
            if (i < used) {
                if (req.op == KV_PUT)
                    values[i] = req.value;
                if (req.op == KV_PUT || req.op == KV_GET) {
                    rep.status = KV_OK;
                    rep.value = values[i];
                }
            }
        }
        L4_MsgPut(&msg, KV_LABEL, 2, (L4_Word_t *)&rep, 0, (void *)0);
        L4_MsgLoad(&msg);
        //! The reply's two words come from struct kv_reply: status, value.
        tag = L4_ReplyWait(client, &client);
    }
}
