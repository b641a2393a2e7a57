from multiprocessing import Pipe, Process


def send_greeting(conn):
    conn.send([5, "hello"])  # (1)!
    conn.close()


if __name__ == "__main__":
    parent_conn, child_conn = Pipe()  # (2)!
    p = Process(target=send_greeting, args=(child_conn,))
    p.start()
    print(parent_conn.recv())  # (3)!
    p.join()
