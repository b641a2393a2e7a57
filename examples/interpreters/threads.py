import threading
from concurrent import interpreters


def thread_id():
    import threading

    return threading.get_ident()


def square_into(queue, x):
    queue.put(x * x)


def hold(started, release):
    started.put(True)
    release.get()


if __name__ == "__main__":
    interp = interpreters.create()
    same = interp.call(thread_id) == threading.get_ident()  # (1)!
    print("call() ran in the calling thread:", same)
    queue = interpreters.create_queue()
    others = [interpreters.create() for _ in range(3)]
    threads = [
        other.call_in_thread(square_into, queue, x)  # (2)!
        for other, x in zip(others, [3, 1, 4])
    ]
    print("call_in_thread() returned:", type(threads[0]).__name__)
    for t in threads:
        t.join()  # (3)!
    print("results:", sorted(queue.get() for _ in threads))

    started, release = interpreters.create_queue(), interpreters.create_queue()
    t = interp.call_in_thread(hold, started, release)
    started.get()  # (4)!
    print("while hold() runs, is_running():", interp.is_running())
    try:
        interp.exec("pass")  # (5)!
    except interpreters.InterpreterError as error:
        print("a second exec() meanwhile:", error)
    release.put(True)
    t.join()
    print("after join(), is_running():", interp.is_running())  # (6)!
    for other in [interp, *others]:
        other.close()
