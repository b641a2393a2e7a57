import threading
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
    done = threading.Semaphore(0)
    for f in waiting[2:5]:
        f.add_done_callback(lambda f: done.release())
    stopper = threading.Thread(
        target=ex.shutdown, kwargs={"cancel_futures": True}
    )
    stopper.start()  # (4)!
    for _ in range(3):
        done.acquire()  # (5)!
    print("last four cancelled:", [f.cancelled() for f in waiting[2:]])
    events[1].set()
    print(running.result())
    stopper.join()  # (6)!
