// @scenario timeouts
// @title Send and receive timeouts
// @abi amd64
// @teaches A timeout bounds how long an IPC waits for its partner: Zero fails at once, a period fails when it runs out, and every failure sets the E flag in the returned tag and the phase and code in the ErrorCode register.
// @space a
// @space b
// @thread impatient space=a priority=200
// @thread sleeper space=b priority=100
#include <l4/ipc.h>
#include <l4/message.h>

/* The ErrorCode TCR after a failed IPC: offset << 4 | code << 1 | phase (0 send, 1 receive). */
L4_Word_t error_of(L4_MsgTag_t tag)
{
    if (L4_IpcSucceeded(tag))
        return 0;
    return L4_ErrorCode();
}

void impatient(void)
{
    L4_MsgTag_t tag;
    L4_Word_t err;

    //@cue receive-zero
    //! A receive with a zero timeout: sleeper is not sending, so it fails at once. ErrorCode 0x3 = receive phase, code 1 (timeout).
    tag = L4_Receive_Timeout(sleeper, L4_ZeroTime);
    err = error_of(tag);

    //@cue receive-period
    //! A receive that waits up to 1000 µs (L4_TimePeriod(1000) = 0x3e8). Nobody sends, so the clock jumps ahead to the timeout and the receive fails: ErrorCode 0x3 again.
    tag = L4_Receive_Timeout(sleeper, L4_TimePeriod(1000));
    err = error_of(tag);

    //@cue send-zero
    //! sleeper is in an IPC, but it receives only from itself (that is what L4_Sleep is), so it is not ready for impatient. A zero send timeout fails at once: ErrorCode 0x2 = send phase, timeout.
    tag = L4_Send_Timeout(sleeper, L4_ZeroTime);
    err = error_of(tag);

    //@cue send-period
    //! A send that waits up to 1000 µs: impatient queues on sleeper, and is taken off the queue when the time runs out. ErrorCode 0x2.
    tag = L4_Send_Timeout(sleeper, L4_TimePeriod(1000));
    err = error_of(tag);

    //@cue send-long
    //! A send that waits up to 10000 µs: long enough. sleeper wakes at 5000 µs and receives it.
    L4_LoadMR(0, 0x7 << 16 | 1);
    L4_LoadMR(1, 0x600d);
    tag = L4_Send_Timeout(sleeper, L4_TimePeriod(10000));
    err = error_of(tag); //! err = 0: the E flag is clear, the message was delivered.
}

void sleeper(void)
{
    L4_MsgTag_t tag;
    L4_Word_t word;

    //@cue sleep
    //! L4_Sleep is a receive from oneself with a receive timeout: it always ends in a receive timeout (here after 5000 µs).
    L4_Sleep(L4_TimePeriod(5000));
    //@cue sleeper-wakes
    //! sleeper woke up. impatient is waiting in its send queue, so this receive takes its message at once.
    tag = L4_Receive_Timeout(impatient, L4_TimePeriod(1000));
    L4_StoreMR(1, &word); //! word = 0x600d.
}
