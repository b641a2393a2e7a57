from multiprocessing import Pipe, Process


def send_numbers(conn):
    for n in range(3):
        conn.send(n)
    conn.close()  # (1)!


if __name__ == "__main__":
    parent_conn, child_conn = Pipe()
    p = Process(target=send_numbers, args=(child_conn,))
    p.start()
    child_conn.close()  # (2)!
    while True:
        try:
            print("received", parent_conn.recv())
        except EOFError:  # (3)!
            print("EOFError: every copy of the sending end is closed")
            break
    p.join()
