from ctypes import Structure, c_double
from multiprocessing import Array, Process, Value


class Point(Structure):  # (1)!
    _fields_ = [("x", c_double), ("y", c_double)]


def move(origin, corners):
    with origin.get_lock():  # (2)!
        origin.x += 10
        origin.y += 10
    with corners.get_lock():
        for corner in corners:  # (3)!
            corner.x, corner.y = corner.y, corner.x


if __name__ == "__main__":
    origin = Value(Point, 1.5, 2.5)  # (4)!
    corners = Array(Point, [(0, 1), (2, 3)])  # (5)!
    print(type(origin).__name__, type(corners).__name__)
    p = Process(target=move, args=(origin, corners))
    p.start()
    p.join()
    print("origin:", origin.x, origin.y)  # (6)!
    print("corners:", [(c.x, c.y) for c in corners])
