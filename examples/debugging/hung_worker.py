import contextlib
import faulthandler
import multiprocessing
import os
import pathlib
import sys
import tempfile
import time

stack_log = None


def open_stack_log(folder):
    global stack_log
    path = pathlib.Path(folder, f"stacks-{os.getpid()}.log")
    stack_log = open(path, "w")  # (1)!


@contextlib.contextmanager
def watchdog(seconds):
    faulthandler.dump_traceback_later(  # (2)!
        seconds, exit=False, file=stack_log
    )
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()  # (3)!


def fetch(reply):
    with watchdog(3):
        return reply.recv()  # (4)!


def quick(x):
    with watchdog(3):
        return x * 2


def read_dump(folder):
    while True:  # (5)!
        for path in pathlib.Path(folder).glob("stacks-*.log"):
            text = path.read_text()
            if text.endswith("in <module>\n"):
                return text
        time.sleep(0.05)


if __name__ == "__main__":
    reply, never_answered = multiprocessing.Pipe(duplex=False)
    with tempfile.TemporaryDirectory() as folder:
        pool = multiprocessing.Pool(1, open_stack_log, (folder,))
        print("quick task:", pool.apply(quick, (21,)))
        pool.apply_async(fetch, (reply,))
        sys.stderr.write(read_dump(folder))  # (6)!
        pool.terminate()  # (7)!
        pool.join()
    print("the pool is gone:", multiprocessing.active_children() == [])
