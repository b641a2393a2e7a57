import asyncio
import multiprocessing
import signal


def child(conn):
    conn.send("ready")
    conn.recv()  # (1)!


async def stop_child(method, got_sigterm):
    context = multiprocessing.get_context(method)  # (2)!
    here, there = context.Pipe()
    process = context.Process(target=child, args=(there,))
    process.start()
    await asyncio.to_thread(here.recv)
    process.terminate()  # (3)!
    here.send("go on")
    await asyncio.to_thread(process.join)
    try:
        await asyncio.wait_for(got_sigterm.wait(), 1)  # (4)!
        told = True
    except asyncio.TimeoutError:
        told = False
    got_sigterm.clear()
    code = process.exitcode
    print(f"{method:5}: child exit code {code}; parent's handler ran: {told}")


async def main():
    loop = asyncio.get_running_loop()
    got_sigterm = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, got_sigterm.set)  # (5)!
    await stop_child("fork", got_sigterm)
    await stop_child("spawn", got_sigterm)


if __name__ == "__main__":
    asyncio.run(main())
