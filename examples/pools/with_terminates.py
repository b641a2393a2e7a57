from multiprocessing import Event, Pool, TimeoutError, active_children

gate = None


def set_gate(event):
    global gate
    gate = event


def square_when_open(n):
    gate.wait()  # (1)!
    return n * n


if __name__ == "__main__":
    closed = Event()
    with Pool(2, initializer=set_gate, initargs=(closed,)) as pool:
        pending = pool.apply_async(square_when_open, (7,))
        print("workers inside the with block:", len(active_children()))
    print("workers after the with block: ", len(active_children()))  # (2)!
    print("result ready?", pending.ready())
    try:
        pending.get(timeout=1)  # (3)!
    except TimeoutError:
        print("get(timeout=1) raised TimeoutError")

    opened = Event()
    opened.set()
    with Pool(2, initializer=set_gate, initargs=(opened,)) as pool:
        pending = pool.apply_async(square_when_open, (7,))
        print("inside the with block, get():", pending.get())  # (4)!
