from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Event

started = release = None


def init(*events):
    global started, release
    started, release = events


def blocker():
    started.set()
    release.wait()
    return "blocker done"


if __name__ == "__main__":
    events = Event(), Event()
    ex = ProcessPoolExecutor(1, initializer=init, initargs=events)
    running = ex.submit(blocker)
    events[0].wait()  # (1)!
    waiting = [ex.submit(pow, 2, n) for n in range(6)]
    print("cancel() the running task:", running.cancel())  # (2)!
    print("cancel() the last task:", waiting[-1].cancel())  # (3)!
    ex.shutdown(wait=False, cancel_futures=True)  # (4)!
    events[1].set()
    print(running.result())
    print("last four cancelled:", [f.cancelled() for f in waiting[2:]])
    ex.shutdown()  # (5)!
