// @scenario scheduler
// @title The scheduler server: queue, reply, switch
// @abi amd64
// @teaches A client's L4_Call ends only with a reply: the scheduler queues the requests, replies to the thread it picks (u = 0) and then L4_ThreadSwitches to it, which runs it at once on its own timeslice.
// @space apps
// @space sched
// @thread editor space=apps priority=100
// @thread compiler space=apps priority=100
// @thread player space=apps priority=100
// @thread scheduler space=sched priority=100
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The lesson: editor, compiler and player each ask the scheduler for the CPU with an L4_Call.
 * All three queue on it before it runs; it takes their requests in order (rq_push), then picks
 * the head of its queue (rq_pop), replies to it (only a reply ends a Call) and L4_ThreadSwitches
 * to it. Compare with the scenario scheduler-as-written, which skips the reply.
 */

// ---- begin src/servers/sched_client.c ----
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
// ---- end src/servers/sched_client.c ----

// ---- begin src/servers/scheduler.c ----
/*
 * The scheduler server, made consistent with L4 (reference-semantics §11 item 2). A client blocked in
 * L4_Call waits in a closed receive for the server's reply, and only a reply ends that wait:
 * L4_ThreadSwitch never does. So this server queues each request; when it picks the next thread
 * it replies to it (u = 0), which makes it runnable, and then L4_ThreadSwitches to it. (Pistachio
 * passes 7 where a flag mask was meant, so the thread runs on its own timeslice, not the rest of
 * the scheduler's, and the scheduler keeps its place at the head of its priority.)
 */

/* sched_wait_request with a receive timeout (L4_Wait_Timeout): L4_ZeroTime takes a request only if one is waiting. */
L4_MsgTag_t sched_wait_request_timeout(SchedRequest *req, L4_ThreadId_t *from, L4_Time_t timeout)
{
    L4_MsgTag_t tag = L4_Wait_Timeout(timeout, from);

    sched_unpack(tag, req);
    return tag;
}

void scheduler(void)
{
    SchedRequest req;
    L4_ThreadId_t from;
    L4_ThreadId_t next;
    L4_MsgTag_t tag;

    for (;;) {
        if (rq_empty()) {
            //! The queue is empty: the scheduler blocks in an open receive until a request comes.
            tag = sched_wait_request(&req, &from);
        } else {
            //! Threads are queued: take one more request only if it is already waiting (zero receive timeout).
            tag = sched_wait_request_timeout(&req, &from, L4_ZeroTime);
        }
        if (L4_IpcSucceeded(tag)) {
            if (L4_Label(tag) == SCHED_LABEL && L4_UntypedWords(tag) == 5) {
                rq_push(from); //! The requester joins the back of the run queue; it stays blocked in its Call.
            } else {
                L4_LoadMR(0, 0);
                L4_Reply(from); //! Not a scheduler request: an empty reply, so that the sender does not wait forever.
            }
            continue;
        }
        //! No request is waiting (receive timeout, ErrorCode 0x3): the scheduler runs the thread at the head of its queue.
        next = rq_pop();
        if (L4_IsNilThread(next))
            continue;
        L4_LoadMR(0, 0);
        //@cue reply-then-switch
        tag = L4_Reply(next); //! The reply (label 0, u = 0) ends the client's Call: it is runnable again.
        sched_switch(next); //! L4_ThreadSwitch runs the thread it picked at once, on that thread's own timeslice: Pistachio passes 7 where a flag mask was meant, so nothing is donated.
    }
}
// ---- end src/servers/scheduler.c ----

/* Each client asks the scheduler for the CPU, then does a little work. */
void ask_to_run(L4_Word_t prio)
{
    SchedRequest req;
    L4_MsgTag_t tag;

    req.thread = L4_Myself();
    req.time_control = SCHED_UNCHANGED;
    req.processor_control = SCHED_UNCHANGED;
    req.prio_control = prio;
    req.preemption_control = SCHED_UNCHANGED;
    tag = sched_send_request(&req);
}

L4_Word_t work(L4_Word_t n)
{
    L4_Word_t i;
    L4_Word_t sum = 0;

    for (i = 1; i <= n; i++)
        sum += i;
    return sum;
}

void editor(void)
{
    L4_Word_t done;

    //@cue editor-asks
    //! editor asks the scheduler for the CPU: a Call with label 0x1234 and the five SchedRequest words. The scheduler has not run yet, so it is not receiving: editor queues on it.
    ask_to_run(100);
    //! editor runs only now: the scheduler replied to it, which ended its Call, and then switched to it with L4_ThreadSwitch.
    done = work(3);
}

void compiler(void)
{
    L4_Word_t done;

    //! compiler asks too, and queues behind editor.
    ask_to_run(100);
    done = work(4);
}

void player(void)
{
    L4_Word_t done;

    //! player asks last.
    ask_to_run(100);
    done = work(5);
}
