import pickle
import re
from multiprocessing import Pool


def main():
    def cube(n):  # (1)!
        return n**3

    with Pool(2) as pool:
        try:
            pool.map(cube, range(5))
        except (AttributeError, pickle.PicklingError) as exc:  # (2)!
            message = re.sub(" at 0x[0-9a-f]+", "", str(exc))  # (3)!
            print(f"{type(exc).__name__}: {message}")


if __name__ == "__main__":
    main()
