from multiprocessing import Pipe, Process


def child(conn):
    conn.send("hello from the child")
    reply = conn.recv()  # (1)!
    print("child received:", reply)
    conn.send("thanks")  # (2)!
    conn.close()


if __name__ == "__main__":
    parent_conn, child_conn = Pipe()  # (3)!
    p = Process(target=child, args=(child_conn,))
    p.start()
    print("parent received:", parent_conn.recv(), flush=True)  # (4)!
    parent_conn.send("你好, child")
    print("parent received:", parent_conn.recv())
    p.join()
