from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def square(x):
    return x * x  # (1)!


if __name__ == "__main__":
    numbers = [3, 1, 4, 1, 5]
    with Pool(2) as pool:
        print("Pool.map:", pool.map(square, numbers))  # (2)!
    with ProcessPoolExecutor(2) as executor:
        future = executor.submit(square, 12)
        print("Future.result():", future.result())  # (3)!
        print("Executor.map:", list(executor.map(square, numbers)))
