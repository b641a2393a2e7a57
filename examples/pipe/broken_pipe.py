from multiprocessing import Pipe, Process


def worker(conn):
    print("worker got:", conn.recv())  # (1)!


if __name__ == "__main__":
    parent_conn, child_conn = Pipe()
    p = Process(target=worker, args=(child_conn,))
    p.start()
    parent_conn.send("task 1")
    p.join()
    parent_conn.send("task 2")  # (2)!
    print("task 2 sent; worker exit code:", p.exitcode)
    child_conn.close()  # (3)!
    try:
        parent_conn.send("task 3")
    except BrokenPipeError as exc:  # (4)!
        print(f"{type(exc).__name__}: {exc}")
    parent_conn.close()
