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
