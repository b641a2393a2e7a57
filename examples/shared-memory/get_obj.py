import io
import struct
from multiprocessing import Array, Process


def total(samples):
    with samples.get_lock():  # (1)!
        print("child sums", sum(samples.get_obj()))


if __name__ == "__main__":
    samples = Array("i", 4)
    raw = samples.get_obj()  # (2)!
    print(type(samples).__name__, "->", type(raw).__name__)
    try:
        memoryview(samples)  # (3)!
    except TypeError as error:
        print("TypeError:", error)
    data = io.BytesIO(struct.pack("4i", 10, 20, 30, 40))
    with samples.get_lock():
        data.readinto(raw)  # (4)!
    print(samples[:])
    p = Process(target=total, args=(samples,))
    p.start()
    p.join()
