from multiprocessing import Pipe, Process


def send_two(conn):
    conn.send("first")
    conn.send("second")
    conn.recv()  # (1)!


if __name__ == "__main__":
    parent_conn, child_conn = Pipe()
    p = Process(target=send_two, args=(child_conn,))
    p.start()
    print(parent_conn.recv())
    print(parent_conn.recv())
    if not parent_conn.poll(0.5):  # (2)!
        print("no third message within 0.5 s; recv() would have blocked")
    parent_conn.send("bye")  # (3)!
    p.join()
