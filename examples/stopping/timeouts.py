import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Event, Pool, Process

release = None


def wait_for(event):
    event.wait()


def init(event):
    global release
    release = event


def slow():
    release.wait()
    return "done"


if __name__ == "__main__":
    never = Event()
    p = Process(target=wait_for, args=(never,))
    p.start()
    p.join(timeout=0.2)  # (1)!
    print("after join(0.2): exitcode", p.exitcode, "alive", p.is_alive())
    p.terminate()
    p.join()
    print("after terminate(): exitcode", p.exitcode)

    event = Event()
    with Pool(1, initializer=init, initargs=(event,)) as pool:
        result = pool.apply_async(slow)
        try:
            result.get(timeout=0.2)  # (2)!
        except multiprocessing.TimeoutError as exc:
            print("AsyncResult.get:", type(exc).__module__, type(exc).__name__)
            print("  builtin TimeoutError:", isinstance(exc, TimeoutError))
        event.set()
        print("  later:", result.get())  # (3)!

    event.clear()
    with ProcessPoolExecutor(1, initializer=init, initargs=(event,)) as ex:
        future = ex.submit(slow)
        try:
            future.result(timeout=0.2)
        except TimeoutError as exc:  # (4)!
            print("Future.result:", type(exc).__module__, type(exc).__name__)
        except Exception as exc:
            print("Future.result:", type(exc).__module__, type(exc).__name__)
            print("  builtin TimeoutError: False")
        event.set()
        print("  later:", future.result())  # (5)!
