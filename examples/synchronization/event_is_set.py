from multiprocessing import Event, Pipe, Process


def worker(stop, conn):
    units = 0
    while not stop.is_set():  # (1)!
        units += 1
        conn.send(units)  # (2)!
        conn.recv()
    conn.send(f"worker: stop is set, leaving after {units} units")


if __name__ == "__main__":
    stop = Event()
    here, there = Pipe()
    p = Process(target=worker, args=(stop, there))
    p.start()
    print("before set(): is_set() ->", stop.is_set())
    while here.recv() < 3:
        here.send("next")
    stop.set()  # (3)!
    here.send("next")
    print(here.recv())
    p.join()
    print(
        "after set():  is_set() ->", stop.is_set(), "| exit code", p.exitcode
    )
