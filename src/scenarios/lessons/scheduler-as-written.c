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

#include "servers/sched_client.c"

#include "servers/scheduler_as_written.c"

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
