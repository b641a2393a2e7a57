import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import Pool, TimeoutError


class ParseError(Exception):
    def __init__(self, line, reason):  # (1)!
        super().__init__(f"line {line}: {reason}")
        self.line = line


def parse(line):
    raise ParseError(line, "not a number")


def report(args):  # (2)!
    print("  a pool thread died:", args.exc_type.__name__, args.exc_value)
    handler_died.set()


if __name__ == "__main__":
    with ProcessPoolExecutor(1) as executor:
        future = executor.submit(parse, 3)
        try:
            future.result()
        except BrokenProcessPool as exc:  # (3)!
            print("Executor:", type(exc).__name__)
            print("  cause:", exc.__cause__.tb.strip().splitlines()[-2])

    print("Pool:")
    handler_died = threading.Event()
    threading.excepthook = report
    pool = Pool(1)
    pending = pool.map_async(parse, [3])
    handler_died.wait()  # (4)!
    try:
        pending.get(timeout=0.5)
    except TimeoutError:
        print("  get(timeout=0.5): TimeoutError, and no result will come")
    try:
        pool.terminate()  # (5)!
    except AssertionError:
        print("  terminate(): AssertionError")
