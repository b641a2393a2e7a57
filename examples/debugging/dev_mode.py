import asyncio
import faulthandler
import multiprocessing
import subprocess
import sys


def worker_flags():
    return sys.flags.dev_mode


async def loop_debug():
    return asyncio.get_running_loop().get_debug()


def forgetful():
    print(
        f"dev_mode={sys.flags.dev_mode}",  # (1)!
        f"faulthandler={faulthandler.is_enabled()}",
        f"asyncio debug={asyncio.run(loop_debug())}",
    )
    pool = multiprocessing.Pool(1)
    print("  worker dev_mode:", pool.apply(worker_flags))  # (2)!
    del pool  # (3)!


if __name__ == "__main__":
    if sys.argv[1:] == ["child"]:
        forgetful()
    else:
        for flags in ([], ["-X", "dev"]):
            command = [sys.executable, *flags, __file__, "child"]  # (4)!
            subprocess.run(command, check=True)
