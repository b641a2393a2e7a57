import multiprocessing as mp
import socket
import tempfile
import threading


class Client:
    def __init__(self):
        self.lock = threading.Lock()  # (1)!

    def ping(self):
        print("  the bound method ran")


def write_to(file):
    file.write("written by the child\n")
    file.flush()


def send_on(sock):
    sock.sendall(b"hello")


def start(target, *args):
    p = mp.Process(target=target, args=args)
    try:
        p.start()  # (2)!
    except TypeError as exc:
        print("  start() failed:", exc)
    else:
        p.join()
        print("  exit code:", p.exitcode)


if __name__ == "__main__":
    print("target=client.ping, a bound method:")
    start(Client().ping)
    print("an open file as an argument:")
    with tempfile.TemporaryFile("w+") as file:  # (3)!
        start(write_to, file)
        file.seek(0)
        print("  the file holds:", repr(file.read()))
    print("a socket as an argument:")
    parent_end, child_end = socket.socketpair()
    with parent_end, child_end:
        start(send_on, child_end)  # (4)!
        print("  the parent received:", parent_end.recv(5))
