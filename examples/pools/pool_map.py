from multiprocessing import Pool


def square(n):  # (1)!
    return n * n


if __name__ == "__main__":
    with Pool(processes=3) as pool:  # (2)!
        squares = pool.map(square, range(10))  # (3)!
    print(squares)
