from multiprocessing import Manager, Process


def store(squares, lock, n):
    with lock:  # (1)!
        squares[n] = n * n


def child(tasks, squares, total, lock, changed, slots):
    with slots:  # (2)!
        for n in iter(tasks.get, None):
            with lock:
                store(squares, lock, n)
            with changed:
                total.value += n  # (3)!
                changed.notify()
            tasks.task_done()
        tasks.task_done()  # (4)!
    try:
        slots.release()  # (5)!
    except ValueError as error:
        print("child: one release() too many:", error)


if __name__ == "__main__":
    with Manager() as manager:
        tasks = manager.JoinableQueue()
        squares = manager.Array("i", [0] * 4)  # (6)!
        total = manager.Value("i", 0)
        lock, changed = manager.RLock(), manager.Condition()
        slots = manager.BoundedSemaphore(1)
        args = (tasks, squares, total, lock, changed, slots)
        p = Process(target=child, args=args)
        p.start()
        for n in (1, 2, 3, None):
            tasks.put(n)
        with changed:
            changed.wait_for(lambda: total.value == 6)  # (7)!
        tasks.join()  # (8)!
        p.join()
        print("total:", total.value, "| squares:", squares[:])  # (9)!
        print("Value has get_lock():", hasattr(total, "get_lock"))  # (10)!
        total.value = "six"
        print("Value('i') now holds:", repr(total.value))
        try:
            squares[0] = "six"  # (11)!
        except TypeError as error:
            print("Array('i') refuses a str:", type(error).__name__)
