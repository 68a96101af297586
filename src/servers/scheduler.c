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
