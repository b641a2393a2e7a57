import logging
import multiprocessing


def work():
    print("child: working")


if __name__ == "__main__":
    logger = multiprocessing.log_to_stderr(logging.INFO)
    p = multiprocessing.Process(target=work)
    p.start()
    p.join()
    print(
        "get_logger() is that logger:", multiprocessing.get_logger() is logger
    )
