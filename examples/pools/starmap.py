from functools import partial
from multiprocessing import Pool


def power(base, exponent):
    return base**exponent


if __name__ == "__main__":
    bases, exponents = [2, 3, 10, 5], [3, 2, 0, 1]
    with Pool(2) as pool:
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0), (5, 1)]))  # (1)!
        print(pool.starmap(power, zip(bases, exponents)))  # (2)!
        print(pool.map(partial(power, exponent=2), range(5)))  # (3)!
