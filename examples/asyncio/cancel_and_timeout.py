import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def init(*events):
    global started, release, finished
    started, release, finished = events


def fails():
    raise ValueError("bad input")


def slow():
    started.set()
    release.wait()  # (1)!
    finished.set()
    return "done"


async def main():
    loop = asyncio.get_running_loop()
    events = [multiprocessing.Event() for _ in range(3)]
    started, release, finished = events
    executor = ProcessPoolExecutor(1, initializer=init, initargs=events)
    try:
        try:
            await loop.run_in_executor(executor, fails)  # (2)!
        except ValueError as error:
            cause = type(error.__cause__).__name__
            print("ValueError:", error, "| cause:", cause)
        job = loop.run_in_executor(executor, slow)
        await asyncio.to_thread(started.wait)
        try:
            await asyncio.wait_for(job, timeout=0.5)  # (3)!
        except asyncio.TimeoutError:
            print("timed out; the future is cancelled:", job.cancelled())
        running = not finished.is_set()  # (4)!
        print("the task still runs in the worker:", running)
        release.set()
    finally:
        await asyncio.to_thread(executor.shutdown)  # (5)!
    print("after shutdown, the task has finished:", finished.is_set())


if __name__ == "__main__":
    asyncio.run(main())
