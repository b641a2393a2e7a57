import os
import tempfile
from multiprocessing import Pipe, Process
from multiprocessing.reduction import recv_handle, send_handle


def reader(conn):
    fd = recv_handle(conn)  # (1)!
    with open(fd, encoding="utf-8") as f:  # (2)!
        print("child read: ", repr(f.read()))


if __name__ == "__main__":
    parent_end, child_end = Pipe()  # (3)!
    p = Process(target=reader, args=(child_end,))
    p.start()
    with tempfile.TemporaryDirectory() as private:
        path = os.path.join(private, "note.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("first line\nsecond line\n")
        fd = os.open(path, os.O_RDONLY)  # (4)!
    print("the file still has a name:", os.path.exists(path))  # (5)!
    print("parent read:", os.read(fd, 11))  # (6)!
    send_handle(parent_end, fd, p.pid)  # (7)!
    os.close(fd)
    p.join()
