import asyncio
import multiprocessing


def producer(queue, go):
    go.wait()  # (1)!
    for n in range(3):
        queue.put(n * n)
    queue.put(None)  # (2)!


async def heartbeat(go):
    print("heartbeat: the loop is free")
    go.set()


async def main():
    queue = multiprocessing.Queue()
    go = multiprocessing.Event()
    worker = multiprocessing.Process(target=producer, args=(queue, go))
    worker.start()
    beat = asyncio.create_task(heartbeat(go))
    while (item := await asyncio.to_thread(queue.get)) is not None:  # (3)!
        print("got", item)
    await beat
    await asyncio.to_thread(worker.join)
    print("worker exit code", worker.exitcode)


if __name__ == "__main__":
    asyncio.run(main())
