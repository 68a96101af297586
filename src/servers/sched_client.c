/*
 * The scheduler protocol (user/lib/sched/sched_client.{h,cc} of the design note's seed).
 *
 *   request  MR0 = tag: label SCHED_LABEL, u = 5   MR1..MR5 = SchedRequest (raw MR0 0x12340005)
 *
 * The five words mirror the arguments of L4_Schedule; ~0 means "leave unchanged". The seed keeps
 * the server's id in a variable (sched_set_server); here the thread name `scheduler` is its id.
 */
#define SCHED_LABEL 0x1234
#define SCHED_UNCHANGED (~0)

typedef struct {
    L4_ThreadId_t thread;
    L4_Word_t time_control;
    L4_Word_t processor_control;
    L4_Word_t prio_control;
    L4_Word_t preemption_control;
} SchedRequest;

/* The client: L4_MsgPut + L4_MsgLoad + L4_Call, as the seed writes it. */
L4_MsgTag_t sched_send_request(const SchedRequest *req)
{
    L4_Msg_t msg;
    L4_Word_t words[5] = { req->thread.raw, req->time_control, req->processor_control,
                           req->prio_control, req->preemption_control };

    L4_MsgPut(&msg, SCHED_LABEL, 5, words, 0, (void *)0);
    L4_MsgLoad(&msg);
    return L4_Call(scheduler);
}

/* The server side: the five words unpacked from a received message (the seed's sched_wait_request). */
void sched_unpack(L4_MsgTag_t tag, SchedRequest *req)
{
    L4_Msg_t msg;

    L4_MsgStore(tag, &msg);
    if (L4_Label(tag) == SCHED_LABEL && L4_UntypedWords(tag) == 5) {
        req->thread.raw = L4_MsgWord(&msg, 0);
        req->time_control = L4_MsgWord(&msg, 1);
        req->processor_control = L4_MsgWord(&msg, 2);
        req->prio_control = L4_MsgWord(&msg, 3);
        req->preemption_control = L4_MsgWord(&msg, 4);
    }
}

/* The seed's sched_wait_request: an open receive (L4_Wait) that waits forever. */
L4_MsgTag_t sched_wait_request(SchedRequest *req, L4_ThreadId_t *from)
{
    L4_MsgTag_t tag = L4_Wait(from);

    sched_unpack(tag, req);
    return tag;
}

/* The seed's sched_switch: nothing but L4_ThreadSwitch. */
void sched_switch(L4_ThreadId_t next)
{
    L4_ThreadSwitch(next);
}
