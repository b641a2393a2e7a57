from multiprocessing import BufferTooShort, Pipe, Process


def send_raw(conn):
    conn.send_bytes(b"raw bytes, not pickled")  # (1)!
    digits = bytearray(b"0123456789")
    conn.send_bytes(digits, 2, 5)  # (2)!
    conn.send_bytes(b"longer than sixteen bytes")
    conn.send_bytes(b"next")
    conn.close()


if __name__ == "__main__":
    parent_conn, child_conn = Pipe()
    p = Process(target=send_raw, args=(child_conn,))
    p.start()
    print(parent_conn.recv_bytes())
    buffer = bytearray(16)
    n = parent_conn.recv_bytes_into(buffer)  # (3)!
    print(n, "bytes:", buffer[:n])
    try:
        parent_conn.recv_bytes_into(buffer)  # (4)!
    except BufferTooShort as error:
        print("BufferTooShort, args[0]:", error.args[0])  # (5)!
    print("then:", parent_conn.recv_bytes())
    p.join()
