// @scenario scheduler-as-written
// @title The scheduler as the design note writes it: clients never wake
// @abi amd64
// @teaches L4_ThreadSwitch never ends an IPC: the design note's scheduler only switches to the requester, which is blocked waiting for a reply, so the switch is a mere yield and every client waits forever.
// @space apps
// @space sched
// @thread editor space=apps priority=100
// @thread compiler space=apps priority=100
// @thread player space=apps priority=100
// @thread scheduler space=sched priority=100
#include <l4/ipc.h>
#include <l4/message.h>

/*
 * The lesson: the same three clients and the scheduler of the design note, unchanged. It takes
 * each request and L4_ThreadSwitches to the requester, but never replies. A thread blocked in the
 * receive phase of its L4_Call is not runnable, so each switch is only a yield, and the clients
 * wait for their replies forever. Compare with the scenario scheduler.
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

// ---- begin src/servers/scheduler_as_written.c ----
/*
 * The scheduler server exactly as the design note's seed writes it (user/serv/scheduler/
 * scheduler.cc): it queues the requester and L4_ThreadSwitches to it, and never replies.
 * The requester is blocked in the receive phase of its L4_Call, so it is not runnable: the
 * switch falls back to a plain yield (reference-semantics §8) and the client stays blocked forever.
 */
void scheduler(void)
{
    SchedRequest req;
    L4_ThreadId_t from;
    L4_ThreadId_t next;
    L4_MsgTag_t tag;

    /* sched_set_server(L4_Myself()): here the thread's name is its id. */
    while (1) {
        tag = sched_wait_request(&req, &from);
        if (L4_Label(tag) != SCHED_LABEL)
            continue;
        rq_push(from); /* queue.push_back(from) */
        if (!rq_empty()) {
            next = rq_pop(); /* queue.front(); queue.pop_front() */
            //@cue switch-without-reply
            sched_switch(next); //! ThreadSwitch to a thread blocked in its Call: not runnable, so this is only a yield, and its Call goes on waiting for a reply that never comes.
        }
    }
}
// ---- end src/servers/scheduler_as_written.c ----

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
    //! Never reached: the scheduler never replies, and only a reply ends a Call.
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
