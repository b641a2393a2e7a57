import sys
from multiprocessing import Pool, freeze_support


def square(x):
    return x * x


if __name__ == "__main__":
    freeze_support()  # (1)!
    print("frozen:", getattr(sys, "frozen", False))  # (2)!
    with Pool(2) as pool:
        print(pool.map(square, [1, 2, 3]))
