/*
 * The memory server (user/serv/memory/memory.cc of the seed), made consistent with its client and
 * with L4: it tests L4_Label(tag) (the seed compared the raw MR0, so it rejected every request),
 * reads the three struct words MR1..MR3, and answers with L4_ReplyWait: the reply and the wait
 * for the next request in one system call. Its heap is the `// @heap memserver` region.
 */
void memserver(void)
{
    L4_ThreadId_t client;
    L4_MsgTag_t tag;
    struct mem_request req;
    struct mem_reply rep;
    L4_Msg_t msg;

    //! memserver waits in an open receive (L4_Wait): any thread may send to it.
    tag = L4_Wait(&client);
    for (;;) {
        if (L4_IpcFailed(tag)) {
            //! The last reply failed (that client was not waiting any more), so ReplyWait skipped its receive phase: wait afresh.
            tag = L4_Wait(&client);
            continue;
        }
        if (L4_Label(tag) != MEM_LABEL || L4_UntypedWords(tag) != 3) {
            //! Not a memory request: answer with an empty message so that the caller does not wait forever.
            L4_MsgClear(&msg);
            L4_MsgLoad(&msg);
            tag = L4_ReplyWait(client, &client);
            continue;
        }
        L4_StoreMRs(1, 3, (L4_Word_t *)&req);
        rep.addr = 0;
        if (req.op == MEM_ALLOC) {
            rep.addr = heap_alloc(req.size); //! memserver takes the first free block that fits (0 when none does).
        } else if (req.op == MEM_FREE) {
            heap_free(req.addr); //! memserver returns the block to its heap.
        }
        L4_MsgClear(&msg);
        L4_MsgAppendWord(&msg, rep.addr);
        L4_Set_MsgLabel(&msg, MEM_LABEL);
        L4_MsgLoad(&msg);
        //! ReplyWait: reply to the client (zero send timeout: it is waiting in its Call), then wait for the next request.
        tag = L4_ReplyWait(client, &client);
    }
}
