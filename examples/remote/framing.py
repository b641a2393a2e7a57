import pickle
import socket
import struct
from multiprocessing.connection import Connection


def read_exactly(sock, n):
    data = b""
    while len(data) < n:
        data += sock.recv(n - len(data))
    return data


if __name__ == "__main__":
    ours, theirs = socket.socketpair()
    conn = Connection(ours.detach())  # (1)!

    conn.send_bytes(b"hello")
    print(read_exactly(theirs, 9))  # (2)!

    conn.send(["a", 1])
    (length,) = struct.unpack("!i", read_exactly(theirs, 4))  # (3)!
    payload = read_exactly(theirs, length)
    print("length:", length, "payload unpickles to:", pickle.loads(payload))

    reply = b'{"ok": true}'
    theirs.sendall(struct.pack("!i", len(reply)) + reply)  # (4)!
    print(conn.recv_bytes())

    conn.close()
    theirs.close()
