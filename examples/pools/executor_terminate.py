from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import Event

started = never = None


def set_events(*events):
    global started, never
    started, never = events


def forever():
    started.set()
    never.wait()  # (1)!


if __name__ == "__main__":
    events = Event(), Event()
    executor = ProcessPoolExecutor(1, initializer=set_events, initargs=events)
    future = executor.submit(forever)
    events[0].wait()  # (2)!
    executor.terminate_workers()  # (3)!
    try:
        future.result()
    except BrokenProcessPool as exc:
        print("the running task:", type(exc).__name__)
    try:
        executor.submit(forever)
    except BrokenProcessPool as exc:  # (4)!
        print("submit() afterwards:", type(exc).__name__, "-", exc)
