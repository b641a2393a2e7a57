import asyncio
import contextlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def checksum(data):
    return sum(data) % 251


@contextlib.asynccontextmanager
async def lifespan(app):
    app["executor"] = ProcessPoolExecutor(max_workers=2)  # (1)!
    try:
        yield
    finally:
        await asyncio.to_thread(app["executor"].shutdown)  # (2)!


async def handle(app, request):
    loop = asyncio.get_running_loop()
    executor = app["executor"]
    return await loop.run_in_executor(executor, checksum, request)  # (3)!


async def main():
    app = {}
    async with lifespan(app):
        for batch in range(3):
            sizes = (10, 20, 30, 40)
            requests = [bytes(range(batch, batch + n)) for n in sizes]
            calls = [handle(app, r) for r in requests]
            answers = await asyncio.gather(*calls)  # (4)!
            print(f"batch {batch}:", answers)
    left = multiprocessing.active_children()  # (5)!
    print("child processes after shutdown:", len(left))


if __name__ == "__main__":
    asyncio.run(main())
