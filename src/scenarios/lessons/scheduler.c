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

#include "servers/sched_client.c"

#include "servers/scheduler.c"

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
